package io.cellardoor.language;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.regex.Pattern;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The language of a visitor's question, with Apache OpenNLP's language detector and its published model
 * ({@code langdetect-183.bin}, 103 languages, character n-grams).
 *
 * <p>Only the languages the platform answers in are candidates ({@code cellardoor.language.supported}, ISO 639-1,
 * default {@code en, es, fr}): the most probable of them wins. A short question whose best non-English language is
 * not clearly ahead of English is taken as English (the knowledge and most visitors are English; a one-word question
 * carries little signal), unless its writing says otherwise: an inverted question or exclamation mark ("¿", "¡") is
 * Spanish, and a space before "?" or "!" (French typography) settles a short question French is at least as likely
 * as English for. Thread-safe; about 0.1 ms per question.
 */
@Component
public class LanguageDetector {

    /** ISO 639-3 codes of the model mapped to the ISO 639-1 codes the platform uses. */
    private static final Map<String, String> ISO_639_1 = Map.of(
            "eng", "en", "spa", "es", "fra", "fr", "deu", "de", "ita", "it", "por", "pt", "nld", "nl", "cat", "ca");

    /** How far ahead of English a non-English language must be, as a ratio of probabilities, in short texts. */
    static final double SHORT_TEXT_MARGIN = 1.5;
    /** Texts with fewer letters than this count as short. */
    static final int SHORT_TEXT_LETTERS = 24;

    /** Texts with fewer letters than this are checked against the knowledge's words when the model finds a near tie. */
    static final int MEDIUM_TEXT_LETTERS = 40;
    /** Share of a question's words the (English) knowledge has from which a near tie is English. */
    static final double KNOWN_WORDS_SHARE = 0.8;

    /** A letter outside ASCII ("é", "ñ", "ç"): English questions seldom have one. */
    private static final Pattern ACCENTED = Pattern.compile("[\\p{L}&&[^\\p{ASCII}]]");

    /** A space before a question or exclamation mark, as French typography puts one ("Avez-vous du vin ?"). */
    private static final Pattern FRENCH_SPACING = Pattern.compile("\\p{L}[ \u00a0\u202f][?!]");

    private final LanguageDetectorModel model;
    private final List<String> supported;

    LanguageDetector(@Value("${cellardoor.language.supported:en,es,fr}") List<String> supported) {
        this.supported = List.copyOf(supported);
        try (InputStream in = LanguageDetector.class.getResourceAsStream("/langdetect-183.bin")) {
            if (in == null) {
                throw new IllegalStateException("langdetect-183.bin is not on the class path");
            }
            this.model = new LanguageDetectorModel(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the language detection model", e);
        }
    }

    /** The languages a question may be detected as, ISO 639-1, English first. */
    public List<String> supported() {
        return supported;
    }

    /**
     * Detects the language of a question.
     *
     * @return one of {@link #supported()}; {@code en} for text without letters
     */
    public String detect(String text) {
        return detect(text, t -> 0);
    }

    /**
     * As {@link #detect(String)}, and a question of fewer than {@value #MEDIUM_TEXT_LETTERS} letters that the model puts
     * in another language by less than {@link #SHORT_TEXT_MARGIN} over English, without accented letters or French
     * spacing, is English when at least {@value #KNOWN_WORDS_SHARE} of its words are the knowledge's own ("is milea an
     * equestrian estate?", Spanish by a hair for the model, uses only words of the English pages).
     *
     * @param knownShare the share, in [0, 1], of a text's content words that the org's knowledge has
     */
    public String detect(String text, ToDoubleFunction<String> knownShare) {
        long letters = text.codePoints().filter(Character::isLetter).count();
        if (letters == 0) {
            return "en";
        }
        // written Spanish needs no model
        if (supported.contains("es") && (text.indexOf('¿') >= 0 || text.indexOf('¡') >= 0)) {
            return "es";
        }
        Map<String, Double> candidates = candidates(text);
        String best = candidates.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .orElse("en");
        if (best.equals("en") || !candidates.containsKey("en")) {
            return best;
        }
        double ratio = candidates.get(best) / Math.max(1e-12, candidates.get("en"));
        boolean frenchSpacing = FRENCH_SPACING.matcher(text).find();
        if (letters < SHORT_TEXT_LETTERS) {
            return ratio >= SHORT_TEXT_MARGIN || best.equals("fr") && frenchSpacing && ratio >= 1 ? best : "en";
        }
        boolean nearTie = letters < MEDIUM_TEXT_LETTERS
                && ratio < SHORT_TEXT_MARGIN
                && !frenchSpacing
                && !ACCENTED.matcher(text).find();
        return nearTie && knownShare.applyAsDouble(text) >= KNOWN_WORDS_SHARE ? "en" : best;
    }

    /** The supported languages' probabilities for the text, in the model's order. */
    private Map<String, Double> candidates(String text) {
        // LanguageDetectorME keeps no state between calls but is not documented as thread-safe: one per call.
        Language[] ranked = new LanguageDetectorME(model).predictLanguages(text);
        Map<String, Double> candidates = new LinkedHashMap<>();
        for (Language l : ranked) {
            String code = ISO_639_1.get(l.getLang());
            if (code != null && supported.contains(code)) {
                candidates.putIfAbsent(code, l.getConfidence());
            }
        }
        return candidates;
    }
}
