package com.mediassist.appliance.status;

import com.mediassist.appliance.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Answers 503 problem details for the endpoints of a module taken out of service by
 * {@link ModulesConfig#disabled()}. Runs after authentication, so an anonymous caller still gets 401.
 *
 * @throws IllegalArgumentException at start-up when the configuration names an unknown module
 */
@ApplicationScoped
public class ModuleSwitch {

    private final Set<Module> disabled;

    public ModuleSwitch(ModulesConfig config) {
        EnumSet<Module> off = EnumSet.noneOf(Module.class);
        config.disabled().orElse(List.of()).stream().filter(s -> !s.isBlank()).map(Module::byId).forEach(off::add);
        this.disabled = Set.copyOf(off);
    }

    public boolean isDisabled(Module module) {
        return disabled.contains(module);
    }

    @ServerRequestFilter
    public Optional<Response> refuseDisabled(ContainerRequestContext request) {
        String path = "/" + request.getUriInfo().getPath().replaceFirst("^/", "");
        return Module.forPath(path).filter(disabled::contains).map(module -> Response.status(503)
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem(com.mediassist.appliance.problem.ProblemTypes.MODULE_UNAVAILABLE, "Module unavailable", 503,
                        "The " + module.id() + " module is out of service on this appliance "
                                + "(mediassist.modules.disabled); the other modules keep working",
                        path, List.of()))
                .build());
    }
}
