package com.mediassist.store.notes;

import com.mediassist.store.InvalidValueException;
import com.mediassist.store.sql.Fields;
import java.time.Instant;
import java.util.Objects;

/**
 * A signed, read-only consultation note.
 *
 * @param uid stable identifier (the consultation's, or the one the imported Composition carried), 1..100 characters
 * @param title what the note is, 1..200 characters
 * @param signedAt when it was signed
 * @param author who signed it (a username or a display name), 1..200 characters
 * @param text the note, may be empty (never {@code null})
 * @param diagnosis the final diagnosis, {@code null} when none (at most 500 characters)
 * @param consultationId the local consultation it is, or {@code null} for an imported note
 * @throws InvalidValueException naming the first bad field
 */
public record SignedNote(String uid, String title, Instant signedAt, String author, String text, String diagnosis,
        Long consultationId) {

    public SignedNote {
        uid = Fields.required("uid", uid, 100);
        title = Fields.required("title", title, 200);
        if (signedAt == null) {
            throw new InvalidValueException("signedAt", "is required");
        }
        author = Fields.required("author", author, 200);
        text = Objects.requireNonNullElse(text, "");
        diagnosis = Fields.optional("diagnosis", diagnosis, 500);
    }
}
