package com.mediassist.appliance.problem;

/**
 * The {@code type} URIs of the API's problem details, so that a client tells kinds of failure apart
 * without reading titles: a module out of service is not a missing record.
 */
public final class ProblemTypes {

    private static final String BASE = "urn:mediassist:problem:";

    /** A clinical module is switched off, has nothing loaded, or did not answer: the rest keeps working. */
    public static final String MODULE_UNAVAILABLE = BASE + "module-unavailable";
    /** The record asked for does not exist. */
    public static final String NOT_FOUND = BASE + "not-found";
    /** The request was malformed or named a bad value; {@code errors} lists the fields. */
    public static final String INVALID_REQUEST = BASE + "invalid-request";
    /** The record is in a state that refuses the change (signed off, deceased patient, duplicate). */
    public static final String CONFLICT = BASE + "conflict";
    /** The patient's record lacks what an engine needs (birth date, sex). */
    public static final String INCOMPLETE_RECORD = BASE + "incomplete-record";
    /** An engine failed on this input. */
    public static final String ENGINE_FAILED = BASE + "engine-failed";

    private ProblemTypes() {
    }

    /** The type of a problem with this status when nothing more specific is known. */
    public static String forStatus(int status) {
        return switch (status) {
            case 400, 422 -> INVALID_REQUEST;
            case 404 -> NOT_FOUND;
            case 409 -> CONFLICT;
            case 503 -> MODULE_UNAVAILABLE;
            default -> "about:blank";
        };
    }
}
