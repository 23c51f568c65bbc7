package com.mediassist.sync.upload;

import com.mediassist.sync.upload.crypto.ClinicKey;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * The vendor URL given to {@code sync init}, kept in {@code <data-dir>/sync/sync.properties} so
 * that later commands and the appliance need not repeat it (configuration overrides it).
 */
public final class VendorSettings {

    public static final String FILE = "sync.properties";
    private static final String KEY = "vendor-url";

    private VendorSettings() {
    }

    /** Saves the URL (checked first). */
    public static void save(Path dataDir, URI vendorUrl) {
        VendorUrls.check(vendorUrl);
        Properties p = new Properties();
        p.setProperty(KEY, vendorUrl.toString());
        Path file = file(dataDir);
        try {
            Files.createDirectories(file.getParent());
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                p.store(w, "MediAssist sync agent");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The saved URL, if any. */
    public static Optional<URI> load(Path dataDir) {
        Path file = file(dataDir);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return Optional.ofNullable(p.getProperty(KEY)).filter(s -> !s.isBlank()).map(VendorUrls::parse);
    }

    static Path file(Path dataDir) {
        return dataDir.resolve(ClinicKey.DIR).resolve(FILE);
    }
}
