package com.mediassist.core.diagnosis;

import com.mediassist.core.fit.FitAssessment;
import com.mediassist.core.fit.MustNotMiss;
import com.mediassist.core.fit.ProbabilityBand;
import com.mediassist.core.knowledge.EvidenceCode;
import com.mediassist.core.knowledge.Finding;
import java.util.List;

/**
 * The engine's answer. The appliance advises; the doctor decides.
 *
 * @param differential   the top candidates, most probable first, with calibrated probabilities
 * @param redFlags       severe conditions (DDXPlus severity 1–2) that are plausible, ranked first or not
 * @param nextQuestions  the unasked evidences that would most reduce uncertainty, best first
 * @param model          which bundle and method produced the answer
 * @param fallback       whether the naive Bayes fallback answered instead of the model
 * @param fallbackReason why the fallback answered; {@code null} when it did not
 * @param fit            how well the model's conditions fit the patient; read the differential as secondary
 *                       unless the verdict is in scope ({@code null} only in results not made by the engine)
 * @param mustNotMiss    severe conditions the findings do not exclude, each with the findings specific to it
 * @param otherMass      the probability of "a condition I do not know": the differential's probabilities
 *                       are the model's times {@code 1 − otherMass}
 */
public record DiagnosisResult(List<Candidate> differential, List<RedFlag> redFlags, List<NextQuestion> nextQuestions,
                              ModelInfo model, boolean fallback, String fallbackReason, FitAssessment fit,
                              List<MustNotMiss> mustNotMiss, double otherMass) {

    public DiagnosisResult {
        differential = List.copyOf(differential);
        redFlags = List.copyOf(redFlags);
        nextQuestions = List.copyOf(nextQuestions);
        mustNotMiss = mustNotMiss == null ? List.of() : List.copyOf(mustNotMiss);
    }

    /** A result without a fit assessment (not made by the engine: tests, recorded answers). */
    public DiagnosisResult(List<Candidate> differential, List<RedFlag> redFlags, List<NextQuestion> nextQuestions,
                           ModelInfo model, boolean fallback, String fallbackReason) {
        this(differential, redFlags, nextQuestions, model, fallback, fallbackReason, null, List.of(), 0);
    }

    /**
     * One candidate pathology.
     *
     * @param code        pathology code
     * @param name        name in the requested language
     * @param icd10       ICD-10 code (DDXPlus)
     * @param probability calibrated probability, 0–1, after the other mass
 * @param probabilityBand the probability as a coarse band ({@link ProbabilityBand#of})
     * @param severity    DDXPlus severity, 1 (most severe) to 5
     * @param supporting  observed evidences that support it most
     * @param missing     evidences it usually presents that the patient denied or was not asked about
     * @param unexplained present findings this pathology's knowledge does not include: the model counts
     *                    them as strongly against it, so the doctor should see them (a patient may well
     *                    have a finding the knowledge base does not associate with the condition)
     */
    public record Candidate(String code, String name, String icd10, double probability, String probabilityBand,
                            int severity, List<EvidenceNote> supporting, List<EvidenceNote> missing,
                            List<EvidenceNote> unexplained) {

        /** A candidate whose band is that of its probability. */
        public Candidate(String code, String name, String icd10, double probability, int severity,
                         List<EvidenceNote> supporting, List<EvidenceNote> missing, List<EvidenceNote> unexplained) {
            this(code, name, icd10, probability, ProbabilityBand.of(probability), severity, supporting, missing, unexplained);
        }
    }

    /**
     * An evidence cited in an explanation.
     *
     * @param evidence  the finding in DDXPlus notation ({@code E_54_@_V_161})
     * @param text      the question and value in the requested language
     * @param frequency how often the pathology presents it, 0–1 (from the bundle's frequencies)
     * @param status    {@code present}, {@code denied} or {@code not-asked}
     */
    public record EvidenceNote(Finding evidence, String text, double frequency, String status) {
    }

    /**
     * A severe condition that must not be missed.
     *
     * @param code        pathology code
     * @param name        name in the requested language
     * @param icd10       ICD-10 code
     * @param probability its probability
     * @param severity    1 or 2
     * @param reason      why it is flagged, in the requested language
     */
    public record RedFlag(String code, String name, String icd10, double probability, int severity, String reason) {
    }

    /**
     * A suggested question.
     *
     * @param evidence        the evidence code to ask about
     * @param label           the short clinical label in the requested language ("Disnea"); the
     *                        question itself when the lexicon has no label for the evidence
     * @param question        the DDXPlus survey question in the requested language (a secondary hint)
     * @param values          the answers worth offering for categorical and multi-choice evidences
     *                        (those the leading candidates present); empty for yes/no
     * @param informationGain expected reduction of the differential's entropy, in bits
     */
    public record NextQuestion(EvidenceCode evidence, String label, String question, List<AnswerOption> values, double informationGain) {
        public NextQuestion {
            values = List.copyOf(values);
        }
    }

    /**
     * One possible answer.
     *
     * @param code  value code, used as {@code evidence_@_code} in the next request
     * @param label the value in the requested language
     */
    public record AnswerOption(String code, String label) {
    }

    /**
     * Where the answer came from.
     *
     * @param bundle    bundle id
     * @param version   bundle version
     * @param method    {@code onnx} or {@code naive-bayes-fallback}
     * @param knowledge the knowledge source
     */
    public record ModelInfo(String bundle, String version, String method, String knowledge) {
    }
}
