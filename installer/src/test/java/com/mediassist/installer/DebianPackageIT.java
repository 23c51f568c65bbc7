package com.mediassist.installer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The Debian package, end to end: {@code bin/package} builds two versions, and
 * {@code src/test/deb/install-test.sh} installs the first into a throwaway Debian root (a cached
 * minbase tarball), checks user, modes, certificate and first admin, runs {@code systemd-analyze
 * verify} and {@code security} on the shipped unit (exposure at most 2.0), starts the service as its
 * unit does, logs in over HTTPS, writes a patient, runs the nightly backup, upgrades to the second
 * version (backup first, data intact), restores the pre-upgrade backup, has a downgrade over a newer
 * database refused, then removes (data kept) and purges (data gone).
 *
 * <p>Needs root (chroot, mount), the appliance built ({@code appliance/target/quarkus-app}) and,
 * the first time, Debian's mirror for the cached root. Outside CI it is skipped, saying why, when
 * one of these is missing; with {@code CI=true} it always runs.
 */
class DebianPackageIT {

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final boolean CI = "true".equals(System.getenv("CI"));
    /** Packages built by this test run, by version. */
    private static final Map<String, Path> BUILT = new java.util.HashMap<>();

    @Test
    void installsUpgradesRemovesAndPurgesInAThrowawayDebianRoot() throws Exception {
        boolean root = "root".equals(System.getProperty("user.name"));
        Path appliance = REPO.resolve("appliance/target/quarkus-app/quarkus-run.jar");
        if (!CI) {
            assumeTrue(root, "DebianPackageIT skipped: the install test needs root (chroot, mount); CI runs it as root");
            assumeTrue(Files.isRegularFile(appliance), "DebianPackageIT skipped: " + appliance
                    + " is missing; build the appliance first (mvn -pl appliance -am package) or run bin/test");
        }
        assertThat(root).as("CI=true: the install test must run, as root").isTrue();
        assertThat(appliance).as("the appliance must be built before the installer's tests").isRegularFile();

        Path log = Path.of("target", "deb-install-test.log").toAbsolutePath();
        Files.deleteIfExists(log);
        Path older = buildPackage("0.1.0~it1", log);
        Path newer = buildPackage("0.1.0~it2", log);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        int exit = run(List.of("bash", REPO.resolve("installer/src/test/deb/install-test.sh").toString(),
                older.toString(), newer.toString(), Integer.toString(port)), Map.of(), log, 12);
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(exit).as("install-test.sh failed; its output (%s):%n%s", log, output).isZero();
        assertThat(output).contains("PASS systemd-analyze security --offline=true: exposure",
                "PASS logged in as admin over HTTPS; session cookies are Secure",
                "PASS data intact after the upgrade", "PASS downgrade refused clearly",
                "PASS purge removed the data", "ALL PASSED");
    }

    /**
     * Under a real systemd (systemd-nspawn): the hardened unit runs the appliance, a broken upgrade
     * fails its health check and is left stopped naming the backup, restore plus the previous package
     * bring it back. Skipped (exit 77, saying why) where systemd-nspawn is missing or cannot boot.
     */
    @Test
    void underSystemdAFailedUpgradeIsLeftStoppedAndTheClinicCanGoBack() throws Exception {
        boolean root = "root".equals(System.getProperty("user.name"));
        Path appliance = REPO.resolve("appliance/target/quarkus-app/quarkus-run.jar");
        assumeTrue(root && Files.isRegularFile(appliance), "needs root and the built appliance (see the other test)");
        Path log = Path.of("target", "deb-systemd-test.log").toAbsolutePath();
        Files.deleteIfExists(log);
        Path older = buildPackage("0.1.0~it1", log);
        Path newer = buildPackage("0.1.0~it2", log);
        int exit = run(List.of("bash", REPO.resolve("installer/src/test/deb/systemd-test.sh").toString(),
                older.toString(), newer.toString()), Map.of(), log, 12);
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assumeTrue(exit != 77, () -> "systemd tier skipped: " + output.lines().filter(l -> l.startsWith("SKIP"))
                .findFirst().orElse("(no reason given)"));
        assertThat(exit).as("systemd-test.sh failed; its output (%s):%n%s", log, output).isZero();
        assertThat(output).contains("PASS the JVM runs sandboxed", "PASS health check failed: service",
                "PASS the clinic is back on 0.1.0~it1, healthy", "ALL PASSED");
    }

    /** Packages what Maven built, uncompressed (the test is about installing, not compression); once per version. */
    private static synchronized Path buildPackage(String version, Path log) throws IOException, InterruptedException {
        Path built = BUILT.get(version);
        if (built != null) {
            return built;
        }
        int exit = run(List.of("bash", REPO.resolve("bin/package").toString(), "--no-build", "--version", version),
                Map.of("DEB_COMPRESS", "none"), log, 5);
        assertThat(exit).as("bin/package --version %s failed; see %s", version, log).isZero();
        Path deb = REPO.resolve("installer/target/mediassist_" + version + "_amd64.deb");
        assertThat(deb).isRegularFile();
        BUILT.put(version, deb);
        return deb;
    }

    private static int run(List<String> command, Map<String, String> env, Path log, int minutes)
            throws IOException, InterruptedException {
        Files.createDirectories(log.getParent());
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().putAll(env);
        pb.environment().put("PATH", pb.environment().getOrDefault("PATH", "") + File.pathSeparator + "/usr/sbin:/sbin");
        Process p = pb.start();
        if (!p.waitFor(minutes, TimeUnit.MINUTES)) {
            p.destroy();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            throw new AssertionError(String.join(" ", command) + " took longer than " + minutes + " minutes; see " + log);
        }
        return p.exitValue();
    }
}
