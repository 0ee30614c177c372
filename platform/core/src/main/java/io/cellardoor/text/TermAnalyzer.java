package io.cellardoor.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * English terms for matching questions to passages: Lucene's {@link EnglishAnalyzer} (stop words removed,
 * Porter stems) over accent-folded text, with visitors' words expanded first by the {@link Vocabulary} the domain
 * plugins contribute ("cab" also means "cabernet" when the wine plugin says so). Thread-safe.
 */
@org.springframework.stereotype.Component
public final class TermAnalyzer {

    /**
     * English words asking for a way to get in touch (an email, a phone number, a call), as a regular expression
     * alternation over folded text: the question shape's contact fact and the keyword text's "contact" read the same.
     */
    public static final String CONTACT_ASKED = "e ?mails?|emailing|phone|telephone|call|contact|reach|number to";

    /** Lucene's English stop words plus the function words and fillers of visitors' questions, as typed in a chat too. */
    private static final CharArraySet STOP_WORDS;

    static {
        CharArraySet set = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
        set.addAll(List.of(
                "i",
                "me",
                "my",
                "mine",
                "we",
                "us",
                "our",
                "you",
                "your",
                "yours",
                "he",
                "him",
                "his",
                "she",
                "her",
                "its",
                "them",
                "what",
                "which",
                "who",
                "whom",
                "whose",
                "when",
                "where",
                "why",
                "how",
                "do",
                "does",
                "did",
                "done",
                "doing",
                "can",
                "could",
                "would",
                "should",
                "may",
                "might",
                "must",
                "shall",
                "have",
                "has",
                "had",
                "am",
                "been",
                "being",
                "get",
                "got",
                "gets",
                "getting",
                "much",
                "many",
                "any",
                "anything",
                "something",
                "some",
                "also",
                "just",
                "actually",
                "really",
                "very",
                "so",
                "too",
                "about",
                "tell",
                "told",
                "know",
                "want",
                "like",
                "please",
                "thanks",
                "thank",
                "hi",
                "hello",
                "hey",
                "guys",
                "guy",
                "because",
                "here",
                "one",
                "from",
                "up",
                "out",
                "all",
                "more",
                "most",
                "able",
                "need",
                "keep",
                "keeps",
                "trying",
                "try",
                "right",
                "there",
                "s",
                "t",
                "m",
                "re",
                "ve",
                "ll",
                "d",
                "whats",
                "whos",
                "im",
                "yes",
                "ok",
                "okay",
                "now",
                "then",
                "than",
                "only",
                "even",
                "still",
                "again",
                "other",
                "each",
                "own",
                "same",
                // Lucene's list has "these" but not "those": WordNet lists neither, so the speller would change them.
                "those",
                "whereas",
                // Chat spellings of function words and fillers ("r u open?", "thx"): a lone "u" is no word to find.
                "u",
                "r",
                "ur",
                "ya",
                "n",
                "wat",
                "wut",
                "wats",
                "pls",
                "plz",
                "thx",
                "ty",
                "lol",
                "btw"));
        STOP_WORDS = CharArraySet.unmodifiableSet(set);
    }

    /**
     * Function words and question words of the other languages the chat answers in (Lucene's Spanish and French stop
     * word lists, accents folded, plus their question words), removed from questions in those languages.
     */
    private static final Map<String, CharArraySet> QUESTION_STOP_WORDS = Map.of(
            "es",
            folded(
                    SpanishAnalyzer.getDefaultStopSet(),
                    List.of(
                            "hola",
                            "gracias",
                            "favor",
                            "quiero",
                            "quisiera",
                            "puedo",
                            "puede",
                            "pueden",
                            "podemos",
                            "tienen",
                            "tiene",
                            "hay",
                            "algun",
                            "alguna",
                            "algunos",
                            "cuanto",
                            "cuanta",
                            "cuantos",
                            "cuantas",
                            "cual",
                            "cuales",
                            "que",
                            "donde",
                            "cuando",
                            "como",
                            "me",
                            "nos",
                            "usted",
                            "ustedes",
                            "si",
                            "no",
                            "cada",
                            "hace",
                            "falta",
                            "soy",
                            "somos",
                            "estoy",
                            // "do" as in "do you do weddings?": "¿se puede hacer una boda?"
                            "hacer",
                            "hacen",
                            "hacemos")),
            "fr",
            folded(
                    FrenchAnalyzer.getDefaultStopSet(),
                    List.of(
                            "bonjour", "merci", "svp", "est", "ce", "quel", "quelle", "quels", "quelles", "combien",
                            "ou", "quand", "comment", "pouvez", "pouvons", "puis", "peut", "avez", "faut", "il", "y",
                            "a", "t", "vous", "nous", "je", "moi", "oui", "non", "chaque", "qu", "on", "chez", "faire",
                            "fait", "faites", "font")));

