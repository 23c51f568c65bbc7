package com.mediassist.appliance.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LatencyRecorderTest {

    @Test
    void groupsCallsByEndpointWithIdsReplacedAndReportsMedianAndP95() {
        LatencyRecorder r = new LatencyRecorder();
        for (int i = 1; i <= 100; i++) {
            r.record("GET", "/api/v1/patients/" + i + "/preventive-care", 200, i * 1_000_000L);
        }
        r.record("POST", "/api/v1/diagnosis", 503, 2_000_000L);

        List<EndpointLatency> all = r.snapshot();
        assertThat(all).extracting(EndpointLatency::endpoint)
                .containsExactly("GET /api/v1/patients/{id}/preventive-care", "POST /api/v1/diagnosis");
        EndpointLatency prevention = all.get(0);
        assertThat(prevention.count()).isEqualTo(100);
        assertThat(prevention.medianMs()).isEqualTo(50.0);
        assertThat(prevention.p95Ms()).isEqualTo(95.0);
        assertThat(prevention.errors()).isZero();
        assertThat(all.get(1).errors()).isEqualTo(1);
    }

    @Test
    void keepsOnlyTheMostRecentWindowOfCalls() {
        LatencyRecorder r = new LatencyRecorder();
        for (int i = 0; i < LatencyRecorder.WINDOW; i++) {
            r.record("POST", "/api/v1/summary", 500, 1_000_000L);
        }
        for (int i = 0; i < LatencyRecorder.WINDOW; i++) {
            r.record("POST", "/api/v1/summary", 200, 3_000_000L);
        }
        EndpointLatency s = r.snapshot().get(0);
        assertThat(s.count()).isEqualTo(2L * LatencyRecorder.WINDOW);
        assertThat(s.window()).isEqualTo(LatencyRecorder.WINDOW);
        assertThat(s.errors()).isZero();
        assertThat(s.medianMs()).isEqualTo(3.0);
    }
}
