package com.mediassist.appliance.ui;

import com.mediassist.appliance.problem.ApiProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves the UI's message bundles ({@code i18n/messages_es.properties}, the default, and
 * {@code i18n/messages_en.properties}) as a flat JSON object of key to text. Open without login:
 * the texts hold no patient data and the login page may use them too.
 */
@Path("/i18n")
@PermitAll
public class MessagesResource {

    /** Languages with a bundle; Spanish first, the default. */
    static final java.util.List<String> LANGUAGES = java.util.List.of("es", "en");

    private final Map<String, Map<String, String>> cache = new ConcurrentHashMap<>();

    @GET
    @Path("{lang}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response messages(@PathParam("lang") String lang) {
        if (!LANGUAGES.contains(lang)) {
            throw ApiProblemException.badField("lang", "unsupported language '" + lang + "'; expected one of " + LANGUAGES);
        }
        CacheControl cache = new CacheControl();
        cache.setMaxAge(300);
        return Response.ok(bundle(lang)).cacheControl(cache).build();
    }

    /** The messages of one language, keys sorted. */
    Map<String, String> bundle(String lang) {
        return cache.computeIfAbsent(lang, MessagesResource::load);
    }

    private static Map<String, String> load(String lang) {
        String resource = "i18n/messages_" + lang + ".properties";
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Message bundle " + resource + " is missing from the application");
            }
            Properties p = new Properties();
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                p.load(reader);
            }
            Map<String, String> out = new TreeMap<>();
            p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k)));
            return Map.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read message bundle " + resource, e);
        }
    }
}
