package com.mediassist.sync.upload.notes;

import com.mediassist.core.deid.DeidBundle;
import com.mediassist.core.knowledge.Language;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Whether scrubbed note text may leave the box, and the scrubbing. Notes leave only when the clinic
 * opted in ({@code mediassist.sync.upload-notes=true}) and the de-identification bundle's measured
 * span recall meets the gate its manifest states; otherwise {@link #scrub} answers empty.
 *
 * @param optedIn      the clinic's choice; default off
 * @param deidentifier the de-identification bundle in use; empty when none could be loaded
 * @param random       source of each note's date shift
 */
public record NoteUpload(boolean optedIn, Optional<DeidBundle> deidentifier, RandomGenerator random) {

    /** Longest scrubbed note sent, characters; longer ones are cut. */
    public static final int MAX_CHARS = 20_000;

    /** No note ever leaves. The default. */
    public static NoteUpload off() {
        return new NoteUpload(false, Optional.empty(), new SecureRandom());
    }

    /** The clinic opted in, with this de-identifier (notes leave only if it meets its gate). */
    public static NoteUpload optedIn(DeidBundle bundle, RandomGenerator random) {
        return new NoteUpload(true, Optional.of(bundle), random);
    }

    /** Whether notes leave: opted in and the de-identifier meets its gate. */
    public boolean allowed() {
        return optedIn && deidentifier.map(DeidBundle::meetsGate).orElse(false);
    }

    /** The state in words, for the status page and {@code sync status}. */
    public String describe() {
        if (!optedIn) {
            return "off (mediassist.sync.upload-notes=false)";
        }
        if (deidentifier.isEmpty()) {
            return "opted in, but no de-identifier is loaded: no note leaves";
        }
        DeidBundle b = deidentifier.get();
        String figures = String.format(Locale.ROOT, "%s %s span recall %.4f, gate %.4f", b.id(), b.version(),
                b.measuredSpanRecall(), b.gateSpanRecall());
        return b.meetsGate() ? "on: scrubbed notes leave (" + figures + ")"
                : "opted in, but the de-identifier is under its recall gate: no note leaves (" + figures + ")";
    }

    /** The scrubbed note when notes may leave and it has text; empty otherwise. */
    public Optional<String> scrub(String note, Language language) {
        if (!allowed() || note == null || note.isBlank()) {
            return Optional.empty();
        }
        String text = deidentifier.get().deidentifier().scrub(note, language, random).text().strip();
        return Optional.of(text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text);
    }
}
