package com.mediassist.core.bundle;

import com.mediassist.core.InferenceCoreException;
import java.nio.file.Path;
import java.util.List;

/** Why a model bundle was refused. One subclass per failure; each carries the facts. */
public abstract class BundleException extends InferenceCoreException {

    protected BundleException(String message) {
        super(message);
    }

    protected BundleException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The manifest is missing, unreadable, of another format, or names a path outside the bundle. */
    public static final class InvalidManifestException extends BundleException {
        public InvalidManifestException(String message) {
            super(message);
        }

        public InvalidManifestException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A file listed by the manifest is not in the bundle. */
    public static final class MissingFileException extends BundleException {
        private final String path;

        public MissingFileException(String path, Path bundle) {
            super("bundle " + bundle + " lacks the file " + path + " listed in its manifest");
            this.path = path;
        }

        public String path() {
            return path;
        }
    }

    /** A file's size or SHA-256 is not what the manifest says. */
    public static final class HashMismatchException extends BundleException {
        private final String path;
        private final String expected;
        private final String found;

        public HashMismatchException(String path, String expected, String found) {
            super("bundle file " + path + " does not match its manifest: expected " + expected + ", found " + found);
            this.path = path;
            this.expected = expected;
            this.found = found;
        }

        public String path() {
            return path;
        }

        public String expected() {
            return expected;
        }

        public String found() {
            return found;
        }
    }

    /** The model's input features or labels differ from those the engine builds from the knowledge. */
    public static final class FeatureMismatchException extends BundleException {
        private final List<String> expected;
        private final List<String> found;

        public FeatureMismatchException(String what, List<String> expected, List<String> found) {
            super("model " + what + " differ from the engine's: " + firstDifference(expected, found));
            this.expected = List.copyOf(expected);
            this.found = List.copyOf(found);
        }

        private static String firstDifference(List<String> expected, List<String> found) {
            for (int i = 0; i < Math.min(expected.size(), found.size()); i++) {
                if (!expected.get(i).equals(found.get(i))) {
                    return "at position " + i + " expected '" + expected.get(i) + "', found '" + found.get(i) + "'";
                }
            }
            return "expected " + expected.size() + " names, found " + found.size();
        }

        public List<String> expected() {
            return expected;
        }

        public List<String> found() {
            return found;
        }
    }

    /** The bundle needs a newer appliance than the running one. */
    public static final class IncompatibleVersionException extends BundleException {
        public IncompatibleVersionException(String required, String running) {
            super("bundle requires appliance " + required + " or newer; this is " + running);
        }
    }
}
