package com.mediassist.models.tuf;

import com.mediassist.models.ModelsCli;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code models keys init} and {@code models publish}. */
public final class TufCommands {

    private TufCommands() {
    }

    @Command(name = "keys", mixinStandardHelpOptions = true, description = "Repository role keys.", subcommands = {KeysInit.class, Refresh.class})
    public static final class Keys implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            spec.commandLine().usage(spec.commandLine().getErr());
            return 2;
        }
    }

    @Command(name = "init", description = "Creates the TUF role keys (root in its own directory, to move off the machine;"
            + " targets, snapshot, timestamp online) and the first signed metadata.")
    static final class KeysInit implements Callable<Integer> {
        @Option(names = "--data-dir", required = true, description = "vendor data directory")
        Path dataDir;
        @Option(names = "--root-key-dir", description = "where the root key goes; default: <data-dir>/keys/root-offline")
        Path rootKeyDir;

        @Override
        public Integer call() throws IOException {
            Path dir = rootKeyDir != null ? rootKeyDir : TufRepository.defaultRootKeyDir(dataDir);
            new TufRepository(dataDir, Clock.systemUTC()).initKeys(dir);
            System.out.println("wrote the root key to " + dir + " (move it off this machine; only a root rotation needs it),"
                    + " the online keys to " + dataDir.resolve("keys/online") + " and "
                    + TufRepository.repository(dataDir).resolve("metadata/root.json") + " (the root a box pins)");
            return 0;
        }
    }

    @Command(name = "refresh", description = "Re-signs the snapshot and timestamp metadata (run at least daily: the"
            + " timestamp expires after a day) without publishing anything new.")
    static final class Refresh implements Callable<Integer> {
        @Option(names = "--data-dir", required = true, description = "vendor data directory")
        Path dataDir;

        @Override
        public Integer call() throws IOException {
            int v = new TufRepository(dataDir, Clock.systemUTC()).refresh();
            System.out.println("signed timestamp version " + v);
            return 0;
        }
    }

    @Command(name = "publish", description = "Signs a gated diagnosis bundle or a knowledge bundle into the update repository (TUF targets, snapshot, timestamp).")
    public static final class Publish implements Callable<Integer> {
        @Option(names = "--data-dir", required = true, description = "vendor data directory")
        Path dataDir;
        @Option(names = "--bundle", description = "diagnosis bundle directory (with the gate.json 'models gate' wrote)")
        Path bundle;
        @Option(names = "--knowledge", description = "knowledge bundle directory ('models knowledge-bundle' wrote it)")
        Path knowledge;
        @Option(names = "--force-without-gate", description = "publish without a passing gate (needs --reason; recorded)")
        boolean force;
        @Option(names = "--reason", description = "why the gate is skipped (recorded in publish-log.jsonl)")
        String reason;

        @Override
        public Integer call() throws IOException {
            if ((bundle == null) == (knowledge == null)) {
                throw new IllegalArgumentException("name exactly one of --bundle DIR and --knowledge DIR");
            }
            if (force && (reason == null || reason.isBlank())) {
                throw new IllegalArgumentException("--force-without-gate needs --reason R");
            }
            if (!force && reason != null) {
                throw new IllegalArgumentException("--reason is only for --force-without-gate");
            }
            TufRepository repository = new TufRepository(dataDir, Clock.systemUTC());
            TufRepository.Published p = knowledge != null ? repository.publishKnowledge(knowledge)
                    : repository.publish(bundle, ModelsCli.MIN_APPLIANCE_VERSION, force ? reason : null);
            System.out.println(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(Map.of(
                    "target", p.target(), "sha256", p.sha256(), "length", p.length(), "targetsVersion", p.targetsVersion(),
                    "gate", p.gate())));
            return 0;
        }
    }
}
