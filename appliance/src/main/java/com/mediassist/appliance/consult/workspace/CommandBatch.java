package com.mediassist.appliance.consult.workspace;

import java.util.List;

/**
 * Body of {@code POST /api/v1/consultations/{id}/commands}: commands applied in order, in one
 * transaction, and the language of the view answered.
 *
 * @param language {@code es} (default) or {@code en}
 * @param commands at most {@value #MAX} commands; empty just answers the view
 */
public record CommandBatch(String language, List<Command> commands) {

    /** Most commands in one request. */
    public static final int MAX = 100;
}
