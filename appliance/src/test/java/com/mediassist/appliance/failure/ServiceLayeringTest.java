package com.mediassist.appliance.failure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mediassist.appliance.security.LoginThrottledException;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.junit.jupiter.api.Test;

/**
 * Services throw domain exceptions and the REST layer alone speaks HTTP: scans the appliance's compiled
 * classes (their constant pools name every type they use).
 */
class ServiceLayeringTest {

    /** Type names (internal form) that only the REST layer may use. */
    private static final List<String> REST_ONLY = List.of(
            "com/mediassist/appliance/problem/ApiProblemException",
            "jakarta/ws/rs/"); // Response, Response.Status, WebApplicationException ...

    /**
     * Problem documents: the REST layer's, except inside the consultation view, whose sections carry
     * their own problem document as part of the JSON contract (docs/consultation-api.md).
     */
    private static final String PROBLEM_DOCUMENTS = "com/mediassist/appliance/problem/";

    @Test
    void serviceClassesNameNoHttpStatusNorProblemType() throws Exception {
        List<Path> services = classFiles().stream().filter(ServiceLayeringTest::isService).toList();
        assertTrue(services.size() >= 30, "expected the appliance's service classes, found " + services);
        List<String> offenders = new ArrayList<>();
        for (Path p : services) {
            String pool = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
            for (String forbidden : REST_ONLY) {
                if (pool.contains(forbidden)) {
                    offenders.add(root().relativize(p) + " uses " + forbidden);
                }
            }
            if (!root().relativize(p).toString().contains("/workspace/") && pool.contains(PROBLEM_DOCUMENTS)) {
                offenders.add(root().relativize(p) + " uses " + PROBLEM_DOCUMENTS);
            }
        }
        assertEquals(List.of(), offenders, "services must throw domain exceptions and let the REST layer map them");
    }

    @Test
    void everyDomainExceptionHasOneRestMapping() throws Exception {
        ClassLoader loader = getClass().getClassLoader();
        Set<Class<?>> mapped = new HashSet<>();
        List<Class<?>> domain = new ArrayList<>();
        for (Path p : classFiles()) {
            String name = root().relativize(p).toString().replace('/', '.').replaceAll("\\.class$", "");
            Class<?> type = Class.forName(name, false, loader);
            if (ApplianceException.class.isAssignableFrom(type) && !Modifier.isAbstract(type.getModifiers())) {
                domain.add(type);
            }
            for (Method m : type.getDeclaredMethods()) {
                if (m.isAnnotationPresent(ServerExceptionMapper.class)) {
                    mapped.add(m.getParameterTypes()[0]);
                }
            }
        }
        assertTrue(domain.size() >= 6, "expected the appliance's domain exceptions, found " + domain);
        List<String> unmapped = domain.stream()
                // answered by the login failure handler, before the REST layer
                .filter(t -> t != LoginThrottledException.class)
                .filter(t -> !mapped.contains(t)).map(Class::getName).toList();
        assertEquals(List.of(), unmapped, "each domain exception needs its @ServerExceptionMapper (else it is a 500)");
    }

    /** A class in a {@code service} or {@code workspace} package, a {@code *Service}, or the upload events. */
    private static boolean isService(Path p) {
        String rel = root().relativize(p).toString();
        String simple = p.getFileName().toString().replaceAll("(\\$.*)?\\.class$", "");
        return rel.contains("/service/") || rel.contains("/workspace/") || simple.endsWith("Service")
                || rel.equals("com/mediassist/appliance/sync/UploadEvents.class");
    }

    private static List<Path> classFiles() throws IOException {
        try (Stream<Path> files = Files.walk(root().resolve("com/mediassist/appliance"))) {
            return files.filter(f -> f.toString().endsWith(".class")).sorted().toList();
        }
    }

    private static Path root() {
        try {
            return Path.of(ApplianceException.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
