package com.mediassist.store.users;

/**
 * A freshly created API token: the only time its clear text exists. Show it once, then drop it.
 *
 * @param token the stored token
 * @param secret the clear token to hand to the integration ({@code mda_} + 43 base64url characters)
 */
public record IssuedToken(ApiToken token, String secret) {

    @Override
    public String toString() {
        return "IssuedToken[token=" + token + ", secret=(hidden)]";
    }
}
