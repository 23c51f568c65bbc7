package com.mediassist.sync.ota;

/** Why an over-the-air operation did not happen. One subclass per failure; each carries the facts. */
public abstract class OtaException extends Exception {

    protected OtaException(String message, Throwable cause) {
        super(message, cause);
    }

    /** No trusted root is installed, so nothing from a repository can be trusted. */
    public static final class NoTrustedRootException extends OtaException {
        public NoTrustedRootException(java.nio.file.Path expected) {
            super("no trusted TUF root at " + expected + " (install the vendor's root.json with 'bundles trust')", null);
        }
    }

    /** A bundle was refused: TUF verification, its own hashes, compatibility or its golden cases. */
    public static final class BundleRefusedException extends OtaException {
        private final String bundle;
        private final String reason;

        public BundleRefusedException(String bundle, String reason, Throwable cause) {
            super("bundle " + bundle + " refused: " + reason, cause);
            this.bundle = bundle;
            this.reason = reason;
        }

        /** {@code <id>-<version>} or the target name. */
        public String bundle() {
            return bundle;
        }

        public String reason() {
            return reason;
        }
    }

    /** The repository could not be read or refused by the TUF client (nothing was staged). */
    public static final class RepositoryRefusedException extends OtaException {
        public RepositoryRefusedException(String repository, Throwable cause) {
            super("update repository " + repository + " refused: " + cause.getMessage(), cause);
        }
    }

    /** The version asked for is not among the kept bundles. */
    public static final class UnknownVersionException extends OtaException {
        private final String version;

        public UnknownVersionException(String version, java.util.Collection<String> kept) {
            super("bundle version " + version + " is not kept on this box; kept: " + kept, null);
            this.version = version;
        }

        public String version() {
            return version;
        }
    }

    /** There is no previous bundle to go back to. */
    public static final class NothingToRollBackException extends OtaException {
        public NothingToRollBackException() {
            super("there is no previous bundle to roll back to", null);
        }
    }

    /**
     * A kept bundle does not verify any more against the signed metadata it was installed with: a file of it was
     * changed, added or removed, or its kept metadata is missing, forged or signed by too few keys.
     */
    public static final class UnverifiedBundleException extends OtaException {
        private final String bundle;
        private final String file;
        private final String problem;

        public UnverifiedBundleException(String bundle, String file, String problem, Throwable cause) {
            super("bundle " + bundle + " does not verify: " + file + ": " + problem, cause);
            this.bundle = bundle;
            this.file = file;
            this.problem = problem;
        }

        /** {@code <id>-<version>}. */
        public String bundle() {
            return bundle;
        }

        /** The file that does not verify (a bundle file, or a kept metadata file). */
        public String file() {
            return file;
        }

        /** What is wrong with it. */
        public String problem() {
            return problem;
        }
    }

    /** The OTA directory could not be read or written. */
    public static final class StoreException extends OtaException {
        public StoreException(String problem, Throwable cause) {
            super(problem + (cause == null ? "" : ": " + cause.getMessage()), cause);
        }
    }
}
