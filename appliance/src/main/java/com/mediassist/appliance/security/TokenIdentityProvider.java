package com.mediassist.appliance.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Verifies bearer API tokens by their SHA-256 in the store; revoked tokens and disabled users fail. */
@ApplicationScoped
public class TokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    private static final Logger LOG = Logger.getLogger(TokenIdentityProvider.class);

    private final StoreIdentities identities;

    public TokenIdentityProvider(StoreIdentities identities) {
        this.identities = identities;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        String presented = request.getToken().getToken();
        return context.runBlocking(() -> {
            try {
                return identities.forToken(identities.database().tokens().verify(presented));
            } catch (com.mediassist.store.users.AuthenticationFailedException e) {
                LOG.infof("API token refused: %s", e.reason());
                throw new AuthenticationFailedException("Unknown or revoked API token", e);
            }
        });
    }
}
