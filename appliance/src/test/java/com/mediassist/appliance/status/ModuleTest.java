package com.mediassist.appliance.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModuleTest {

    @Test
    void mapsEachClinicalEndpointToItsModule() {
        assertThat(Module.forPath("/api/v1/diagnosis")).contains(Module.DIAGNOSIS);
        assertThat(Module.forPath("/api/v1/diagnosis/evidences")).contains(Module.DIAGNOSIS);
        assertThat(Module.forPath("/api/v1/medication-check")).contains(Module.MEDICATION);
        assertThat(Module.forPath("/api/v1/recommended-tests")).contains(Module.RECOMMENDED_TESTS);
        assertThat(Module.forPath("/api/v1/patients/12/preventive-care")).contains(Module.PREVENTIVE_CARE);
        assertThat(Module.forPath("/api/v1/summary/fhir")).contains(Module.SUMMARY);
        assertThat(Module.forPath("/api/v1/patients/12")).isEmpty();
        assertThat(Module.forPath("/api/v1/diagnosisx")).isEmpty();
    }

    @Test
    void refusesToSwitchOffAModuleItDoesNotKnow() {
        assertThatThrownBy(() -> new ModuleSwitch(() -> Optional.of(List.of("diagnosis", "astrology"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("astrology").hasMessageContaining("medication");
        ModuleSwitch off = new ModuleSwitch(() -> Optional.of(List.of(" Diagnosis ")));
        assertThat(off.isDisabled(Module.DIAGNOSIS)).isTrue();
        assertThat(off.isDisabled(Module.MEDICATION)).isFalse();
    }
}
