package com.mediassist.appliance.consult.workspace;

import com.mediassist.appliance.failure.InvalidFieldException;

/** A consultation command names something that does not exist or is malformed; nothing was applied. */
public class InvalidCommandException extends InvalidFieldException {

    /**
     * @param field  the offending field, e.g. {@code commands[2].code}
     * @param reason what was wrong with it
     */
    public InvalidCommandException(String field, String reason) {
        super(field, reason);
    }
}
