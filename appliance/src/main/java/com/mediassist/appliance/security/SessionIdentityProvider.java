package com.mediassist.appliance.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Restores the user of a valid session cookie on every request, reading the user again so that a
 * disabled user (or a changed role) takes effect at once rather than when the session expires.
 */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    private final StoreIdentities identities;

    public SessionIdentityProvider(StoreIdentities identities) {
        this.identities = identities;
    }

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> identities.database().users().find(request.getPrincipal())
                .filter(user -> !user.disabled())
                .map(identities::forUser)
                .orElseThrow(() -> new SessionRevokedException(request.getPrincipal())));
    }
}
