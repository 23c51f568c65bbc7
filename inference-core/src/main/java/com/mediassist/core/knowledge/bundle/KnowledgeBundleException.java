package com.mediassist.core.knowledge.bundle;

import com.mediassist.core.knowledge.KnowledgeException;

/**
 * A knowledge bundle (the shipped {@code knowledge/} folder or one delivered over the air) was refused by
 * {@link KnowledgeManifest}. One subclass per failure, each carrying its facts.
 */
public abstract class KnowledgeBundleException extends KnowledgeException {

    private static final long serialVersionUID = 1L;

    protected KnowledgeBundleException(String message, Throwable cause) {
        super(message, cause);
    }

    /** {@code manifest.json} is missing, unreadable or lacks a required field. */
    public static final class InvalidKnowledgeManifestException extends KnowledgeBundleException {
        private static final long serialVersionUID = 1L;

        public InvalidKnowledgeManifestException(String problem, Throwable cause) {
            super("knowledge manifest: " + problem, cause);
        }
    }

    /** A file the manifest lists is absent from the bundle. */
    public static final class MissingKnowledgeFileException extends KnowledgeBundleException {
        private static final long serialVersionUID = 1L;
        private final String path;

        public MissingKnowledgeFileException(String path, Throwable cause) {
            super("knowledge file " + path + " is listed in the manifest but missing from the bundle", cause);
            this.path = path;
        }

        /** @return the path relative to the bundle root */
        public String path() {
            return path;
        }
    }

    /** A file's SHA-256 differs from the manifest's. */
    public static final class KnowledgeHashMismatchException extends KnowledgeBundleException {
        private static final long serialVersionUID = 1L;
        private final String path;
        private final String expected;
        private final String found;

        public KnowledgeHashMismatchException(String path, String expected, String found) {
            super("knowledge file " + path + " does not match its manifest: expected sha256 " + expected
                    + ", found " + found, null);
            this.path = path;
            this.expected = expected;
            this.found = found;
        }

        /** @return the path relative to the bundle root */
        public String path() {
            return path;
        }

        /** @return the SHA-256 the manifest lists (lower-case hex) */
        public String expected() {
            return expected;
        }

        /** @return the SHA-256 of the file as read */
        public String found() {
            return found;
        }
    }

    /** Code asked for a file the manifest does not list: unverified knowledge is never read. */
    public static final class UnlistedKnowledgeFileException extends KnowledgeBundleException {
        private static final long serialVersionUID = 1L;
        private final String path;

        public UnlistedKnowledgeFileException(String path) {
            super("knowledge file " + path + " is not listed in the manifest", null);
            this.path = path;
        }

        /** @return the requested path relative to the bundle root */
        public String path() {
            return path;
        }
    }
}
