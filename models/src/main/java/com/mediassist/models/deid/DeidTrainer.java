package com.mediassist.models.deid;

import com.mediassist.core.deid.CrfModel;
import com.mediassist.core.deid.DeidFeatures;
import com.mediassist.core.deid.Gazetteers;
import com.mediassist.core.deid.PhiType;
import com.mediassist.core.deid.Token;
import com.mediassist.core.deid.Tokenizer;
import com.mediassist.models.ModelsException;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.tribuo.Example;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.crf.CRFModel;
import org.tribuo.classification.sgd.crf.CRFParameters;
import org.tribuo.classification.sgd.crf.CRFTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.la.DenseVector;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.sequence.MutableSequenceDataset;
import org.tribuo.sequence.SequenceExample;

/**
 * Trains the de-identification CRF with Tribuo's linear-chain {@link CRFTrainer} (AdaGrad) on
 * brat notes and exports it to the box's {@link CrfModel} form. Gazetteers are built from the
 * training annotations; while training, a note's own identifiers are left out of its gazetteer
 * look-ups (leave-one-note-out), so the model learns how much to trust a list it has not memorised.
 */
public final class DeidTrainer {

    /**
     * Trainer settings.
     *
     * @param epochs       passes over the training lines
     * @param learningRate AdaGrad initial learning rate
     * @param minCount     a feature must occur this often in training to be kept
     * @param minWeight    exported weights smaller in magnitude are dropped
     * @param seed         seed of Tribuo's shuffling
     */
    public record Settings(int epochs, double learningRate, int minCount, double minWeight, long seed) {
    }

    /** What training produced. */
    public record Result(CrfModel model, Gazetteers gazetteers, int trainingLines, int trainingTokens, int featuresKept,
            int featuresSeen, double exportAgreement, String tribuoTrainer, List<String> labels) {
    }

    private DeidTrainer() {
    }

    /** The gazetteers built from {@code documents}' annotations. */
    public static Gazetteers gazetteers(List<BratDocument> documents) {
        Map<Gazetteers.Kind, Map<String, Integer>> docs = new EnumMap<>(Gazetteers.Kind.class);
        Map<Gazetteers.Kind, Map<String, Integer>> inside = new EnumMap<>(Gazetteers.Kind.class);
        Map<String, Integer> everywhere = new HashMap<>();
        for (BratDocument d : documents) {
            for (Token t : Tokenizer.tokens(d.text())) {
                everywhere.merge(t.text().toLowerCase(Locale.ROOT), 1, Integer::sum);
            }
            Map<Gazetteers.Kind, Set<String>> own = entries(d);
            for (Map.Entry<Gazetteers.Kind, Set<String>> e : own.entrySet()) {
                for (String w : e.getValue()) {
                    docs.computeIfAbsent(e.getKey(), k -> new TreeMap<>()).merge(w, 1, Integer::sum);
                }
            }
            for (BratDocument.Gold g : d.gold()) {
                List<Token> tokens = Tokenizer.tokens(d.text().substring(g.start(), g.end()));
                for (int i = 0; i < tokens.size(); i++) {
                    Gazetteers.Kind k = kind(g.type(), i);
                    if (k != null && word(tokens.get(i).text())) {
                        inside.computeIfAbsent(k, x -> new HashMap<>()).merge(tokens.get(i).text().toLowerCase(Locale.ROOT), 1,
                                Integer::sum);
                    }
                }
            }
        }
        // A word that is mostly ordinary text ("de", "hospital", "calle") is not a list entry.
        for (Map.Entry<Gazetteers.Kind, Map<String, Integer>> e : docs.entrySet()) {
            Map<String, Integer> in = inside.getOrDefault(e.getKey(), Map.of());
            e.getValue().keySet().removeIf(w -> in.getOrDefault(w, 0) * 2 < everywhere.getOrDefault(w, 0));
        }
        return new Gazetteers(docs);
    }

    /** The gazetteer entries of one note's annotations, by kind (lower case). */
    static Map<Gazetteers.Kind, Set<String>> entries(BratDocument d) {
        Map<Gazetteers.Kind, Set<String>> own = new EnumMap<>(Gazetteers.Kind.class);
        for (BratDocument.Gold g : d.gold()) {
            List<Token> tokens = Tokenizer.tokens(d.text().substring(g.start(), g.end()));
            for (int i = 0; i < tokens.size(); i++) {
                Gazetteers.Kind k = kind(g.type(), i);
                if (k != null && word(tokens.get(i).text())) {
                    own.computeIfAbsent(k, x -> new HashSet<>()).add(tokens.get(i).text().toLowerCase(Locale.ROOT));
                }
            }
        }
        return own;
    }

