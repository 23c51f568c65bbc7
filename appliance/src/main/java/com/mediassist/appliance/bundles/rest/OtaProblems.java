package com.mediassist.appliance.bundles.rest;

import com.mediassist.appliance.problem.Problem;
import com.mediassist.sync.ota.OtaException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Over-the-air refusals as RFC 9457 problem details, one stable type per failure. */
public class OtaProblems {

    static final String TYPE = "https://mediassist.example/problems/ota/";

    @ServerExceptionMapper
    public Response ota(OtaException e, UriInfo uri) {
        record Kind(String slug, String title, int status) {
        }
        Kind k;
        if (e instanceof OtaException.NoTrustedRootException) {
            k = new Kind("no-trusted-root", "No trusted update root", 409);
        } else if (e instanceof OtaException.BundleRefusedException) {
            k = new Kind("bundle-refused", "Bundle refused", 422);
        } else if (e instanceof OtaException.RepositoryRefusedException) {
            k = new Kind("repository-refused", "Update repository refused", 502);
        } else if (e instanceof OtaException.UnknownVersionException) {
            k = new Kind("unknown-version", "Bundle version not kept", 404);
        } else if (e instanceof OtaException.NothingToRollBackException) {
            k = new Kind("nothing-to-roll-back", "Nothing to roll back", 409);
        } else {
            k = new Kind("store", "Bundle store unavailable", 500);
        }
        return Response.status(k.status()).type(Problem.MEDIA_TYPE).entity(new Problem(TYPE + k.slug(), k.title(),
                k.status(), e.getMessage(), uri.getPath(), List.of())).build();
    }
}
