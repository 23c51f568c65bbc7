package com.mediassist.core.prevention;

import com.mediassist.core.knowledge.Sex;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What preventive care needs to know about a patient.
 *
 * @param birthDate  date of birth
 * @param sex        recorded sex; {@code other} counts as {@code unknown} here (the screening rules are
 *                   by female or male anatomy: a sex-specific item is offered with a note to check)
 * @param conditions conditions (text, ICD-10 or SNOMED CT codes) with their status and dates
 * @param history    dated immunizations, procedures and observations
 * @param smoking    smoking status
 * @param packYears  cumulative pack-years, or {@code null} when unknown
 * @param quitDate   when a former smoker quit, or {@code null}
 * @param deceased   whether the patient has died (then no preventive care applies)
 */
public record PreventionProfile(LocalDate birthDate, Sex sex, List<ConditionFact> conditions, List<HistoryItem> history,
                                SmokingStatus smoking, Double packYears, LocalDate quitDate, boolean deceased) {

    public PreventionProfile {
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(sex, "sex");
        sex = sex == Sex.OTHER ? Sex.UNKNOWN : sex;
        conditions = List.copyOf(conditions);
        history = List.copyOf(history);
        Objects.requireNonNull(smoking, "smoking");
    }

    /** @return a builder for a patient born on {@code birthDate} */
    public static Builder builder(LocalDate birthDate, Sex sex) {
        return new Builder(birthDate, sex);
    }

    /** Builder; conditions and history start empty, smoking unknown. */
    public static final class Builder {
        private final LocalDate birthDate;
        private final Sex sex;
        private final List<ConditionFact> conditions = new ArrayList<>();
        private final List<HistoryItem> history = new ArrayList<>();
        private SmokingStatus smoking = SmokingStatus.UNKNOWN;
        private Double packYears;
        private LocalDate quitDate;
        private boolean deceased;

        private Builder(LocalDate birthDate, Sex sex) {
            this.birthDate = birthDate;
            this.sex = sex;
        }

        /** A current condition. */
        public Builder condition(String c) {
            conditions.add(ConditionFact.active(c));
            return this;
        }

        /** Current conditions. */
        public Builder conditions(List<String> cs) {
            cs.forEach(this::condition);
            return this;
        }

        /** A condition with its status and dates. */
        public Builder condition(ConditionFact c) {
            conditions.add(c);
            return this;
        }

        /** The patient has died. */
        public Builder deceased(boolean value) {
            this.deceased = value;
            return this;
        }

        public Builder history(HistoryItem item) {
            history.add(item);
            return this;
        }

        public Builder history(List<HistoryItem> items) {
            history.addAll(items);
            return this;
        }

        public Builder smoking(SmokingStatus status, Double packYears, LocalDate quitDate) {
            this.smoking = status;
            this.packYears = packYears;
            this.quitDate = quitDate;
            return this;
        }

        public PreventionProfile build() {
            return new PreventionProfile(birthDate, sex, conditions, history, smoking, packYears, quitDate, deceased);
        }
    }
}
