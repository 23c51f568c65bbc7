package com.mediassist.core.summary.negation;

/** Which way a trigger's scope runs from the trigger. */
public enum Direction {
    FORWARD,
    BACKWARD,
    BIDIRECTIONAL,
    /**
     * Forward, but only when the trigger heads its clause: a relative named as the subject ("Padre
     * diabético", "hermana asmática", "his brother had a heart attack").
     */
    SUBJECT,
    PSEUDO,
    TERMINATE
}
