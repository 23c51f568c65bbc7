package com.mediassist.appliance.security;

import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Authenticates integrations by {@code Authorization: Bearer <token>} (tokens issued with
 * {@code bin/mediassist tokens create}) and answers unauthenticated API calls with a 401 problem
 * instead of the login form's redirect.
 *
 * <p>Its priority is above the form mechanism's so that it is asked first: for {@code /api/**}
 * paths, and whenever a bearer token was presented, the challenge is a 401
 * {@code application/problem+json}; elsewhere it lets the form mechanism redirect to the login page.
 */
@ApplicationScoped
public class BearerTokenMechanism implements HttpAuthenticationMechanism {

    static final String SCHEME = "Bearer";
    private static final String API_PREFIX = "/api/";

    private final ProblemResponses problems;

    public BearerTokenMechanism(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String authorization = context.request().getHeader("Authorization");
        if (authorization == null || !HttpSecurityFilters.hasBearer(context.request())) {
            return Uni.createFrom().nullItem();
        }
        String token = authorization.substring(SCHEME.length()).strip();
        TokenAuthenticationRequest request = new TokenAuthenticationRequest(new TokenCredential(token, "bearer"));
        HttpSecurityUtils.setRoutingContextAttribute(request, context);
        return identities.authenticate(request);
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        if (!answersWith401(context)) {
            return Uni.createFrom().nullItem();
        }
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", SCHEME + " realm=\"mediassist\""));
    }

    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        if (!answersWith401(context)) {
            return Uni.createFrom().item(false);
        }
        context.response().putHeader("WWW-Authenticate", SCHEME + " realm=\"mediassist\"");
        boolean presented = HttpSecurityFilters.hasBearer(context.request());
        problems.end(context, 401, "Authentication required", presented
                ? "The bearer token is unknown or revoked"
                : "Log in, or send an API token as 'Authorization: Bearer <token>'");
        return Uni.createFrom().item(true);
    }

    private boolean answersWith401(RoutingContext context) {
        return context.normalizedPath().startsWith(API_PREFIX) || HttpSecurityFilters.hasBearer(context.request());
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, "bearer"));
    }

    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 500;
    }
}
