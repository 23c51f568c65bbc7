package com.mediassist.store.users;

import com.mediassist.store.StoreException;

/**
 * A login or token was refused. {@link #reason()} is for the audit log and the server's own log;
 * tell the client only that authentication failed, so that nobody can probe which usernames exist.
 */
public class AuthenticationFailedException extends StoreException {

    /** Why authentication failed. */
    public enum Reason {
        UNKNOWN_USER,
        WRONG_PASSWORD,
        USER_DISABLED,
        UNKNOWN_TOKEN,
        TOKEN_REVOKED,
        MALFORMED_TOKEN,
        UNKNOWN_SESSION,
        SESSION_EXPIRED
    }

    private final Reason reason;
    private final String principal;

    public AuthenticationFailedException(Reason reason, String principal) {
        super("authentication failed for " + principal + ": " + reason);
        this.reason = reason;
        this.principal = principal;
    }

    public Reason reason() {
        return reason;
    }

    /** The username or token name that was presented ({@code "token"} when the token is unknown). */
    public String principal() {
        return principal;
    }
}
