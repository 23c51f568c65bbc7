package com.mediassist.core.knowledge;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mediassist.core.knowledge.KnowledgeException.MalformedKnowledgeException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Per-pathology evidence frequencies, smoothed, estimated by the trainer from its training patients
 * and the knowledge's possible-evidence lists; stored in a bundle as {@code frequencies.json}. They
 * drive the naive Bayes fallback, the explanations and the expected information gain of questions.
 * All probabilities are in (0, 1).
 *
 * @param pathologies the pathologies, in label order
 * @param features    the evidence feature names (the first features of the {@link FeatureSpace})
 * @param prior       P(pathology)
 * @param present     {@code present[k][f]}: P(evidence feature f is present | pathology k)
 * @param ageBuckets  {@code ageBuckets[k][b]}: P(age bucket b | pathology k)
 * @param male        {@code male[k]}: P(sex = M | pathology k)
 * @param smoothing   how the estimates were smoothed, in words
 */
public record EvidenceFrequencies(List<PathologyCode> pathologies, List<String> features, double[] prior,
                                  double[][] present, double[][] ageBuckets, double[] male, String smoothing) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public EvidenceFrequencies {
        pathologies = List.copyOf(pathologies);
        features = List.copyOf(features);
        if (prior.length != pathologies.size() || present.length != pathologies.size()
                || ageBuckets.length != pathologies.size() || male.length != pathologies.size()) {
            throw new MalformedKnowledgeException("frequencies: tables do not have one row per pathology ("
                    + pathologies.size() + ")");
        }
        for (double[] row : present) {
            if (row.length != features.size()) {
                throw new MalformedKnowledgeException("frequencies: a row has " + row.length
                        + " features, expected " + features.size());
            }
        }
    }

    /**
     * Reads {@code frequencies.json}.
     *
     * @throws MalformedKnowledgeException when missing or malformed
     */
    public static EvidenceFrequencies read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return JSON.readValue(in, EvidenceFrequencies.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new MalformedKnowledgeException("cannot read frequencies " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * How often the other pathologies present feature {@code f}, weighted by their priors: what pathology
     * {@code k}'s own frequency is compared with to call a finding specific to it.
     */
    public double othersFrequency(int k, int f) {
        double other = 0;
        double w = 0;
        for (int j = 0; j < prior.length; j++) {
            if (j != k) {
                other += prior[j] * present[j][f];
                w += prior[j];
            }
        }
        return other / w;
    }

    /** Writes {@code frequencies.json}. */
    public void write(Path file) throws IOException {
        JSON.writeValue(file.toFile(), this);
    }

    /**
     * Checks that these frequencies describe the given knowledge's pathologies and features.
     *
     * @throws MalformedKnowledgeException naming the first difference
     */
    public void checkAgainst(Knowledge knowledge, FeatureSpace space) {
        List<PathologyCode> codes = knowledge.pathologies().stream().map(Pathology::code).toList();
        if (!codes.equals(pathologies)) {
            throw new MalformedKnowledgeException("frequencies list pathologies " + pathologies
                    + " but the knowledge has " + codes);
        }
        if (!space.names().subList(0, space.evidenceFeatureCount()).equals(features)) {
            throw new MalformedKnowledgeException("frequencies describe " + features.size()
                    + " evidence features that differ from the knowledge's " + space.evidenceFeatureCount());
        }
    }
}
