package com.mediassist.appliance.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import com.mediassist.appliance.logging.LogText;
import org.jboss.logging.Logger;

/**
 * Checks the login form's user name and password against the store (bcrypt, disabled users
 * refused), after the throttle has counted the attempt, and starts a server-side session whose id
 * goes into the {@value SessionCookies#SID_COOKIE} cookie. The client learns only that the login failed;
 * the reason goes to the server log.
 */
@ApplicationScoped
public class PasswordIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private static final Logger LOG = Logger.getLogger(PasswordIdentityProvider.class);

    private final StoreIdentities identities;
    private final LoginThrottle throttle;
    private final SecurityConfig config;

    public PasswordIdentityProvider(StoreIdentities identities, LoginThrottle throttle, SecurityConfig config) {
        this.identities = identities;
        this.throttle = throttle;
        this.config = config;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        String username = request.getUsername();
        String address = clientAddress(request);
        return context.runBlocking(() -> {
            // Counted before the password is checked, so that simultaneous guesses cannot all pass.
            LoginThrottle.Attempt attempt = throttle.reserve(username, address);
            try {
                var user = identities.database().users().authenticate(username, request.getPassword().getPassword());
                throttle.succeeded(attempt);
                var session = identities.database().users().sessions().start(user.username(), config.sessionLifetime());
                RoutingContext ctx = HttpSecurityUtils.getRoutingContextAttribute(request);
                if (ctx != null) {
                    ctx.put(SessionCookies.NEW_SESSION, session.id());
                }
                return identities.forUser(user);
            } catch (com.mediassist.store.users.AuthenticationFailedException e) {
                LOG.infof("Login refused for %s from %s: %s", LogText.quote(username), address, e.reason());
                throw new AuthenticationFailedException("Wrong user name or password, or user disabled", e);
            } catch (com.mediassist.store.InvalidValueException e) {
                throw new AuthenticationFailedException("Malformed user name or password", e);
            }
        });
    }

    private static String clientAddress(UsernamePasswordAuthenticationRequest request) {
        RoutingContext ctx = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (ctx == null || ctx.request().remoteAddress() == null) {
            return "unknown";
        }
        return ctx.request().remoteAddress().hostAddress();
    }
}
