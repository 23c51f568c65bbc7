package com.mediassist.core.summary.negation;

/** Which way a trigger's scope runs from the trigger. */
public enum Direction {
    FORWARD,
    BACKWARD,
    BIDIRECTIONAL,
    PSEUDO,
    TERMINATE
}