    private static boolean word(String t) {
        return t.length() >= 2 && Character.isUpperCase(t.charAt(0)) && t.chars().allMatch(Character::isLetter);
    }

    private static Gazetteers.Kind kind(PhiType type, int position) {
        return switch (type) {
            case NOMBRE_SUJETO_ASISTENCIA, NOMBRE_PERSONAL_SANITARIO -> position == 0 ? Gazetteers.Kind.GIVEN : Gazetteers.Kind.SURNAME;
            case TERRITORIO, PAIS -> Gazetteers.Kind.PLACE;
            case HOSPITAL, CENTRO_SALUD, INSTITUCION -> Gazetteers.Kind.FACILITY;
            default -> null;
        };
    }

    /** One note as token features and BIO labels, with the given gazetteer look-up. */
    record Encoded(String[][] features, String[] labels, int[] lineStarts) {
    }

    static Encoded encode(BratDocument d, Gazetteers.Lookup lookup) {
        List<Token> tokens = Tokenizer.tokens(d.text());
        int[] lines = Tokenizer.lineStarts(d.text(), tokens);
        String[] labels = new String[tokens.size()];
        Arrays.fill(labels, "O");
        for (BratDocument.Gold g : d.gold()) {
            boolean first = true;
            for (int t = 0; t < tokens.size(); t++) {
                Token tok = tokens.get(t);
                if (tok.start() < g.end() && g.start() < tok.end()) {
                    labels[t] = (first ? "B-" : "I-") + g.type().name();
                    first = false;
                }
            }
        }
        return new Encoded(DeidFeatures.extract(tokens, lines, lookup), labels, lines);
    }

    /**
     * Trains on {@code train}.
     *
     * @param log progress lines
     */
    public static Result train(List<BratDocument> train, Settings settings, java.util.function.Consumer<String> log) {
        Gazetteers gazetteers = gazetteers(train);
        List<Encoded> encoded = new ArrayList<>();
        Map<String, Integer> counts = new HashMap<>();
        for (BratDocument d : train) {
            Map<Gazetteers.Kind, Set<String>> own = entries(d);
            Gazetteers.Lookup leaveOneOut = (k, w) ->
                    gazetteers.documents(k, w) - (own.getOrDefault(k, Set.of()).contains(w) ? 1 : 0) >= 1;
            Encoded e = encode(d, leaveOneOut);
            encoded.add(e);
            for (String[] fs : e.features()) {
                for (String f : fs) {
                    counts.merge(f, 1, Integer::sum);
                }
            }
        }
        int seen = counts.size();
        LabelFactory factory = new LabelFactory();
        List<SequenceExample<Label>> sequences = new ArrayList<>();
        int tokens = 0;
        for (Encoded e : encoded) {
            for (int line = 0; line + 1 < e.lineStarts().length; line++) {
                List<Example<Label>> ex = new ArrayList<>();
                for (int t = e.lineStarts()[line]; t < e.lineStarts()[line + 1]; t++) {
                    String[] kept = Arrays.stream(e.features()[t]).filter(f -> counts.get(f) >= settings.minCount())
                            .toArray(String[]::new);
                    double[] ones = new double[kept.length];
                    Arrays.fill(ones, 1.0);
                    ex.add(new ArrayExample<>(new Label(e.labels()[t]), kept, ones));
                }
                if (!ex.isEmpty()) {
                    sequences.add(new SequenceExample<>(ex));
                    tokens += ex.size();
                }
            }
        }
        MutableSequenceDataset<Label> dataset = new MutableSequenceDataset<>(
                new SimpleDataSourceProvenance("MEDDOCAN train (brat, " + train.size() + " notes)", factory), factory);
        for (SequenceExample<Label> s : sequences) {
            dataset.add(s);
        }
        log.accept(String.format(Locale.ROOT, "train-deid: %d notes, %d lines, %d tokens, %d features (of %d seen), %d labels",
                train.size(), sequences.size(), tokens, dataset.getFeatureMap().size(), seen, dataset.getOutputInfo().size()));
        CRFTrainer trainer = new CRFTrainer(new AdaGrad(settings.learningRate(), 0.1), settings.epochs(), 100000, 1, settings.seed());
        long t0 = System.nanoTime();
        CRFModel crf = trainer.train(dataset, Map.of());
        log.accept(String.format(Locale.ROOT, "train-deid: trained in %.1f s", (System.nanoTime() - t0) / 1e9));
        CrfModel exported = export(crf, settings.minWeight());
        double agreement = agreement(crf, exported, sequences.subList(0, Math.min(3000, sequences.size())));
        log.accept(String.format(Locale.ROOT, "train-deid: exported %d features, %d weights; agreement with Tribuo %.5f",
                exported.featureCount(), exported.weightCount(), agreement));
        if (agreement < 0.995) {
            throw new ModelsException("the exported CRF decodes differently from Tribuo's on " + String.format(Locale.ROOT,
                    "%.2f %%", 100 * (1 - agreement)) + " of training tokens (expected under 0.5 %)");
        }
        return new Result(exported, gazetteers, sequences.size(), tokens, exported.featureCount(), seen, agreement,
                trainer.toString(), exported.labels());
    }