    private final Analyzer analyzer = new EnglishAnalyzer(STOP_WORDS);
    private final Vocabulary vocabulary;
    private final Lexicon lexicon;

    /** @param vocabulary visitors' words for the pages' words, contributed by the domain plugins */
    public TermAnalyzer(Vocabulary vocabulary) {
        this(vocabulary, Lexicon.none());
    }

    /**
     * @param vocabulary visitors' words for the pages' words, contributed by the domain plugins
     * @param lexicon English word relations for an English question's {@link #relatedTermGroups(String, String)}
     */
    @org.springframework.beans.factory.annotation.Autowired
    public TermAnalyzer(Vocabulary vocabulary, Lexicon lexicon) {
        this.vocabulary = vocabulary;
        this.lexicon = lexicon;
    }

    /**
     * Whether a folded word is a common English word rather than only a name ({@link Lexicon#commonWord}); false for
     * every word when word relations are off.
     */
    public boolean commonWord(String foldedWord) {
        return lexicon.commonWord(foldedWord);
    }

    /**
     * Whether a folded word is an English word in any sense, names included ({@link Lexicon#englishWord}); false for
     * every word when word relations are off.
     */
    public boolean englishWord(String foldedWord) {
        return lexicon.englishWord(foldedWord);
    }

    /**
     * Irregular English verb forms that Porter stemming leaves apart from their base form ("held" and "hold"), mapped to
     * it; only forms that are not also common nouns or adjectives.
     */
    private static final Map<String, String> IRREGULAR = Map.ofEntries(
            Map.entry("held", "hold"),
            Map.entry("kept", "keep"),
            Map.entry("took", "take"),
            Map.entry("taken", "take"),
            Map.entry("made", "make"),
            Map.entry("brought", "bring"),
            Map.entry("bought", "buy"),
            Map.entry("sold", "sell"),
            Map.entry("told", "tell"),
            Map.entry("went", "go"),
            Map.entry("gone", "go"),
            Map.entry("came", "come"),
            Map.entry("gotten", "get"),
            Map.entry("ran", "run"),
            Map.entry("ate", "eat"),
            Map.entry("eaten", "eat"),
            Map.entry("drank", "drink"),
            Map.entry("grew", "grow"),
            Map.entry("grown", "grow"),
            Map.entry("chose", "choose"),
            Map.entry("chosen", "choose"),
            Map.entry("began", "begin"),
            Map.entry("begun", "begin"),
            Map.entry("paid", "pay"),
            Map.entry("sent", "send"),
            Map.entry("spent", "spend"),
            Map.entry("built", "build"),
            Map.entry("found", "find"),
            Map.entry("gave", "give"),
            Map.entry("given", "give"),
            Map.entry("knew", "know"),
            Map.entry("known", "know"),
            Map.entry("thought", "think"),
            Map.entry("wrote", "write"),
            Map.entry("written", "write"),
            Map.entry("slept", "sleep"),
            Map.entry("sat", "sit"),
            Map.entry("stood", "stand"),
            Map.entry("met", "meet"),
            Map.entry("won", "win"),
            Map.entry("led", "lead"),
            Map.entry("fed", "feed"),
            Map.entry("hung", "hang"),
            Map.entry("shut", "shut"),
            Map.entry("sang", "sing"),
            Map.entry("sung", "sing"),
            Map.entry("spoke", "speak"),
            Map.entry("spoken", "speak"),
            Map.entry("drove", "drive"),
            Map.entry("driven", "drive"),
            Map.entry("flew", "fly"),
            Map.entry("flown", "fly"),
            Map.entry("froze", "freeze"),
            Map.entry("frozen", "freeze"));

    /** The folded text with irregular verb forms replaced by their base form. */
    private static String baseForms(String folded) {
        if (folded.isEmpty()) {
            return folded;
        }
        StringBuilder sb = new StringBuilder(folded.length());
        for (String word : folded.split(" ")) {
            sb.append(sb.isEmpty() ? "" : " ").append(IRREGULAR.getOrDefault(word, word));
        }
        return sb.toString();
    }

    private static CharArraySet folded(CharArraySet stopWords, List<String> more) {
        CharArraySet set = new CharArraySet(stopWords.size() + more.size(), true);
        for (Object w : stopWords) {
            set.add(fold(new String((char[]) w)));
        }
        more.forEach(w -> set.add(fold(w)));
        return CharArraySet.unmodifiableSet(set);
    }

