package com.mediassist.models;

/**
 * Entry point of the Maven build's bundle step (exec-maven-plugin runs it inside Maven, so it must
 * not call {@link System#exit}): runs {@code models bundle} with the given arguments and fails the
 * build when it fails.
 */
public final class BuildBundle {

    private BuildBundle() {
    }

    public static void main(String[] args) {
        int code = ModelsCli.run(prepend("bundle", args));
        if (code != 0) {
            throw new ModelsException("models bundle failed with exit code " + code);
        }
    }

    private static String[] prepend(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