    /** Copies the Tribuo CRF's weights, dropping those under {@code minWeight} in magnitude. */
    static CrfModel export(CRFModel crf, double minWeight) {
        CRFParameters p = field(crf, CRFModel.class, "parameters", CRFParameters.class);
        DenseVector biases = field(p, CRFParameters.class, "biases", DenseVector.class);
        DenseMatrix featureLabel = field(p, CRFParameters.class, "featureLabelWeights", DenseMatrix.class);
        DenseMatrix labelLabel = field(p, CRFParameters.class, "labelLabelWeights", DenseMatrix.class);
        ImmutableOutputInfo<Label> outputs = crf.getOutputIDInfo();
        ImmutableFeatureMap features = crf.getFeatureIDMap();
        int l = outputs.size();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < l; i++) {
            labels.add(outputs.getOutput(i).getLabel());
        }
        float[] bias = new float[l];
        float[] trans = new float[l * l];
        for (int i = 0; i < l; i++) {
            bias[i] = (float) biases.get(i);
            for (int j = 0; j < l; j++) {
                trans[i * l + j] = (float) labelLabel.get(i, j);
            }
        }
        List<String> names = new ArrayList<>();
        int[] offsets = new int[features.size() + 1];
        short[] labelOf = new short[features.size() * 4];
        float[] weight = new float[features.size() * 4];
        int k = 0;
        for (String name : new TreeSet<>(features.keySet())) {
            int id = features.getID(name);
            int start = k;
            for (int y = 0; y < l; y++) {
                double w = featureLabel.get(y, id);
                if (Math.abs(w) >= minWeight) {
                    if (k == weight.length) {
                        labelOf = Arrays.copyOf(labelOf, k * 2);
                        weight = Arrays.copyOf(weight, k * 2);
                    }
                    labelOf[k] = (short) y;
                    weight[k++] = (float) w;
                }
            }
            if (k > start) {
                names.add(name);
                offsets[names.size()] = k;
            }
        }
        return new CrfModel(labels, DeidFeatures.VERSION, bias, trans, names.toArray(new String[0]),
                Arrays.copyOf(offsets, names.size() + 1), Arrays.copyOf(labelOf, k), Arrays.copyOf(weight, k));
    }

    /** Share of tokens where the exported model's Viterbi path equals Tribuo's prediction. */
    static double agreement(CRFModel crf, CrfModel exported, List<SequenceExample<Label>> sample) {
        long same = 0;
        long all = 0;
        for (SequenceExample<Label> s : sample) {
            List<Prediction<Label>> predicted = crf.predict(s);
            String[][] feats = new String[s.size()][];
            for (int t = 0; t < s.size(); t++) {
                List<String> names = new ArrayList<>();
                s.get(t).forEach(f -> names.add(f.getName()));
                feats[t] = names.toArray(new String[0]);
            }
            int[] path = exported.decode(feats, 0, feats.length);
            for (int t = 0; t < path.length; t++) {
                all++;
                if (exported.labels().get(path[t]).equals(predicted.get(t).getOutput().getLabel())) {
                    same++;
                }
            }
        }
        return all == 0 ? 1 : (double) same / all;
    }

    private static <T> T field(Object owner, Class<?> declaring, String name, Class<T> type) {
        try {
            Field f = declaring.getDeclaredField(name);
            f.setAccessible(true);
            return type.cast(f.get(owner));
        } catch (ReflectiveOperationException e) {
            throw new ModelsException("Tribuo " + declaring.getSimpleName() + " has no readable field " + name
                    + " (expected with Tribuo 4.3.2)", e);
        }
    }
}
