package com.mediassist.core.deid;

import com.mediassist.core.knowledge.Language;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Finds identifiers in a clinical note and replaces them with typed surrogates. The trained CRF
 * labels tokens (BIO over the MEDDOCAN types); format patterns add what the model missed (a pattern
 * span is kept only where it overlaps no model span). Immutable and thread-safe.
 */
public final class Deidentifier {

    private final CrfModel model;
    private final Gazetteers gazetteersSource;
    private final Gazetteers.Lookup gazetteers;
    private final PhiType[] typeOf;
    private final boolean[] begins;
    private final int outside;
    private final float outsidePenalty;

    /**
     * @throws DeidException.InvalidModelException when the model was trained on another feature set
     *                                             or names a label that is not {@code O}, {@code B-TYPE} or {@code I-TYPE}
     */
    public Deidentifier(CrfModel model, Gazetteers gazetteers) {
        this(model, gazetteers, 0);
    }

    /**
     * @param outsidePenalty subtracted from the score of label {@code O} at every token: 0 decodes the
     *                       model as trained; a positive value finds more identifiers at some cost in
     *                       precision (the bundle states the value its dev scores were measured with)
     * @throws DeidException.InvalidModelException as {@link #Deidentifier(CrfModel, Gazetteers)}, or
     *                                             when the model has no label {@code O}
     */
    public Deidentifier(CrfModel model, Gazetteers gazetteers, double outsidePenalty) {
        if (!Double.isFinite(outsidePenalty) || outsidePenalty < 0) {
            throw new DeidException.InvalidModelException("the outside penalty must be 0 or more, got " + outsidePenalty);
        }
        this.outside = model.labels().indexOf("O");
        if (outside < 0) {
            throw new DeidException.InvalidModelException("expected a label O among " + model.labels());
        }
        this.outsidePenalty = (float) outsidePenalty;
        if (!DeidFeatures.VERSION.equals(model.featureVersion())) {
            throw new DeidException.InvalidModelException("expected a model on features " + DeidFeatures.VERSION + ", found "
                    + model.featureVersion());
        }
        this.model = model;
        this.gazetteersSource = gazetteers;
        this.gazetteers = gazetteers.lookup();
        List<String> labels = model.labels();
        typeOf = new PhiType[labels.size()];
        begins = new boolean[labels.size()];
        for (int i = 0; i < labels.size(); i++) {
            String l = labels.get(i);
            if (l.equals("O")) {
                continue;
            }
            if (l.length() < 3 || (l.charAt(0) != 'B' && l.charAt(0) != 'I') || l.charAt(1) != '-') {
                throw new DeidException.InvalidModelException("expected labels O, B-TYPE or I-TYPE, found " + l);
            }
            typeOf[i] = PhiType.of(l.substring(2)).orElseThrow(() ->
                    new DeidException.InvalidModelException("label " + l + " names no MEDDOCAN type"));
            begins[i] = l.charAt(0) == 'B';
        }
    }

    /** The penalty on label {@code O} this de-identifier decodes with. */
    public double outsidePenalty() {
        return outsidePenalty;
    }

    /** The same model and gazetteers decoded with another penalty on {@code O}. */
    public Deidentifier withOutsidePenalty(double penalty) {
        return new Deidentifier(model, gazetteersSource, penalty);
    }

    /** The identifiers the model alone finds, in order. */
    public List<PhiSpan> modelSpans(String text) {
        List<Token> tokens = Tokenizer.tokens(text);
        int[] lines = Tokenizer.lineStarts(text, tokens);
        String[][] features = DeidFeatures.extract(tokens, lines, gazetteers);
        List<PhiSpan> out = new ArrayList<>();
        for (int k = 0; k + 1 < lines.length; k++) {
            int from = lines[k];
            int[] path = model.decode(features, from, lines[k + 1], outside, outsidePenalty);
            int openStart = -1;
            int openEnd = -1;
            PhiType open = null;
            for (int t = 0; t < path.length; t++) {
                PhiType type = typeOf[path[t]];
                Token tok = tokens.get(from + t);
                if (open != null && (type != open || begins[path[t]])) {
                    out.add(new PhiSpan(openStart, openEnd, open, PhiSpan.Source.MODEL));
                    open = null;
                }
                if (type != null) {
                    if (open == null) {
                        open = type;
                        openStart = tok.start();
                    }
                    openEnd = tok.end();
                }
            }
            if (open != null) {
                out.add(new PhiSpan(openStart, openEnd, open, PhiSpan.Source.MODEL));
            }
        }
        return out;
    }

    /**
     * Every identifier found, in order, none overlapping. Pattern spans are merged into the model's:
     * one that covers the model spans it overlaps replaces them; one that overlaps only partly
     * widens them to the union (the model's type kept); one inside a model span adds nothing.
     */
    public List<PhiSpan> detect(String text, Language language) {
        List<PhiSpan> spans = new ArrayList<>(modelSpans(text));
        for (PhiSpan p : DeidPatterns.find(text, language)) {
            List<PhiSpan> hit = spans.stream().filter(p::overlaps).toList();
            if (hit.isEmpty()) {
                spans.add(p);
                continue;
            }
            int start = Math.min(p.start(), hit.get(0).start());
            int end = p.end();
            for (PhiSpan h : hit) {
                start = Math.min(start, h.start());
                end = Math.max(end, h.end());
            }
            boolean covers = start == p.start() && end == p.end();
            boolean inside = hit.size() == 1 && hit.get(0).start() <= p.start() && p.end() <= hit.get(0).end();
            if (inside) {
                continue;
            }
            spans.removeAll(hit);
            spans.add(covers ? p : new PhiSpan(start, end, hit.get(0).type(), PhiSpan.Source.MODEL));
            spans.sort(Comparator.comparingInt(PhiSpan::start));
        }
        spans.sort(Comparator.comparingInt(PhiSpan::start));
        return spans;
    }

    /**
     * The note with every identifier replaced by its surrogate ({@link Surrogates}); dates are
     * shifted by one random offset for the whole note.
     *
     * @param random source of the date shift (seed it in tests)
     */
    public ScrubbedNote scrub(String text, Language language, RandomGenerator random) {
        List<PhiSpan> spans = detect(text, language);
        int shift = Surrogates.randomShiftDays(random);
        return new ScrubbedNote(Surrogates.apply(text, spans, language, shift), spans, shift);
    }

    /**
     * A scrubbed note.
     *
     * @param text          the note with surrogates
     * @param spans         the identifiers found in the original
     * @param dateShiftDays the days every date was shifted by
     */
    public record ScrubbedNote(String text, List<PhiSpan> spans, int dateShiftDays) {
        public ScrubbedNote {
            spans = List.copyOf(spans);
        }
    }
}
