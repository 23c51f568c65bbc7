package com.mediassist.appliance.bundles.rest;

import com.mediassist.appliance.bundles.service.BundleUpdateService;
import com.mediassist.appliance.bundles.service.KnowledgeUpdateService;
import com.mediassist.appliance.knowledge.ActiveKnowledge;
import com.mediassist.appliance.diagnosis.service.DiagnosisService;
import com.mediassist.sync.ota.BundleRef;
import com.mediassist.sync.ota.HistoryEntry;
import com.mediassist.sync.ota.OtaException;
import com.mediassist.sync.ota.OtaState;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** {@code /api/v1/bundles}: over-the-air bundles for the administrator. */
@Path("/api/v1/bundles")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class BundlesResource {

    private final BundleUpdateService updates;
    private final DiagnosisService diagnosis;
    private final KnowledgeUpdateService knowledgeUpdates;
    private final ActiveKnowledge knowledge;

    public BundlesResource(BundleUpdateService updates, DiagnosisService diagnosis, KnowledgeUpdateService knowledgeUpdates,
                           ActiveKnowledge knowledge) {
        this.updates = updates;
        this.diagnosis = diagnosis;
        this.knowledgeUpdates = knowledgeUpdates;
        this.knowledge = knowledge;
    }

    @GET
    public BundlesView view() throws OtaException {
        OtaState s = updates.updates().state();
        String shipped = "shipped " + updates.updates().options().shippedVersion();
        List<HistoryEntry> history = new ArrayList<>(s.history());
        Collections.reverse(history);
        return new BundlesView(s.activeBundle().map(BundleRef::label).orElse(shipped),
                s.previousBundle().map(BundleRef::label).orElse(null),
                s.stagedBundle().map(BundleRef::label).orElse(null),
                diagnosis.activeBundle().map(m -> m.id() + "-" + m.version()).orElse(null),
                updates.watched().map(BundleRef::label).orElse(null),
                updates.updates().options().repositoryUrl().isPresent(),
                updates.lastProblem().orElse(null), s.kept(), history.subList(0, Math.min(50, history.size())),
                knowledgeView());
    }

    private BundlesView knowledgeView() throws OtaException {
        OtaState s = knowledgeUpdates.updates().state();
        String shipped = "shipped " + knowledgeUpdates.updates().options().shippedVersion();
        List<HistoryEntry> history = new ArrayList<>(s.history());
        Collections.reverse(history);
        return new BundlesView(s.activeBundle().map(BundleRef::label).orElse(shipped),
                s.previousBundle().map(BundleRef::label).orElse(null),
                s.stagedBundle().map(BundleRef::label).orElse(null), knowledge.current().version(),
                knowledgeUpdates.watched().map(BundleRef::label).orElse(null),
                knowledgeUpdates.updates().options().repositoryUrl().isPresent(),
                knowledgeUpdates.lastProblem().orElse(null), s.kept(), history.subList(0, Math.min(50, history.size())),
                null);
    }

    /** Polls the repository now; the new diagnosis and knowledge bundles (if any) go live under the health gate. */
    @POST
    @Path("/update")
    public BundlesView update() throws OtaException {
        updates.update();
        knowledgeUpdates.update();
        return view();
    }

    /** Goes back to the previous bundle now ({@code ?kind=knowledge}: the previous knowledge bundle). */
    @POST
    @Path("/rollback")
    public BundlesView rollback(@QueryParam("kind") String kind) throws OtaException {
        if ("knowledge".equals(kind)) {
            knowledgeUpdates.rollback("rolled back by an administrator (status page)");
        } else if (kind == null || kind.isBlank() || "diagnosis".equals(kind)) {
            updates.rollback("rolled back by an administrator (status page)");
        } else {
            throw com.mediassist.appliance.problem.ApiProblemException.badField("kind", "must be diagnosis or knowledge, got '"
                    + kind + "'");
        }
        return view();
    }
}
