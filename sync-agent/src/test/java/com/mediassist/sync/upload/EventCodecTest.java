package com.mediassist.sync.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mediassist.core.knowledge.Sex;
import com.mediassist.sync.upload.event.ConsultationSignedOff;
import com.mediassist.sync.upload.event.EventCodec;
import com.mediassist.sync.upload.event.EventFactory;
import com.mediassist.sync.upload.event.FeedbackAction;
import com.mediassist.sync.upload.event.FeedbackKind;
import com.mediassist.sync.upload.event.QueuedEvent;
import com.mediassist.sync.upload.event.UploadEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EventCodecTest {

    private final EventFactory factory = new EventFactory(Optional.of(TestKnowledge.knowledge()), ZoneOffset.UTC);
    private final Instant at = Instant.parse("2026-01-01T08:00:00Z");

    @Test
    void roundTripsASignedOffConsultationWithItsCategory() {
        QueuedEvent q = factory.signedOff(new EventFactory.SignOffFacts(Optional.of(LocalDate.of(1930, 1, 2)), Optional.of(Sex.FEMALE),
                at, List.of("E_55_@_V_101", "E_53", "E_53"), List.of("E_91"), Optional.of("possible-nstemi-stemi"),
                Optional.empty(), List.of(EventFactory.alert("onc-high:warfarin+nsaid", "MAJOR",
                        com.mediassist.sync.upload.event.AlertOutcome.OVERRIDDEN))));
        assertThat(q.category()).contains("cat:cardiovascular");
        String stored = EventCodec.write(q);
        assertThat(EventCodec.readQueued(stored)).isEqualTo(q);
        assertThat(stored).contains("\"week\":\"2026-W01\"").contains("\"ageBand\":\"90+\"")
                .contains("\"evidencesPresent\":[\"E_55_@_V_101\",\"E_53\"]").contains("\"severity\":\"major\"");
    }

    @Test
    void refusesUnknownCodesAndFreeText() {
        assertThatThrownBy(() -> factory.feedback(FeedbackKind.DIAGNOSIS, "Juan García, neumonía", Optional.empty(),
                FeedbackAction.ACCEPTED, "2.0.0", at)).isInstanceOf(InvalidEventException.class).hasMessageContaining("item");
        assertThatThrownBy(() -> factory.signedOff(new EventFactory.SignOffFacts(Optional.empty(), Optional.empty(), at,
                List.of("E_999"), List.of(), Optional.empty(), Optional.empty(), List.of())))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("evidences[0]");
        assertThatThrownBy(() -> factory.feedback(FeedbackKind.TEST, "Llamar al 600 123 456", Optional.empty(),
                FeedbackAction.SHOWN, "1", at)).isInstanceOf(InvalidEventException.class);
    }

    @Test
    void refusesStoredEventsWithFieldsOffTheAllowList() {
        String ok = EventCodec.write(QueuedEvent.of(factory.feedback(FeedbackKind.DIAGNOSIS, "pneumonia", Optional.of(2),
                FeedbackAction.DISMISSED, "2.0.0", at)));
        assertThat(EventCodec.readQueued(ok).event().fields()).containsEntry("rank", 2).containsEntry("item", "pneumonia");
        String extra = ok.replace("\"kind\":", "\"reason\":\"Sra. López\",\"kind\":");
        assertThatThrownBy(() -> EventCodec.readQueued(extra)).isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("reason");
    }

    @Test
    void aSignOffReleasedWithItsPeriodIsVersionTwoWithThePeriodInPlaceOfTheWeekAndRoundTrips() {
        ConsultationSignedOff s = (ConsultationSignedOff) factory.signedOff(new EventFactory.SignOffFacts(
                Optional.of(LocalDate.of(1980, 1, 2)), Optional.of(Sex.MALE), Instant.parse("2026-11-18T08:00:00Z"), List.of("E_53"),
                List.of("E_91"), Optional.of("pneumonia"), Optional.empty(), List.of())).event();
        ConsultationSignedOff released = s.inPeriod();
        assertThat(released.fields()).containsEntry("schemaVersion", 2).containsEntry("period", "2026-W45/2026-W48")
                .doesNotContainKeys("week", "ageBand", "sex").containsEntry("finalDiagnosis", "pneumonia");
        String wire = EventCodec.write(released);
        assertThat(wire).doesNotContain("W47\"").contains("\"period\":\"2026-W45/2026-W48\"");
        UploadEvent back = EventCodec.read(wire);
        assertThat(back.fields()).isEqualTo(released.fields());
        assertThat(s.fields()).containsEntry("schemaVersion", 1).containsEntry("week", "2026-W47").doesNotContainKey("period");
    }

    @Test
    void refusesAVersionTwoEventThatIsNotASignOffOrCarriesAgeBandSexOrAWeek() {
        String v2 = "{\"evidencesDenied\":[],\"evidencesPresent\":[\"E_53\"],\"medicationAlerts\":[],\"period\":\"2026-W45/2026-W48\","
                + "\"schemaVersion\":2,\"suggestions\":[],\"type\":\"consultation-signed-off\"}";
        assertThat(((ConsultationSignedOff) EventCodec.read(v2)).period()).contains("2026-W45/2026-W48");
        assertThatThrownBy(() -> EventCodec.read(v2.replace("\"period\"", "\"ageBand\":\"40-44\",\"period\"")))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("period");
        assertThatThrownBy(() -> EventCodec.read(v2.replace("\"period\"", "\"week\":\"2026-W46\",\"period\"")))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("week");
        assertThatThrownBy(() -> EventCodec.read(v2.replace("2026-W45/2026-W48", "2026-W46/2026-W49")))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("period");
        String feedback = EventCodec.write(QueuedEvent.of(factory.feedback(FeedbackKind.DIAGNOSIS, "pneumonia", Optional.empty(),
                FeedbackAction.SHOWN, "2.0.0", at)));
        assertThatThrownBy(() -> EventCodec.readQueued(feedback.replace("\"schemaVersion\":1", "\"schemaVersion\":2")))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("schemaVersion");
    }

    @Test
    void bandsAgesInFiveYearsAndNinetyPlus() {
        LocalDate on = LocalDate.of(2026, 6, 1);
        assertThat(EventFactory.ageBand(LocalDate.of(2026, 1, 1), on)).contains("0-4");
        assertThat(EventFactory.ageBand(LocalDate.of(1981, 6, 2), on)).contains("40-44");
        assertThat(EventFactory.ageBand(LocalDate.of(1936, 6, 1), on)).contains("90+");
        assertThat(EventFactory.ageBand(LocalDate.of(2027, 1, 1), on)).isEmpty();
    }
}
