package com.mediassist.core.summary;

import com.mediassist.core.knowledge.EvidenceCode;
import com.mediassist.core.knowledge.Language;

import com.mediassist.core.fit.UnmappedConcepts;
import com.mediassist.core.summary.lexicon.EvidenceCatalog;
import com.mediassist.core.summary.lexicon.AbbreviationSenses;
import com.mediassist.core.summary.lexicon.ExamLabels;
import com.mediassist.core.summary.lexicon.EvidenceLexicon;
import com.mediassist.core.summary.lexicon.LexiconEntry;
import com.mediassist.core.summary.lexicon.PainModifiers;
import com.mediassist.core.summary.lexicon.PhraseMatcher;
import com.mediassist.core.summary.lexicon.Token;
import com.mediassist.core.summary.lexicon.Tokenizer;
import com.mediassist.core.summary.negation.ContextAnnotator;
import com.mediassist.core.summary.negation.ContextRules;
import com.mediassist.core.summary.negation.TriggerCategory;
import com.mediassist.core.summary.sections.SectionDetector;
import com.mediassist.core.summary.vitals.VitalsExtractor;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a consultation note into a {@link StructuredNote}. Load once with {@link #loadDefault()}
 * (it reads the shipped knowledge files) and share: {@link #extract} is thread-safe and runs in time
 * linear in the note length.
 */
public final class SummaryExtractor {

    /** Version of the rules and knowledge files, reported in every note's {@code source}. */
    public static final String KNOWLEDGE_VERSION = "summary-knowledge 2026.11-1";
    private static final String SOURCE = KNOWLEDGE_VERSION
            + " (ConText rules: NegEx-MES + medspaCy, extended; DDXPlus evidence lexicon es/en)";

    /** Words after a pain word searched for its location, character, intensity and onset. */
    private static final int PAIN_WINDOW = 12;
    /** Words before a pain word searched for what qualifies it ("sudden onset crushing chest pain"). */
    private static final int PAIN_WINDOW_BEFORE = 4;
    /** Words that start another clause: what comes before them qualifies something else. */
    private static final Set<String> CLAUSE_WORDS = Set.of("y", "e", "o", "u", "con", "sin", "and", "or", "with", "without",
            "but", "pero", "no", "niega", "denies");
    /** DDXPlus' contact evidence: a person with similar symptoms in the past two weeks. */
    private static final String CONTACT = "E_41";
    /** DDXPlus' pain intensity evidence (0 to 10). */
    private static final String INTENSITY = "E_56";
    /** Share of control characters above which a text is taken for binary data. */
    private static final double MAX_CONTROL_SHARE = 0.02;

    private final SummaryOptions options;
    private final EvidenceCatalog catalog;
    private final EvidenceLexicon lexicon;
    private final PainModifiers modifiers;
    private final ContextRules rules;
    private final SectionDetector sections;
    private final VitalsExtractor vitals = new VitalsExtractor();
    private final LanguageDetector languages = new LanguageDetector();
    private final MedicationReader medications;
    private final ExamLabels examLabels = ExamLabels.loadDefault();
    private final AbbreviationSenses abbreviationSenses = AbbreviationSenses.loadDefault();
    private final PastEpisodes pastEpisodes = PastEpisodes.loadDefault();
    private final NonFindings nonFindings = NonFindings.loadDefault();
    private final ListItems listItems = ListItems.loadDefault();
    /** DDXPlus "contact with someone with similar symptoms". */
    /** DDXPlus "Do you smoke cigarettes?" and "exposed to secondhand cigarette smoke on a daily basis?". */
    private static final String SMOKING = "E_79";
    private static final String SECONDHAND_SMOKE = "E_222";
    /** Living with four or more people: "convive con 6 familiares" counts the household, it is no relative's illness. */
    private static final String HOUSEHOLD = "E_48";
    /** Anxiety written as past history ("PMH: anxiety", "AP: ansiedad") is the chronic anxiety antecedent. */
    private static final String ANXIOUS = "E_16";
    private static final String CHRONIC_ANXIETY = "E_81";
    private final UnmappedConcepts concepts = UnmappedConcepts.loadDefault();

    /** Words that state past history in so many words ("hx migraines", "antecedentes de asma"). */
    private static final Set<String> HISTORY_WORDS = Set.of("hx", "pmh", "antecedentes", "antecedente", "history");

    /** Whether one of the three words before {@code first}, within its sentence, states past history. */
    private static boolean explicitHistory(String[] words, int first, int sentenceStart) {
        for (int k = first - 1; k >= Math.max(sentenceStart, first - 3); k--) {
            if (words[k] != null && HISTORY_WORDS.contains(words[k])) {
                return true;
            }
        }
        return false;
    }

    /** Concept of the unmapped lexicon's masking forms: recognised phrases that are no finding ("PR depression"). */
    private static final String MASK = "-";

    /**
     * Articles that make the folded word after them a body part, not a relative: "bulto en la mama" (the breast),
     * unlike "madre asmática".
     */
    private static final java.util.Set<String> ARTICLES = java.util.Set.of("la", "las", "el", "los", "ambas", "una");
    private static final String SWELLING = "E_151";
    private static final String BLOATING = "E_30";

    private SummaryExtractor(SummaryOptions options, java.util.function.Function<EvidenceCatalog, MedicationReader> medications) {
        this.options = options;
        this.catalog = EvidenceCatalog.loadDefault();
        this.rules = ContextRules.loadDefault();
        this.sections = SectionDetector.loadDefault();
        this.modifiers = PainModifiers.load(catalog);
        List<String> protectedWords = new ArrayList<>(rules.vocabulary());
        protectedWords.addAll(sections.vocabulary());
        protectedWords.addAll(modifiers.vocabulary());
        protectedWords.addAll(List.of("casado", "casada", "cansada", "pesado", "pasado", "pasada", "tomado", "tomada",
                "tomando", "refiere", "presenta", "dolores", "colores", "sudado", "mareado", "ahora", "semanas", "minutos",
                "tambien", "aunque", "durante", "episodio", "episodios", "control", "controles", "analitica"));
        protectedWords.addAll(List.of("nitritos", "leucocitos", "hematies", "proteinas", "glucosa", "cetonas", "urobilinogeno",
                "bilirrubina", "creatinina", "colesterol", "plaquetas", "hemoglobina"));
        // examination words one letter from a finding: "light reflex" is not reflux
        protectedWords.addAll(List.of("reflex"));
        this.lexicon = EvidenceLexicon.load(catalog, protectedWords);
        this.medications = medications.apply(catalog);
    }

    /** The extractor with the shipped knowledge and {@link SummaryOptions#defaults()}. */
    public static SummaryExtractor loadDefault() {
        return load(SummaryOptions.defaults());
    }

    /**
     * @throws KnowledgeFileException when a shipped knowledge file is missing or malformed
     */
    public static SummaryExtractor load(SummaryOptions options) {
        return new SummaryExtractor(options, MedicationReader::loadDefault);
    }

    public SummaryOptions options() {
        return options;
    }

    /** Number of lexicon surface forms and ConText rules loaded, for health pages. */
    public String knowledgeSummary() {
        return lexicon.size() + " lexicon forms, " + rules.size() + " ConText rules, " + catalog.size() + " evidences";
    }

    /**
     * Extracts the structured note.
     *
     * @param text     the note as typed
     * @param language the note's language, or {@code null} to detect it
     * @throws UnreadableNoteException when the text is empty, blank or binary data
     * @throws NoteTooLongException    when it exceeds {@link SummaryOptions#maxChars()}
     */
    public StructuredNote extract(String text, Language language) {
        check(text);
        List<Token> tokens = Tokenizer.tokenize(text);
        Language lang = language != null ? language : languages.detect(tokens);
        List<NoteSection> noteSections = sections.detect(text);

        int n = tokens.size();
        String[] words = new String[n];
        Tokenizer.Sentences sentences = Tokenizer.sentences(tokens);
        int[] sentenceStart = sentences.start();
        int[] sentenceEnd = sentences.end();
        for (int i = 0; i < n; i++) {
            Token t = tokens.get(i);
            words[i] = t.isWord() ? t.folded() : null;
            if ("si".equals(words[i]) && (text.charAt(t.start() + 1) != 'i' && text.charAt(t.start() + 1) != 'I'
                    || i + 1 >= n || !tokens.get(i + 1).isWord())) {
                // "sí" (yes) is not the conditional "si" (if): keep the accent so no trigger matches it; a "si" that
                // closes its clause ("Fiebre: si.") is a yes written without the accent, a condition never ends there
                words[i] = "s\u00ed";
            }
        }

        boolean[] typo = new boolean[n];
        String[] corrected = lexicon.correctTypos(words, typo, lang);
        List<PhraseMatcher.Match<LexiconEntry>> found = PainDescriptions.add(
                FeverReadings.keepFevers(lexicon.findAll(corrected), corrected), corrected);
        List<PhraseMatcher.Match<LexiconEntry>> matches = HallmarkContexts.revise(
                Qualifiers.exertion(Qualifiers.attach(found, corrected), corrected), corrected, sentenceStart, sentenceEnd);
        matches.removeIf(m -> namesRelativeOnly(text, tokens, m, lang));
        // "FA 140" in a blood test, "IC a Cardiología", "AF:" in a Spanish note: the abbreviation's other sense
        matches.removeIf(m -> m.length() == 1 && abbreviationSenses.otherSense(text, tokens, corrected, m.first(), lang));
        boolean[] inFinding = new boolean[n];
        for (PhraseMatcher.Match<LexiconEntry> m : matches) {
            for (int k = m.first(); k < m.first() + m.length(); k++) {
                inFinding[k] = true;
            }
        }
        boolean[] slashBefore = new boolean[n];
        for (int i = 1; i < n; i++) {
            slashBefore[i] = text.substring(tokens.get(i - 1).end(), tokens.get(i).start()).indexOf('/') >= 0;
        }
        ContextAnnotator context = new ContextAnnotator(rules, words, inFinding, slashBefore);

        List<Allergy> allergies = AllergyExtractor.extract(text, tokens, medications::ingredientsOf);
        List<NoteMedication> meds = new ArrayList<>();
        for (NoteMedication m : medications.read(text, tokens, context, sentenceStart, sentenceEnd)) {
            if (!insideAllergy(allergies, m.span())) {
                meds.add(m);
            }
        }

        int examOrAssessment = -1;
        for (NoteSection ns : noteSections) {
            if (ns.kind() == SectionKind.EXAMINATION || ns.kind() == SectionKind.ASSESSMENT) {
                examOrAssessment = ns.span().start();
            }
        }
        List<Finding> findings = new ArrayList<>();
        List<String> findingConcepts = new ArrayList<>();
        // the word after the last finding read as an earlier episode, -1 when none
        int episodeEnd = -1;
        PhraseMatcher.Match<LexiconEntry> lastEmitted = null;
        for (int mi = 0; mi < matches.size(); mi++) {
            PhraseMatcher.Match<LexiconEntry> m = matches.get(mi);
            int first = m.first();
            int last = first + m.length() - 1;
            Span core = new Span(tokens.get(first).start(), tokens.get(last).end());
            if (insideAllergy(allergies, core) || insideMedication(meds, core)
                    || NonFindings.allergyReaction(text, allergies, core)) {
                continue;
            }
            LexiconEntry entry = m.payload();
            if (MASK.equals(entry.concept())) {
                continue;
            }
            if (m.length() == 1 && examLabels.isExamLabel(text, tokens, corrected, first, noteSections)) {
                continue;
            }
            if (nonFindings.isNone(text, tokens, words, corrected, inFinding, first, last + 1, entry, meds,
                    sentenceStart[first], sentenceEnd[first])
                    || entry.evidence() == null && !findings.isEmpty() && findings.get(findings.size() - 1).span().contains(core)) {
                // the last clause: a pain's place or character its span already took ("dolor en fosa ilíaca derecha")
                continue;
            }
            List<com.mediassist.core.knowledge.Finding> values = new ArrayList<>(entry.values());
            if (entry.isPain()) {
                int limit = Math.min(sentenceEnd[first], last + 1 + PAIN_WINDOW);
                for (int k = mi + 1; k < matches.size() && matches.get(k).first() < limit; k++) {
                    // "dolor abdominal en fosa ilíaca derecha", "dolor en el estómago tipo ardor": a following
                    // finding DDXPlus has no evidence for, made only of pain modifiers, still describes this pain
                    if (!onlyModifiers(matches.get(k), corrected)) {
                        limit = matches.get(k).first();
                        break;
                    }
                }
                // the pain's own words and the few before it in its clause count too: English puts what the pain
                // is like, where and how it began before the noun ("sudden crushing central chest pain",
                // "right ear pain"), and a lexicon form may name a place itself ("dolor en el hombro")
                int previousEnd = mi > 0 ? matches.get(mi - 1).first() + matches.get(mi - 1).length() : 0;
                int from = clauseStartBefore(text, tokens, corrected, first, Math.max(previousEnd, sentenceStart[first]));
                PainModifiers.Reading r = modifiers.read(corrected, from, limit);
                for (com.mediassist.core.knowledge.Finding v : r.values()) {
                    if (!values.contains(v)) {
                        values.add(v);
                    }
                }
                last = Math.max(last, r.lastWord());
                if (values.stream().noneMatch(v -> INTENSITY.equals(v.evidence().value()))) {
                    // "dolor retroesternal con sudoración, EVA 9": a score later in the sentence, before any other
                    // pain, rates this pain
                    int scoreEnd = sentenceEnd[first];
                    for (int k = mi + 1; k < matches.size(); k++) {
                        if (matches.get(k).first() >= scoreEnd) {
                            break;
                        }
                        if (matches.get(k).payload().isPain()) {
                            scoreEnd = matches.get(k).first();
                            break;
                        }
                    }
                    Integer score = modifiers.intensityIn(corrected, limit, scoreEnd);
                    if (score != null) {
                        values.add(com.mediassist.core.knowledge.Finding.of(INTENSITY, String.valueOf(score)));
                    }
                }
            }
            if (entry.isPain() && lastEmitted != null && onlyModifiers(lastEmitted, corrected)
                    && lastEmitted.first() >= clauseStartBefore(text, tokens, corrected, first, sentenceStart[first])) {
                // "right lower quadrant abdominal pain": the place written before the pain is the pain's, not a finding
                findings.remove(findings.size() - 1);
                findingConcepts.remove(findingConcepts.size() - 1);
            }
            Span span = new Span(tokens.get(first).start(), tokens.get(last).end());
            NoteSection noteSection = SectionDetector.sectionAt(noteSections, span.start());
            SectionKind section = noteSection == null ? SectionKind.HISTORY_OF_PRESENT_ILLNESS : noteSection.kind();
            boolean headed = noteSection != null && noteSection.heading() != null;
            FindingStatus status = entry.inherent();
            if (status == null) {
                Set<TriggerCategory> cats = context.categoriesFor(m.first(), m.first() + m.length(),
                        sentenceStart[first], sentenceEnd[first]);
                // A heading states the section; a section guessed from cue words does not change a
                // finding's status. What the plan mentions ("acudir si disnea") is not present now.
                // A plan guessed from a cue word ("Started with a cold") that an examination or assessment still
                // follows is the history.
                FindingStatus fallback = switch (section) {
                    case PAST_HISTORY -> headed && !pastEpisodes.tellsCurrent(words, sentenceStart[first], sentenceEnd[first])
                            ? FindingStatus.HISTORICAL : FindingStatus.PRESENT;
                    case FAMILY_HISTORY -> headed ? FindingStatus.FAMILY : FindingStatus.PRESENT;
                    case PLAN -> headed || span.start() > examOrAssessment ? FindingStatus.HYPOTHETICAL : FindingStatus.PRESENT;
                    default -> FindingStatus.PRESENT;
                };
                if (fallback == FindingStatus.HYPOTHETICAL && actsOnExisting(words, first, sentenceStart[first])) {
                    // "suspender anticonceptivo combinado", "avoid NSAIDs given CKD": the plan acts on what is there
                    fallback = FindingStatus.PRESENT;
                }
                if (section == SectionKind.EXAMINATION && (headed || !(pastEpisodes.tellsEarlierInSentence(words,
                        sentenceStart[first], sentenceEnd[first]) || explicitHistory(words, first, sentenceStart[first])))) {
                    // what the examination finds is there now: "AP: crepitantes" is the lung auscultation, not
                    // the past history the same letters head elsewhere; in an examination only guessed from cue
                    // words ("neck stiff … hx migraines") a written "hx"/"antecedentes de" still dates the finding
                    cats.remove(TriggerCategory.HISTORICAL);
                }
                status = ContextAnnotator.statusOf(cats, fallback);
                if ((status == FindingStatus.PRESENT || status == FindingStatus.HISTORICAL)
                        && m.length() > 1 && namesRelative(corrected, m.first(), m.first() + m.length())
                        && !(entry.evidence() != null && HOUSEHOLD.equals(entry.evidence().evidence().value()))) {
                    status = FindingStatus.FAMILY;
                }
                if (section == SectionKind.FAMILY_HISTORY && headed && status != FindingStatus.DENIED) {
                    status = FindingStatus.FAMILY;
                }
            }
            status = SignMarks.apply(text, span, status);
            status = PastEvents.revise(entry, status);
            // "Roommate had the flu last week": someone else's illness is the patient's contact, not past history
            boolean contactMention = ContactMentions.before(corrected, first, sentenceStart[first]);
            if (status == FindingStatus.PRESENT && entry.inherent() == null && !contactMention) {
                boolean episode = pastEpisodes.namesIllness(corrected, m.first(), m.first() + m.length())
                        && pastEpisodes.tellsEarlier(words, m.first(), m.first() + m.length(), sentenceStart[first],
                        sentenceEnd[first])
                        // a contact's illness ("Roommate had the flu last week") is the patient's exposure now
                        && (entry.evidence() == null || !CONTACT.equals(entry.evidence().evidence().value()))
                        // "Pneumonia in 2019", "IAM en 2015 con stent": a calendar year dates an earlier episode
                        || pastEpisodes.dated(words, m.first(), m.first() + m.length(), sentenceStart[first],
                        sentenceEnd[first]);
                // "hace 10 días cuadro catarral con fiebre": what the earlier episode came with is past too
                boolean cameWith = episodeEnd >= 0 && m.first() == episodeEnd + 1
                        && ("con".equals(words[episodeEnd]) || "with".equals(words[episodeEnd]));
                if (episode || cameWith) {
                    status = FindingStatus.HISTORICAL;
                    episodeEnd = m.first() + m.length();
                }
            }
            boolean smokingRelative = status == FindingStatus.FAMILY && entry.evidence() != null
                    && SMOKING.equals(entry.evidence().evidence().value());
            if (smokingRelative) {
                // "Padres fumadores", "Madre fumadora": a relative who smokes is the patient's exposure to smoke now
                status = FindingStatus.PRESENT;
            }
            boolean family = status == FindingStatus.FAMILY;
            com.mediassist.core.knowledge.Finding evidence = smokingRelative
                    ? com.mediassist.core.knowledge.Finding.of(com.mediassist.core.knowledge.EvidenceCode.of(SECONDHAND_SMOKE))
                    : lexicon.evidenceFor(entry.evidence(), family);
            if (!smokingRelative && status == FindingStatus.PRESENT && contactMention) {
                com.mediassist.core.knowledge.Finding contact = lexicon.evidenceFor(entry.evidence(), true);
                if (contact != null && CONTACT.equals(contact.evidence().value())) {
                    evidence = contact;
                }
            }
            if (status == FindingStatus.HISTORICAL && evidence != null && ANXIOUS.equals(evidence.evidence().value())) {
                evidence = com.mediassist.core.knowledge.Finding.of(com.mediassist.core.knowledge.EvidenceCode.of(CHRONIC_ANXIETY));
            }
            List<com.mediassist.core.knowledge.Finding> kept = family || evidence == null ? List.of() : values;
            boolean anyTypo = false;
            for (int k = m.first(); k < m.first() + m.length(); k++) {
                anyTypo |= typo[k];
            }
            findings.add(new Finding(span.of(text), span, status, evidence, kept, section, anyTypo));
            findingConcepts.add(entry.concept());
            lastEmitted = m;
        }
        readGenericSwellingAsBloating(findings, tokens, sentenceStart);
        NonFindings.joinHabitQuantities(text, findings, findingConcepts);
        MentionMerges.apply(text, findings, findingConcepts);
        DischargeLetters.restate(text, findings);
        StatusRevisions.revise(text, noteSections, findings);
        ExamSigns.revise(findings);
        PastEvents.revise(text, noteSections, findings, findingConcepts);
        listItems.apply(text, tokens, words, sentenceStart, sentenceEnd, noteSections, findings, findingConcepts, meds,
                allergies);

        List<Vital> noteVitals = vitals.extract(text, tokens);
        Set<com.mediassist.core.knowledge.Finding> present = new LinkedHashSet<>();
        Set<EvidenceCode> absent = new LinkedHashSet<>();
        for (Finding f : findings) {
            if (f.evidence() == null) {
                continue;
            }
            boolean counts = switch (f.status()) {
                case PRESENT, FAMILY -> true;
                case HISTORICAL -> catalog.isAntecedent(f.evidence().evidence());
                case DENIED, HYPOTHETICAL -> false;
            };
            if (counts) {
                present.add(f.evidence());
                present.addAll(f.values());
            } else if (f.status() == FindingStatus.DENIED && f.evidence().value() == null) {
                absent.add(f.evidence().evidence());
            }
        }
        for (NoteMedication m : meds) {
            SectionKind section = SectionDetector.sectionAt(noteSections, m.span().start(), SectionKind.HISTORY_OF_PRESENT_ILLNESS);
            boolean taken = m.status() == FindingStatus.PRESENT || m.status() == FindingStatus.HISTORICAL;
            NoteSection inSection = SectionDetector.sectionAt(noteSections, m.span().start());
            boolean listed = inSection != null && inSection.heading() != null
                    && (section == SectionKind.MEDICATIONS || section == SectionKind.PAST_HISTORY);
            if (taken && examOrAssessment >= 0 && m.span().start() > examOrAssessment && !listed
                    && !MedicationUse.saidTaken(m, text)) {
                // fit9: "Lavados con suero, Rhinocort spray." after the examination is this visit's plan
                taken = false;
            }
            if (taken && section != SectionKind.PLAN && section != SectionKind.ASSESSMENT && MedicationUse.taken(m, text)) {
                present.addAll(MedicineForms.answered(m, medications.evidencesOf(m), text));
            }
        }
        absent.removeIf(a -> present.contains(com.mediassist.core.knowledge.Finding.of(a)));
        Set<String> unmapped = new LinkedHashSet<>();
        for (int i = 0; i < findings.size(); i++) {
            String concept = findingConcepts.get(i);
            if (concept != null && findings.get(i).status() == FindingStatus.PRESENT) {
                concepts.byId(concept).ifPresent(c -> unmapped.add(c.label(
                        lang)));
            }
        }
        String summary = SummaryWriter.write(lang, noteSections, findings, meds, allergies, noteVitals);
        return new StructuredNote(lang, language == null, noteSections, findings, meds, allergies, noteVitals, summary,
                List.copyOf(present), List.copyOf(absent), SOURCE, List.copyOf(unmapped));
    }

    /** Whether a match has no DDXPlus evidence and its words are all a pain's place or character. */
    private boolean onlyModifiers(PhraseMatcher.Match<LexiconEntry> m, String[] words) {
        if (m.payload().evidence() != null || MASK.equals(m.payload().concept())) {
            return false;
        }
        int end = m.first() + m.length();
        PainModifiers.Reading r = modifiers.read(words, m.first(), end);
        return !r.values().isEmpty() && r.lastWord() == end - 1;
    }

    /**
     * Start of the words just before a pain match that may qualify it: at most {@link #PAIN_WINDOW_BEFORE} words,
     * not before {@code floor} (the sentence start or the previous finding), stopping at punctuation other than a
     * hyphen ("right-sided", "pressure-like") and at a word that starts another clause ("fiebre y dolor").
     */
    private static int clauseStartBefore(String text, List<Token> tokens, String[] words, int first, int floor) {
        int from = first;
        int counted = 0;
        for (int k = first - 1; k >= floor && counted < PAIN_WINDOW_BEFORE; k--) {
            Token t = tokens.get(k);
            if (!t.isWord()) {
                if (t.end() - t.start() == 1 && text.charAt(t.start()) == '-') {
                    continue;
                }
                break;
            }
            if (words[k] == null || CLAUSE_WORDS.contains(words[k])) {
                break;
            }
            from = k;
            counted++;
        }
        return from;
    }

    /**
     * "Distensión abdominal e hinchazón", "bloating and swelling": a swelling without a place, in the same
     * sentence as abdominal bloating, is the bloating, not the body swelling DDXPlus asks about (which
     * raises anaphylaxis and oedema).
     */
    private static void readGenericSwellingAsBloating(List<Finding> findings, List<Token> tokens, int[] sentenceStart) {
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            if (f.evidence() == null || !SWELLING.equals(f.evidence().evidence().value()) || !f.values().isEmpty()) {
                continue;
            }
            int sentence = sentenceOf(tokens, sentenceStart, f.span().start());
            for (Finding g : findings) {
                if (g.evidence() != null && BLOATING.equals(g.evidence().evidence().value())
                        && sentenceOf(tokens, sentenceStart, g.span().start()) == sentence) {
                    findings.set(i, new Finding(f.text(), f.span(), f.status(), g.evidence(), List.of(), f.section(), f.typo()));
                    break;
                }
            }
        }
    }

    private static int sentenceOf(List<Token> tokens, int[] sentenceStart, int offset) {
        for (int k = 0; k < tokens.size(); k++) {
            if (tokens.get(k).start() == offset) {
                return sentenceStart[k];
            }
        }
        return -1;
    }

    /**
     * Whether one of {@code words[from, to)} names a relative ("madre asmática", "familiares alérgicos"); callers
     * ask only of phrases of several words, a lone "TIA" being an attack, not an aunt, and a word after an
     * article inside the phrase is no relative ("bulto en la mama").
     */
    private boolean namesRelative(String[] words, int from, int to) {
        for (int k = from; k < to; k++) {
            if (words[k] != null && rules.isRelative(words[k])
                    && !(k > from && words[k - 1] != null && ARTICLES.contains(words[k - 1]))) {
                return true;
            }
        }
        return false;
    }

    /** "paracetamol si dolor": the pain is what the medicine is for, not a finding. */
    private static boolean insideMedication(List<NoteMedication> meds, Span span) {
        for (NoteMedication m : meds) {
            if (m.span().contains(span)) {
                return true;
            }
        }
        return false;
    }

    /** Plan verbs that act on something the patient already has or takes. */
    private static final Set<String> ON_EXISTING = Set.of("suspender", "suspendo", "suspende", "retirar", "retiro",
            "mantener", "mantengo", "continuar", "continuo", "stop", "stopping", "stopped", "continue", "swap", "given");

    /** Whether one of {@link #ON_EXISTING} stands at most two words before word {@code first}, in its sentence. */
    private static boolean actsOnExisting(String[] words, int first, int sentenceStart) {
        for (int k = first - 1; k >= Math.max(sentenceStart, first - 2); k--) {
            if (words[k] == null) {
                return false;
            }
            if (ON_EXISTING.contains(words[k])) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a one-word match is a relative rather than the abbreviation it spells in the other language: "tía"
     * (aunt) is no TIA; only the capitals of an abbreviation ("TIA") keep the finding in a Spanish note.
     */
    private boolean namesRelativeOnly(String text, List<Token> tokens, PhraseMatcher.Match<LexiconEntry> m, Language lang) {
        if (m.length() != 1) {
            return false;
        }
        Token t = tokens.get(m.first());
        String written = text.substring(t.start(), t.end());
        if (!rules.isRelative(t.folded()) || written.equals(written.toUpperCase(java.util.Locale.ROOT))) {
            return false;
        }
        return lang == Language.ES || !written.equals(t.folded());
    }

    private static boolean insideAllergy(List<Allergy> allergies, Span span) {
        for (Allergy a : allergies) {
            if (a.span().overlaps(span)) {
                return true;
            }
        }
        return false;
    }

    private void check(String text) {
        if (text == null || text.isBlank()) {
            throw new UnreadableNoteException("note text is empty; write the consultation note first");
        }
        if (text.length() > options.maxChars()) {
            throw new NoteTooLongException(options.maxChars(), text.length());
        }
        int control = 0;
        int letters = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0 || c == '\uFFFD' || (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
                control++;
            } else if (Character.isLetter(c)) {
                letters++;
            }
        }
        if (control > 0 && control >= Math.max(1, text.length() * MAX_CONTROL_SHARE)) {
            throw new UnreadableNoteException("note text looks like binary data: " + control
                    + " control or undecodable characters in " + text.length());
        }
        if (letters == 0) {
            throw new UnreadableNoteException("note text has no letters; write the consultation note first");
        }
    }
}
