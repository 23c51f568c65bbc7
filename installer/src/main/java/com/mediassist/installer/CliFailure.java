package com.mediassist.installer;

/**
 * A command could not do what was asked; the message says why and what to do. Becomes exit code
 * {@link MediAssistCli#EXIT_USAGE} when {@code usage} (bad input), else {@link MediAssistCli#EXIT_FAILED}.
 */
public class CliFailure extends RuntimeException {

    private final boolean usage;

    public CliFailure(String message, boolean usage) {
        super(message);
        this.usage = usage;
    }

    /** Whether the caller's input was wrong (exit 2) rather than the check or operation failing (exit 1). */
    public boolean usage() {
        return usage;
    }
}
