package com.mediassist.models.tuf;

import com.mediassist.models.ModelsException;

/** Why keys could not be created or a bundle not published; one subclass per failure, with the facts. */
public abstract sealed class TufException extends ModelsException
        permits TufException.KeysException, TufException.GateNotPassedException, TufException.TargetExistsException {

    TufException(String message) {
        super(message);
    }

    TufException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Role keys are missing, already exist or cannot be read. */
    public static final class KeysException extends TufException {
        public KeysException(String message) {
            super(message);
        }

        public KeysException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The bundle has no passing gate report for exactly its manifest, and no forced reason was given. */
    public static final class GateNotPassedException extends TufException {
        public GateNotPassedException(String bundle, String why) {
            super("refusing to publish " + bundle + ": " + why
                    + " (run 'models gate' first, or pass --force-without-gate --reason R, which is recorded)");
        }
    }

    /** The target name is already published with other bytes (a version is never re-used). */
    public static final class TargetExistsException extends TufException {
        public TargetExistsException(String target, String publishedSha256, String newSha256) {
            super("target " + target + " is already published with sha256 " + publishedSha256 + "; this bundle is "
                    + newSha256 + ": give the bundle a new version");
        }
    }
}
