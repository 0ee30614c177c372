package io.cellardoor.chat.internal;

import io.cellardoor.text.TermAnalyzer;
import java.util.Set;

/** Guesses whether a question is English, French or Spanish from common function words. */
public final class LanguageGuesser {

    private static final Set<String> FRENCH = Set.of(
            "le",
            "la",
            "les",
            "des",
            "vous",
            "est",
            "sont",
            "quels",
            "quelle",
            "quel",
            "etes",
            "ouvert",
            "ouverts",
            "horaires",
            "bonjour",
            "pour",
            "avec",
            "je",
            "nous",
            "du",
            "au",
            "une");
    private static final Set<String> SPANISH = Set.of(
            "el",
            "los",
            "las",
            "es",
            "son",
            "cual",
            "cuales",
            "usted",
            "ustedes",
            "abierto",
            "abiertos",
            "horario",
            "hola",
            "para",
            "con",
            "yo",
            "nosotros",
            "del",
            "una",
            "que",
            "estan");

    private LanguageGuesser() {}

    /** ISO 639-1 code: {@code fr}, {@code es} or {@code en} (the default). */
    public static String guess(String text) {
        int fr = 0;
        int es = 0;
        for (String w : TermAnalyzer.fold(text).split(" ")) {
            fr += FRENCH.contains(w) ? 1 : 0;
            es += SPANISH.contains(w) ? 1 : 0;
        }
        if (fr >= 2 && fr > es) {
            return "fr";
        }
        return es >= 2 && es > fr ? "es" : "en";
    }
}
