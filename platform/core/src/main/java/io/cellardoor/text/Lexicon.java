package io.cellardoor.text;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.sf.extjwnl.JWNLException;
import net.sf.extjwnl.data.IndexWord;
import net.sf.extjwnl.data.POS;
import net.sf.extjwnl.data.Pointer;
import net.sf.extjwnl.data.PointerType;
import net.sf.extjwnl.data.Synset;
import net.sf.extjwnl.data.Word;
import net.sf.extjwnl.dictionary.Dictionary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Relations between English words, from Princeton WordNet 3.1 read through extJWNL (its data jar on the class path):
 * for a visitor's word, in each part of speech it has, the other words of its most common sense ("buy" -> purchase,
 * "kid" -> child), the attribute an adjective measures ("deep" -> depth, "far" -> distance, "big" -> size) and the
 * words derived from it with the words of their sense ("own" -> owner, proprietor); and, for a word the knowledge never
 * uses, the senses next to its own ({@link #broader}: "hotel" -> inn). Only lower-case single words are
 * given: names, acronyms and phrases are left out. The dictionary loads on first use (about 0.3 s); results are cached
 * per word (up to 50,000 words). Thread-safe.
 *
 * <p>Generic English, not any business's vocabulary: that comes from the plugins ({@link Vocabulary}).
 */
@org.springframework.stereotype.Component
public final class Lexicon {

    private static final Logger log = LoggerFactory.getLogger(Lexicon.class);
    private static final Lexicon NONE = new Lexicon(false);
    /** A single lower-case word of letters. */
    private static final java.util.regex.Pattern WORD = java.util.regex.Pattern.compile("\\p{Ll}+");

    /** How many words' relations are kept. */
    private static final int MAX_CACHED = 50_000;

    private final boolean enabled;
    private final Map<String, List<String>> cache = new ConcurrentHashMap<>();
    /** {@link #measures} of the adjectives asked for, bounded like {@link #cache}. */
    private final Map<String, List<String>> measured = new ConcurrentHashMap<>();
    /** {@link #broader} of the words asked for, bounded like {@link #cache}. */
    private final Map<String, List<String>> neighbours = new ConcurrentHashMap<>();
    /** {@link #kindOfName} of the word pairs asked for, bounded like {@link #cache}. */
    private final Map<String, List<String>> kinds = new ConcurrentHashMap<>();
    /** {@link #commonWord} of the words asked for (a one-element list when common), bounded like {@link #cache}. */
    private final Map<String, List<String>> common = new ConcurrentHashMap<>();
    /** Words WordNet lists in some sense, names included: a marker, else empty. */
    private final Map<String, List<String>> listed = new ConcurrentHashMap<>();

    private volatile Dictionary dictionary;
    private volatile boolean unreadable;

    /** WordNet's relations, loaded on first use. */
    public Lexicon() {
        this(true);
    }

    /**
     * @param enabled {@code cellardoor.text.word-relations} (default true); false knows no relations, so answers match
     *     the visitor's own words and the plugins' vocabulary only
     */
    @org.springframework.beans.factory.annotation.Autowired
    public Lexicon(
            @org.springframework.beans.factory.annotation.Value("${cellardoor.text.word-relations:true}")
                    boolean enabled) {
        this.enabled = enabled;
    }

    /** A lexicon that knows no relations (tests, and the fallback when WordNet cannot be read). */
    public static Lexicon none() {
        return NONE;
    }

    /**
     * Words that can stand for the given one in English.
     *
     * @param foldedWord a folded word (lower case, no accents), e.g. {@code deep}
     * @return related words, without the word itself; empty for a word under three letters, an unknown word, or when
     *     WordNet cannot be read
     */
    public List<String> alternatives(String foldedWord) {
        if (!enabled || foldedWord.length() < 3 || !WORD.matcher(foldedWord).matches()) {
            return List.of();
        }
        return cached(cache, foldedWord, w -> read(w, Lexicon::relations));
    }

    /**
     * Words of the senses next to a word's most common one, in each part of speech it has: an adjective's similar ones
     * ("nearby" -> near, close), a noun's or verb's more general and more specific ones ("hotel" -> building, inn,
     * lodge). For a word the knowledge never uses, whose own sense can then match nothing.
     *
     * @param foldedWord a folded word, e.g. {@code hotel}
     * @return the words, without the word itself; empty for a word under three letters, an unknown word, or when
     *     WordNet cannot be read
     */
    public List<String> broader(String foldedWord) {
        if (!enabled || foldedWord.length() < 3 || !WORD.matcher(foldedWord).matches()) {
            return List.of();
        }
        return cached(neighbours, foldedWord, w -> read(w, Lexicon::neighbourSenses));
    }

    /**
     * The kind a two-word name is of, in its most common sense, each kind by its head word ("labor day" -> legal holiday
     * -> holiday; "birthday party" -> party): two words WordNet lists as one noun, so a question naming a thing the
     * knowledge only speaks of in general ("are you open on Memorial Day?", "we are closed on major holidays") finds it.
     *
     * @param first the name's first folded word, e.g. {@code labor}
     * @param second its second, e.g. {@code day}
     * @return the head words of the more general senses; empty when the pair is no noun of WordNet's, a word is under
     *     three letters, or WordNet cannot be read
     */
    public List<String> kindOfName(String first, String second) {
        if (!enabled
                || first.length() < 3
                || second.length() < 3
                || !WORD.matcher(first).matches()
                || !WORD.matcher(second).matches()) {
            return List.of();
        }
        return cached(kinds, first + " " + second, this::kindHeads);
    }

    /**
     * Whether a word is a common English word: WordNet lists it, or an inflection of it, in lower case in some sense
     * ("river", "moss", "vineyards"), not only as a name ("Russell", "Hudson") or not at all ("Allan").
     *
     * @param foldedWord a folded word, e.g. {@code river}
     * @return false for an unknown word or a name only, and when the lexicon is off or WordNet cannot be read
     */
    public boolean commonWord(String foldedWord) {
        if (!enabled || !WORD.matcher(foldedWord).matches()) {
            return false;
        }
        return !cached(common, foldedWord, w -> read(w, Lexicon::lowerCaseSense))
                .isEmpty();
    }

    /**
     * Whether WordNet lists a word, or an inflection of it, in any sense, names included ("sulfites", "Florida",
     * "Riesling"): an English word, whether or not the knowledge uses it.
     *
     * @param foldedWord a folded word, e.g. {@code florida}
     * @return false for a word WordNet does not list, and when the lexicon is off or WordNet cannot be read
     */
    public boolean englishWord(String foldedWord) {
        if (!enabled || !WORD.matcher(foldedWord).matches()) {
            return false;
        }
        return !cached(listed, foldedWord, w -> read(w, Lexicon::anySense)).isEmpty();
    }

    /**
     * The nouns naming what an adjective measures, in its most common sense ("far" -> distance, "long" -> length, "old"
     * -> age): what a "how far ...?" question asks for.
     *
     * @param foldedAdjective a folded word, e.g. {@code far}
     * @return the attribute nouns; empty for a word that is no such adjective, or when WordNet cannot be read
     */
    public List<String> measures(String foldedAdjective) {
        if (!enabled || !WORD.matcher(foldedAdjective).matches()) {
            return List.of();
        }
        return cached(measured, foldedAdjective, w -> read(w, Lexicon::attributes));
    }

    /** A word's look-up, cached: visitors can type any word, so a cache stops growing at its bound. */
    private static List<String> cached(
            Map<String, List<String>> cache, String word, java.util.function.Function<String, List<String>> lookUp) {
        List<String> known = cache.get(word);
        if (known != null) {
            return known;
        }
        List<String> found = lookUp.apply(word);
        // English has about 150,000 lemmas.
        if (cache.size() < MAX_CACHED) {
            cache.put(word, found);
        }
        return found;
    }

    /** What one look-up adds for a word. */
    @FunctionalInterface
    private interface WordNetRead {
        void into(Dictionary dictionary, String word, Set<String> out) throws JWNLException;
    }

    /** The words a look-up finds, without the word itself; empty when WordNet cannot be read or fails. */
    private List<String> read(String word, WordNetRead lookUp) {
        Dictionary d = dictionary();
        if (d == null) {
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        // extJWNL's resource dictionary shares its file readers: one look-up at a time (each word once, then cached).
        synchronized (d) {
            try {
                lookUp.into(d, word, out);
            } catch (JWNLException | RuntimeException e) {
                log.warn("WordNet look-up of '{}' failed: {}", word, e.getMessage());
                return List.of();
            }
        }
        out.remove(word);
        return List.copyOf(out);
    }

    /** The head words of the hypernyms of a noun's most common sense, looked up as written (no inflections). */
    private List<String> kindHeads(String name) {
        return read(name, (d, n, out) -> {
            IndexWord index = d.getIndexWord(POS.NOUN, n);
            List<Synset> senses = index == null ? List.of() : index.getSenses();
            if (senses.isEmpty()) {
                return;
            }
            for (Pointer p : senses.get(0).getPointers(PointerType.HYPERNYM)) {
                for (Word w : p.getTargetSynset().getWords()) {
                    String lemma = w.getLemma();
                    add(lemma.substring(lemma.lastIndexOf(' ') + 1), out);
                }
            }
        });
    }

    /** Adds a marker when some part of speech lists the word (or its base form). */
    private static void anySense(Dictionary d, String word, Set<String> out) throws JWNLException {
        for (POS pos : POS.getAllPOS()) {
            if (d.lookupIndexWord(pos, word) != null) {
                out.add("+"); // no word: read() removes the word itself
                return;
            }
        }
    }

    /** Adds a marker when some part of speech has a sense that writes the word (or its base form) in lower case. */
    private static void lowerCaseSense(Dictionary d, String word, Set<String> out) throws JWNLException {
        for (POS pos : POS.getAllPOS()) {
            IndexWord index = d.lookupIndexWord(pos, word);
            if (index == null) {
                continue;
            }
            for (Synset sense : index.getSenses()) {
                for (Word w : sense.getWords()) {
                    if (w.getLemma().equals(index.getLemma())) {
                        out.add("+"); // no word: read() removes the word itself
                        return;
                    }
                }
            }
        }
    }

    /** The attribute nouns of an adjective's most common sense. */
    private static void attributes(Dictionary d, String adjective, Set<String> out) throws JWNLException {
        IndexWord index = d.lookupIndexWord(POS.ADJECTIVE, adjective);
        List<Synset> senses = index == null ? List.of() : index.getSenses();
        if (!senses.isEmpty()) {
            for (Pointer p : senses.get(0).getPointers(PointerType.ATTRIBUTE)) {
                words(p.getTargetSynset(), out);
            }
        }
    }

    /** A word's entry in one part of speech, with its most common sense. */
    private record CommonSense(POS pos, IndexWord index, Synset sense) {}

    /** The word's most common sense in each part of speech it has. */
    private static List<CommonSense> commonSenses(Dictionary d, String word) throws JWNLException {
        List<CommonSense> out = new java.util.ArrayList<>();
        for (POS pos : POS.getAllPOS()) {
            IndexWord index = d.lookupIndexWord(pos, word);
            List<Synset> senses = index == null ? List.of() : index.getSenses();
            if (!senses.isEmpty()) {
                out.add(new CommonSense(pos, index, senses.get(0)));
            }
        }
        return out;
    }

    /** In each part of speech, the most common sense's neighbours: similar, more general and more specific senses. */
    private static void neighbourSenses(Dictionary d, String word, Set<String> out) throws JWNLException {
        for (CommonSense common : commonSenses(d, word)) {
            for (Pointer p : common.sense().getPointers()) {
                PointerType type = p.getType();
                if (type == PointerType.SIMILAR_TO || type == PointerType.HYPERNYM || type == PointerType.HYPONYM) {
                    words(p.getTargetSynset(), out);
                }
            }
        }
    }

    /** In each part of speech: the most common sense's words, an adjective's attributes, and derived words. */
    private static void relations(Dictionary d, String word, Set<String> out) throws JWNLException {
        for (CommonSense common : commonSenses(d, word)) {
            IndexWord index = common.index();
            Synset sense = common.sense();
            words(sense, out);
            if (common.pos() == POS.ADJECTIVE) {
                for (Pointer p : sense.getPointers(PointerType.ATTRIBUTE)) {
                    words(p.getTargetSynset(), out);
                }
            }
            for (Word w : sense.getWords()) {
                if (!w.getLemma().equalsIgnoreCase(index.getLemma())) {
                    continue;
                }
                for (Pointer p : w.getPointers(PointerType.DERIVATION)) {
                    if (p.getTarget() instanceof Word derived) {
                        add(derived.getLemma(), out);
                        words(derived.getSynset(), out);
                    }
                }
            }
        }
    }

    private static void words(Synset synset, Set<String> out) {
        for (Word w : synset.getWords()) {
            add(w.getLemma(), out);
        }
    }

    private static void add(String lemma, Set<String> out) {
        if (WORD.matcher(lemma).matches()) {
            out.add(lemma);
        }
    }

    private Dictionary dictionary() {
        Dictionary d = dictionary;
        if (d == null && !unreadable) {
            synchronized (this) {
                d = dictionary;
                if (d == null && !unreadable) {
                    try {
                        d = Dictionary.getDefaultResourceInstance();
                        dictionary = d;
                    } catch (JWNLException | RuntimeException e) {
                        unreadable = true;
                        log.warn(
                                "WordNet could not be read; answers match the visitor's words only: {}",
                                e.getMessage());
                        return null;
                    }
                }
            }
        }
        return d;
    }
}
