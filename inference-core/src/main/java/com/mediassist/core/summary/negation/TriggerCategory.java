package com.mediassist.core.summary.negation;

/** What a ConText trigger does to the findings in its scope. */
public enum TriggerCategory {
    NEGATED,
    HISTORICAL,
    FAMILY,
    HYPOTHETICAL,
    /** Looks like a trigger but is not ("sin cambios", "no solo"); blocks the shorter trigger. */
    PSEUDO,
    /** Ends the scope of triggers before it ("pero", "aunque", "but"). */
    TERMINATE
}
