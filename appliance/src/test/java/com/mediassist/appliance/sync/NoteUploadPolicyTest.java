package com.mediassist.appliance.sync;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code mediassist.sync.upload-notes}: off means no note; on means the shipped de-identifier and its gate decide. */
class NoteUploadPolicyTest {

    @Test
    void sendsNoNoteUnlessTheClinicOptsIn() {
        assertThat(UploadEvents.noteUpload(false).allowed()).isFalse();
        assertThat(UploadEvents.noteUpload(false).describe()).startsWith("off");
    }

    @Test
    void optingInUsesTheShippedDeidentifierAndItsOwnGate() {
        var on = UploadEvents.noteUpload(true);
        assertThat(on.optedIn()).isTrue();
        assertThat(on.deidentifier()).isPresent();
        assertThat(on.allowed()).isEqualTo(on.deidentifier().get().meetsGate());
    }
}
