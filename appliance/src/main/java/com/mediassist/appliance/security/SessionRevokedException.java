package com.mediassist.appliance.security;

/**
 * A session cookie is still valid but its user was disabled or removed. Deliberately not an
 * authentication exception: Quarkus would answer it with the login form's redirect even for API
 * calls; {@link LoginFailureHandler} answers 401 for the API and expires the cookie instead.
 */
public class SessionRevokedException extends RuntimeException {

    public SessionRevokedException(String username) {
        super("The session's user '" + username + "' is unknown or disabled");
    }
}
