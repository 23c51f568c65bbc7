package com.mediassist.appliance.status;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The appliance's clinical modules as the UI and the status page see them, each with the API paths
 * it serves.
 */
public enum Module {
    DIAGNOSIS("diagnosis", "^/api/v1/diagnosis(/.*)?$", "/api/v1/diagnosis"),
    MEDICATION("medication", "^/api/v1/medication-check$", "/api/v1/medication-check"),
    RECOMMENDED_TESTS("recommended-tests", "^/api/v1/recommended-tests$", "/api/v1/recommended-tests"),
    PREVENTIVE_CARE("preventive-care", "^/api/v1/patients/[^/]+/preventive-care$", "/api/v1/patients/{id}/preventive-care"),
    SUMMARY("summary", "^/api/v1/summary(/.*)?$", "/api/v1/summary");

    private final String id;
    private final Pattern paths;
    private final String example;

    Module(String id, String paths, String example) {
        this.id = id;
        this.paths = Pattern.compile(paths);
        this.example = example;
    }

    /** One path the module serves, naming it where a call is made inside the appliance (the consultation view). */
    public String examplePath() {
        return example;
    }

    /** The name used in configuration, the status API and the UI's message keys. */
    public String id() {
        return id;
    }

    public boolean serves(String path) {
        return paths.matcher(path).matches();
    }

    /** The module serving a request path, if any. */
    public static Optional<Module> forPath(String path) {
        return Arrays.stream(values()).filter(m -> m.serves(path)).findFirst();
    }

    /**
     * The module named {@code id} (case-insensitive).
     *
     * @throws IllegalArgumentException naming the known modules when there is none by that name
     */
    public static Module byId(String id) {
        String wanted = id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(m -> m.id.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown module '" + id + "'; known modules: "
                        + Arrays.stream(values()).map(Module::id).toList()));
    }
}