    /** Lower-cases, removes accents and turns everything but letters, digits and {@code $} into spaces. */
    public static String fold(String text) {
        String folded = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "");
        return folded.replaceAll("[^\\p{L}\\p{N}$]+", " ").trim();
    }

    /**
     * "How long", "how far": the word after "how" names the measure the question asks for (a duration, a distance),
     * which a page gives as a number and may name by its noun ("Duration: 90 minutes"), not as that word ("Long
     * Island"). Measures whose noun a page would name ("how deep" and "depth") are not among them.
     */
    private static final Pattern MEASURE_ASKED = Pattern.compile("\\bhow (long|far)\\b");

    /** "How close", "how near": the same measure as "how far" (a distance), asked from the other end. */
    private static final Pattern NEARNESS_ASKED = Pattern.compile("\\bhow (close|near)\\b");

    /**
     * "How far in advance", "how far ahead": a lead time, which a page gives in its own words ("well in advance", "24
     * hours in advance"), not a distance; "far" is then no measure and no word to find.
     */
    private static final Pattern LEAD_TIME_ASKED = Pattern.compile("\\bhow far (?=(in advance|ahead)\\b)");

    /** Words that make a phrasal verb with the word before them ("pick up", "check in", "drop off"). */
    private static final Set<String> PARTICLES = Set.of("up", "in", "ins", "out", "off", "over", "back", "down");

    /**
     * The one word a phrasal verb is also written as ("pick up" -> "pickup", "check in" -> "checkin", "sign up" ->
     * "signup"): what a page writing it as one word uses. Empty unless the word at {@code i} has at least three letters
     * and the next is a particle.
     */
    static String compound(String[] words, int i) {
        if (i + 1 >= words.length || words[i].length() < 3 || !PARTICLES.contains(words[i + 1])) {
            return "";
        }
        String word = words[i];
        return word.chars().allMatch(Character::isLetter) ? word + words[i + 1] : "";
    }

    /**
     * The one word of a phrasal verb at {@code i} ({@link #compound}) and the page words the plugins give for it ("walk
     * ins" -> walkins, reservation); empty when the words there are no phrasal verb.
     */
    private List<String> compoundWords(String[] words, int i) {
        String joined = compound(words, i);
        if (joined.isEmpty()) {
            return List.of();
        }
        List<String> all = new ArrayList<>();
        all.add(joined);
        all.addAll(vocabulary.alternatives(joined));
        return all;
    }

    /**
     * "How old": a measure without a noun to search for (an "age" is also what "aged" wines and cheeses are), so only
     * the number asked for is looked for.
     */
    private static final Pattern MEASURE_ONLY = Pattern.compile("\\bhow old\\b");

    /**
     * "How big", "how large": a size, which an answer gives as a number of acres, square feet or guests, and which a
     * page rarely calls "big". Marked like {@link #MEASURE_ASKED} for answering only: searching for the noun ("size")
     * would find every "group size" instead.
     */
    private static final Pattern SIZE_ASKED = Pattern.compile("\\bhow (big|large)\\b");

    /**
     * The folded question with the measure word after "how" marked by a leading {@code _} ({@link #MEASURE_ASKED}, with
     * "how close" read as "how far" and the "far" of "how far in advance" left out, and {@link #SIZE_ASKED} when
     * {@code answering}) or left out ({@link #MEASURE_ONLY}).
     */
    private static String foldQuestion(String question, boolean answering) {
        String folded = NEARNESS_ASKED
                .matcher(LEAD_TIME_ASKED.matcher(fold(question)).replaceAll("how "))
                .replaceAll("how far");
        String marked = MEASURE_ASKED.matcher(folded).replaceAll("how _$1");
        if (answering) {
            marked = SIZE_ASKED.matcher(marked).replaceAll("how _$1");
        }
        return MEASURE_ONLY.matcher(marked).replaceAll("how");
    }

    /**
     * The nouns naming the measures an English question asks for after "how" ("how far" -> distance, "how big" ->
     * size), as {@link #relatedTermGroups} reads them: what a number with its unit in an answer states.
     *
     * @return the nouns, e.g. {@code [distance]}; empty for another language or when word relations are off
     */
    public List<String> measuresAsked(String question, String language) {
        if (!language.equals("en")) {
            return List.of();
        }
        List<String> nouns = new ArrayList<>();
        for (String word : foldQuestion(question, true).split(" ")) {
            if (word.startsWith("_")) {
                nouns.addAll(lexicon.measures(word.substring(1)));
            }
        }
        return nouns;
    }

    /**
     * The question's words with each shorthand word followed by its expansion, e.g. "reserve cab" -> "reserve cab
     * cabernet"; the measure word of a "how long / far" question is replaced by the nouns that name its measure ("how
     * far" -> "how distance"; none without word relations), that of "how old" left out.
     */
    public String expand(String text) {
        StringBuilder sb = new StringBuilder();
        String[] words = foldQuestion(text, false).split(" ");
        for (int i = 0; i < words.length; i++) {
            String word = words[i];
            if (word.isEmpty()) {
                continue;
            }
            for (String one : compoundWords(words, i)) {
                sb.append(one).append(' ');
            }
            if (word.startsWith("_")) {
                lexicon.measures(word.substring(1))
                        .forEach(noun -> sb.append(noun).append(' '));
                continue;
            }
            sb.append(word).append(' ');
            for (String more : vocabulary.alternatives(word)) {
                sb.append(more).append(' ');
            }
        }
        return sb.toString().trim();
    }

    /**
     * The question's content words as groups of alternative terms: each word's stem together with the stems of
     * its expansion ("pup" -> {pup, dog, pet}); stop words, and the measure word of "how long / far / old", give
     * no group.
     */
    public List<Set<String>> termGroups(String question) {
        return termGroups(question, "en");
    }

    /**
     * As {@link #termGroups(String)} for a question in the given language: the language's function and question words
     * give no group either (their page words still come in through the plugins' vocabulary).
     *
     * @param language ISO 639-1 code, e.g. {@code es}
     */
    public List<Set<String>> termGroups(String question, String language) {
        return groups(question, language, false).stream().map(TermGroup::terms).toList();
    }

    /**
     * One content word of a question: its terms (its stem with the stems of the plugins' words for it) and the stems of
     * the English words related to it ({@link Lexicon}: "buy" -> {purchas}, "deep" -> {depth}), which say less.
     *
     * @param terms the word's own terms, never empty
     * @param related the related words' terms not among {@code terms}; empty for none or a question not in English
     * @param word the folded word as the visitor typed it, for {@link #broaderTerms}; blank for a measure's group or a
     *     question not in English
     */
    public record TermGroup(Set<String> terms, Set<String> related, String word) {

        /** A group of no single word (the measure of "how far"). */
        public TermGroup(Set<String> terms, Set<String> related) {
            this(terms, related, "");
        }

        /** Whether a knowledge uses none of the group's own or related terms. */
        public boolean unknownTo(Predicate<String> known) {
            return terms.stream().noneMatch(known) && related.stream().noneMatch(known);
        }
    }

    /**
     * The terms of the words of the senses next to an English word's own ({@link Lexicon#broader}: "nearby" -> near,
     * "hotel" -> inn, lodge): for a word the knowledge never uses.
     *
     * @param word a group's {@link TermGroup#word}
     * @return stemmed terms, without the word's own; empty for a blank word
     */
    public Set<String> broaderTerms(String word) {
        if (word.isBlank()) {
            return Set.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (String w : lexicon.broader(word)) {
            out.addAll(termList(w));
        }
        out.removeAll(termList(word));
        return out;
    }

    /** A noun naming a person by what they do: owner, proprietor, vintner, teacher, florist, librarian. */
    private static final Pattern PERSON_NOUN = Pattern.compile("\\p{Ll}{3,}(?:er|or|ist|ian)");

    /**
     * The nouns naming a person by what they do that WordNet relates to the words of an English question ({@link
     * Lexicon#alternatives}: "owns" -> owner, proprietor; "winemaker" -> vintner) and that the knowledge uses: what a
     * question asking who should also search, since pages name people by their role ("Our Proprietors"), seldom by the
     * visitor's verb.
     *
     * @param question the question as typed
     * @param known whether the knowledge uses a term
     * @return words, none sharing a term with the question; empty when the lexicon is off
     */
    public List<String> personNouns(String question, Predicate<String> known) {
        Set<String> asked = new HashSet<>(termList(question));
        Set<String> out = new LinkedHashSet<>();
        for (String word : fold(question).split("[^\\p{Ll}]+")) {
            if (word.length() < 3 || STOP_WORDS.contains(word)) {
                continue;
            }
            for (String related : lexicon.alternatives(word)) {
                List<String> terms = termList(related);
                if (PERSON_NOUN.matcher(related).matches()
                        && !terms.isEmpty()
                        && terms.stream().allMatch(known)
                        && terms.stream().noneMatch(asked::contains)) {
                    out.add(related);
                }
            }
        }
        return List.copyOf(out);
    }

    /**
     * The kinds that neighbouring words of an English question name together when the knowledge lacks one of them
     * ("open on Memorial Day?" -> holiday), as words: what a search for the question's words should also find. A name
     * whose words the knowledge uses ("New York", "Pinot Noir") adds nothing.
     *
     * @param language ISO 639-1 code; empty for any but {@code en}
     * @param known whether the knowledge uses a term
     */
    public List<String> namedKinds(String question, String language, Predicate<String> known) {
        if (!language.equals("en")) {
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        kindsOfPairs(groups(question, language, false), known).forEach(out::addAll);
        return List.copyOf(out);
    }

    /**
     * For each group of an English question, the kind it names together with the group before it, when the knowledge
     * lacks one of the two (neither its terms nor its related ones are used): {@link Lexicon#kindOfName}, as words, at
     * the index of the pair's second group.
     *
     * @param groups a question's groups in order ({@link #relatedTermGroups} or without related words)
     * @param known whether the knowledge uses a term
     * @return a list as long as {@code groups}; its first element, and those of pairs the knowledge names, empty
     */
    public List<List<String>> kindsOfPairs(List<TermGroup> groups, Predicate<String> known) {
        List<List<String>> kinds = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            TermGroup second = groups.get(i);
            TermGroup first = i == 0 ? null : groups.get(i - 1);
            kinds.add(
                    first != null && (first.unknownTo(known) || second.unknownTo(known))
                            ? kindWords(first.word(), second.word())
                            : List.of());
        }
        return kinds;
    }

    /** {@link Lexicon#kindOfName} without the pair's own words. */
    private List<String> kindWords(String first, String second) {
        if (first.isBlank() || second.isBlank()) {
            return List.of();
        }
        List<String> own = new ArrayList<>(termList(first));
        own.addAll(termList(second));
        return lexicon.kindOfName(first, second).stream()
                .filter(w -> Collections.disjoint(termList(w), own))
                .toList();
    }

    /**
     * As {@link #termGroups(String, String)}, each group with the terms of the words related to its word; in an English
     * question the measure word of "how long / far" gives the group of the nouns naming its measure ("how far" ->
     * {distanc}).
     *
     * @param language ISO 639-1 code; only an English ({@code en}) question's words get related terms
     */
    public List<TermGroup> relatedTermGroups(String question, String language) {
        return groups(question, language, true);
    }

    /** The question's groups, with the related words' terms only when {@code related} (the lexicon is not asked else). */
    private List<TermGroup> groups(String question, String language, boolean related) {
        CharArraySet foreign = QUESTION_STOP_WORDS.get(language);
        List<TermGroup> groups = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        String[] words = foldQuestion(question, true).split(" ");
        for (int i = 0; i < words.length; i++) {
            String word = words[i];
            if (word.startsWith("_")) {
                // The measure asked for: the noun that names it ("far" -> distance), not the word itself.
                Set<String> measure = new LinkedHashSet<>();
                if (related && language.equals("en")) {
                    lexicon.measures(word.substring(1)).forEach(w -> measure.addAll(termList(w)));
                }
                if (!measure.isEmpty() && seen.addAll(measure)) {
                    groups.add(new TermGroup(Collections.unmodifiableSet(measure), Set.of()));
                }
                continue;
            }
            if (foreign != null
                    && foreign.contains(word)
                    && vocabulary.alternatives(word).isEmpty()) {
                continue;
            }
            Set<String> group = new LinkedHashSet<>(termList(word));
            if (group.isEmpty()) {
                continue;
            }
            for (String more : vocabulary.alternatives(word)) {
                group.addAll(termList(more));
            }
            if (language.equals("en")) {
                for (String one : compoundWords(words, i)) {
                    group.addAll(termList(one));
                }
            }
            if (seen.addAll(group)) {
                Set<String> relatedTerms = new LinkedHashSet<>();
                if (related && language.equals("en")) {
                    for (String more : lexicon.alternatives(word)) {
                        relatedTerms.addAll(termList(more));
                    }
                    relatedTerms.removeAll(group);
                }
                groups.add(new TermGroup(
                        Collections.unmodifiableSet(group),
                        Collections.unmodifiableSet(relatedTerms),
                        language.equals("en") ? word : ""));
            }
        }
        return groups;
    }

    /** Stemmed terms of the text without stop words, in order of first appearance, without repeats. */
    public Set<String> terms(String text) {
        return new LinkedHashSet<>(termList(text));
    }

    /** Stemmed terms of the text without stop words, in order, with repeats. */
    public List<String> termList(String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("", baseForms(fold(text)))) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
