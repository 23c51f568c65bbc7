package com.mediassist.appliance.security;

import com.mediassist.store.Database;
import com.mediassist.store.users.ApiToken;
import com.mediassist.store.users.Role;
import com.mediassist.store.users.User;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;

/** Builds security identities from the store's users and tokens. */
@ApplicationScoped
public class StoreIdentities {

    /** Identity attribute: how the caller authenticated, {@code session} or {@code token}. */
    public static final String AUTHENTICATED_BY = "mediassist.authenticated-by";
    /** Identity attribute: the API token's name for token calls. */
    public static final String TOKEN_NAME = "mediassist.token-name";

    private final Database database;

    public StoreIdentities(Database database) {
        this.database = database;
    }

    Database database() {
        return database;
    }

    SecurityIdentity forUser(User user) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(user.username()))
                .addRole(user.role().code())
                .addAttribute(AUTHENTICATED_BY, "session")
                .build();
    }

    /**
     * A token acts as its user when bound to one, otherwise under the name {@code token:<name>};
     * either way with the token's own role.
     */
    SecurityIdentity forToken(ApiToken token) {
        String principal = token.username().orElse("token:" + token.name());
        Role role = token.role();
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(principal))
                .addRole(role.code())
                .addAttribute(AUTHENTICATED_BY, "token")
                .addAttribute(TOKEN_NAME, token.name())
                .build();
    }
}
