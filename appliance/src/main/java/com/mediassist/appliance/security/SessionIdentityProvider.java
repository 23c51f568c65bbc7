package com.mediassist.appliance.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import com.mediassist.store.users.AuthenticationFailedException;
import com.mediassist.store.users.User;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Restores the user of a valid session cookie on every request. The encrypted cookie must come with
 * the {@value SessionCookies#SID_COOKIE} cookie of a live server-side session of the same user:
 * logout, a password change, disabling the user and the absolute lifetime end it at once. The user
 * is read again, so a changed role takes effect at once too.
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
        RoutingContext ctx = HttpSecurityUtils.getRoutingContextAttribute(request);
        String sessionId = ctx == null ? null : SessionCookies.sessionId(ctx);
        return context.runBlocking(() -> {
            User user;
            try {
                user = identities.database().users().sessions().verify(sessionId);
            } catch (AuthenticationFailedException e) {
                throw new SessionRevokedException(request.getPrincipal());
            }
            // The session id must belong to the user the encrypted cookie names.
            if (!user.username().equalsIgnoreCase(request.getPrincipal())) {
                throw new SessionRevokedException(request.getPrincipal());
            }
            return QuarkusSecurityIdentity.builder(identities.forUser(user))
                    .addAttribute(SessionCookies.SESSION_ID, sessionId).build();
        });
    }
}
