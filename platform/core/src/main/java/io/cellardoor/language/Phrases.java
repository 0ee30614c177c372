package io.cellardoor.language;

import java.util.Map;

/**
 * The fixed sentences the platform itself says (not answers from knowledge), in each language it answers in:
 * English, Spanish and French; other languages get English.
 */
public final class Phrases {

    /** A phrase with its wording per ISO 639-1 language. */
    public enum Key {
        /** Declining: the knowledge does not answer the question. */
        DONT_KNOW,
        /** Declining an out-of-scope or disallowed request; followed by {@link #CAN_HELP_WITH}. */
        CANNOT_HELP,
        /** "I can help with questions about %s." with the tenant's scopes. */
        CAN_HELP_WITH,
        /** Declining to share anyone's personal or account details. */
        PRIVATE_DATA,
        /** The extractive answer to a non-English question quotes the English knowledge. */
        QUOTING_ENGLISH,
        /** Declining without a contact line: a neutral pointer to the business. */
        CONTACT_DIRECTLY
    }

    private static final Map<Key, Map<String, String>> TEXTS = Map.of(
            Key.DONT_KNOW,
            Map.of(
                    "en", "Sorry, I don't know the answer to that from our information.",
                    "es", "Lo siento, no encuentro la respuesta en nuestra información.",
                    "fr", "Désolé, je ne trouve pas la réponse dans nos informations."),
            Key.CANNOT_HELP,
            Map.of(
                    "en", "Sorry, I can't help with that.",
                    "es", "Lo siento, no puedo ayudar con eso.",
                    "fr", "Désolé, je ne peux pas vous aider pour cela."),
            Key.CAN_HELP_WITH,
            Map.of(
                    "en", "I can help with questions about %s.",
                    "es", "Puedo ayudarle con preguntas sobre %s.",
                    "fr", "Je peux vous aider pour vos questions sur %s."),
            Key.PRIVATE_DATA,
            Map.of(
                    "en", "I can't share or confirm anyone's personal, account or payment details here.",
                    "es", "No puedo compartir ni confirmar datos personales, de cuenta o de pago aquí.",
                    "fr",
                            "Je ne peux ni partager ni confirmer ici des données personnelles, de compte ou de paiement."),
            Key.QUOTING_ENGLISH,
            Map.of(
                    "es", "(Cito nuestra información, que está en inglés.)",
                    "fr", "(Je cite nos informations, qui sont en anglais.)",
                    "en", ""),
            Key.CONTACT_DIRECTLY,
            Map.of(
                    "en", "Please contact us directly.",
                    "es", "Por favor, contáctenos directamente.",
                    "fr", "Merci de nous contacter directement."));

    private Phrases() {}

    /** The phrase in the language, or in English when the language has none. */
    public static String of(Key key, String language) {
        Map<String, String> texts = TEXTS.get(key);
        return texts.getOrDefault(language, texts.get("en"));
    }
}
