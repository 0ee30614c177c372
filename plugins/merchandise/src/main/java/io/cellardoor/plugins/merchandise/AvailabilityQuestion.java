package io.cellardoor.plugins.merchandise;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a question asking whether the shop or the kitchen has something ("do you sell hats or t-shirts?", "got any
 * olives?", "¿tienen chocolate?", "avez-vous des verres à vin ?") into the things asked about, one phrase per
 * alternative, each cut before the purpose it is wanted for ("a box to put a bottle in" is a box).
 */
final class AvailabilityQuestion {

    /**
     * The verb of asking whether something is had or sold, in English, Spanish and French, or of saying one looks for
     * it (normalized text).
     */
    private static final Pattern ASKED = Pattern.compile("\\b(?:"
            + "(?:do|does) (?:you|u|ya|y all|yall|you all|you guys|they)(?: still| also| even)?"
            + " (?:have|sell|carry|stock|offer|serve|got|do)"
            + "|(?:have|has) (?:you|u) got|(?:you|u) got|got any|(?:is|are) there any"
            + "|can (?:i|we) (?:buy|get|order|purchase)"
            // a visitor saying what they look for: "I need a gift for my boss", "looking for a hat"
            + "|(?:(?:i|we)(?:'m|'re| am| are)? )?(?:looking for|want(?: to (?:buy|get))?|need"
            + "|would like(?: to (?:buy|get))?)"
            + "|tienen|venden|ofrecen|sirven|hay|(?:puedo|podemos|se puede) comprar"
            + "|avez vous|vendez vous|proposez vous|servez vous|vous avez|vous vendez|y a t il"
            + ")\\b");

    /**
     * What is asked about when it comes before the verb ("what kind of glasses do you sell?", "¿qué quesos tienen?",
     * "quels verres vendez vous"): the words after the question word and an optional "kind of".
     */
    private static final Pattern WHICH = Pattern.compile("^(?:so |and |ok )?(?:what|which|que|quels?|quelles?|cuales?)"
            + "(?: (?:kinds?|types?|sorts?|styles?|variet(?:y|ies)|clases?|tipos?|sortes?|genres?) (?:of|de|d))?"
            + " (\\w.*)$");

    /** "any olives?" opening a question asks the same. */
    private static final Pattern LEADING_ANY = Pattern.compile("^any\\b");

    /** Words joining the alternatives asked about. */
    private static final Pattern ALTERNATIVES = Pattern.compile("\\b(?:or|and|nor|o|u|y|ou|et)\\b");

    /** Words offering a choice: the parts they join are never one name. */
    private static final Pattern EITHER = Pattern.compile("\\b(?:or|nor|o|u|ou)\\b");

    /** Where the thing ends and what it is wanted for, or where, begins. */
    private static final Pattern PURPOSE = Pattern.compile(
            "\\b(?:to|for|by|on|at|in|with|that|which|i can|we can|para|con|en|que|pour|avec|dans|sur|today|here"
                    // what the thing is besides: "drinks besides wine"
                    + "|besides|other than|apart from|aside from|except|ademas de|aparte de|excepto|sauf|a part|autres? que)\\b");

    private static final String SUBJECT = "(?:you|u|ya|y all|yall|you all|you guys|i|we)";
    private static final String WHAT_KIND_OF = "(?:what|which|que|qu'est ce que|quels?|quelles?)"
            + "(?: (?:kinds?|types?|sorts?|tipos?|sortes?) (?:of|de|d))?";
    private static final String ITEMS = "(?:merch|merchandise|souvenirs?|products?|items?|things|stuff|goods|gifts"
            + "|productos|cosas|articulos|regalos|produits|articles|souvenirs)";
    private static final String PLACE = "(?:(?:in|at) (?:the|your) (?:gift )?(?:shop|store|boutique)|for sale|there"
            + "|here|en (?:la|su) tienda|dans (?:la|votre) boutique)";

    /**
     * A question about everything the shop sells, nothing narrower: "what do you sell?", "what merch do you have?",
     * "what can I buy in the gift shop?", "what's in the shop?", "do you sell souvenirs?", "is there a gift shop?",
     * "¿qué venden?", "qu'est-ce que vous vendez ?" (normalized text). "What do you have?" alone is not: it names no
     * shop.
     */
    private static final Pattern WHOLE_SHOP = Pattern.compile("^(?:so |and |ok |hi |hey )?(?:"
            + WHAT_KIND_OF
            + "(?: " + ITEMS + ")? (?:(?:do|can) " + SUBJECT + " (?:sell|carry|stock)|venden|vendez vous|vous vendez)"
            + "(?: " + PLACE + ")?"
            + "|" + WHAT_KIND_OF
            + " " + ITEMS + " (?:do|can) " + SUBJECT + " (?:have|buy|get|find)(?: " + PLACE + ")?"
            + "|(?:what|que|qu'est ce que) (?:do|can) " + SUBJECT + " (?:have|buy|get|find) (?:" + PLACE + ")"
            + "|(?:what's|whats|what is|what s) (?:in|at) (?:the|your) (?:gift )?(?:shop|store|boutique)"
            + "|(?:do|does) (?:you|u|ya|y all|yall|you guys) (?:sell|have|carry) (?:any )?" + ITEMS
            + "|(?:do you have|is there|have you got|hay|avez vous|y a t il) (?:a|an|una|un|une) (?:gift )?"
            + "(?:shop|store|tienda|boutique)(?: de regalos| de souvenirs)?"
            + ")$");

    /** Words a question may open with before it asks ("cool, is there food?"). */
    private static final String OPENING = "^(?:(?:so|and|ok|okay|cool|great|nice|awesome|perfect|thanks|hi|hey|also|oh|"
            + "y|et|alors|merci|bueno|vale|gracias) )*";

    /** A question word asking which things there are, after {@link #OPENING}. */
    private static final Pattern WHICH_OPENING =
            Pattern.compile(OPENING + "(?:what|which|que|qu'est|qu'y|qu'avez|quels?|quelles?|cuales?)\\b");

    private static final String FOOD = "(?:food|something to eat|anything to eat|(?:a |the )?(?:food |drinks? )?menu"
            + "|small plates|(?:small )?bites|tapas|appetizers|lunch|comida"
            + "|algo (?:de|para) comer|de comer|nourriture|(?:de la |des )?repas|(?:quelque chose )?a manger)";

    /**
     * A question about what the kitchen serves as a whole, nothing narrower: "is there food?", "cool, is there food or
     * just wine?", "do you serve food?", "what's on the menu?", "what food do you have?", "can we get something to
     * eat?", "¿tienen comida?", "est-ce qu'on peut manger sur place ?" (normalized text). "What food goes with the
     * Cabernet Franc?" is not: it asks about one wine.
     */
    private static final Pattern WHOLE_MENU = Pattern.compile(
            OPENING + "(?:"
                    + "(?:is there|are there|(?:do|does) (?:you|u|ya|y all|yall|you all|you guys|they)(?: also)?"
                    + " (?:have|serve|sell|offer)|have you got|(?:you|u) got|can (?:i|we) (?:get|buy|order|have)"
                    + "|(?:tienen|hay|sirven|ofrecen|venden)|(?:avez vous|y a t il|servez vous|proposez vous|vous avez))"
                    + "(?: any| some)? " + FOOD
                    + "|(?:what's|whats|what is|what s) (?:on|in) (?:the|your) (?:food )?menu"
                    + "|(?:what|which|que|quelle)(?: (?:kinds?|types?|sorts?|tipo|sorte) (?:of|de|d))? (?:food|comida|nourriture)"
                    + " (?:(?:do|can) " + SUBJECT
                    + " (?:have|serve|offer|get|buy|order)|is there|is available|tienen|hay|sirven"
                    + "|avez vous|servez vous|proposez vous)"
                    + "|what (?:do|can) " + SUBJECT
                    + " (?:have|serve|get|order) to eat|what (?:is|s) there to eat|what can (?:i|we) eat"
                    + "|(?:can|could) (?:i|we) eat|(?:se puede|podemos) comer|(?:est ce qu'on|est ce qu on|on) peut manger"
                    + "|qu'est ce qu'il y a a manger|que hay (?:de|para) comer"
                    + "|que (?:hay|tienen) en (?:el|su|la) (?:menu|carta)"
                    + "|(?:qu'y a t il|qu'est ce qu'il y a|qu'avez vous) (?:au|sur le|sur la|a la|dans le) (?:menu|carte)"
                    + ")(?: (?:there|here|on site|onsite|at the (?:winery|vineyard)|(?:with|during) (?:the |a |your )?tastings?"
                    + "|alli|alla|sur place|or (?:just|only) \\w+(?: \\w+)?|o solo \\w+|ou (?:juste|seulement) (?:du )?\\w+))?$");

    private AvailabilityQuestion() {}

    /**
     * Whether a question asks what the kitchen serves as a whole ({@link #WHOLE_MENU}).
     *
     * @param normalized the question as {@code UserQuery.normalized()} gives it
     */
    static boolean wholeMenu(String normalized) {
        return WHOLE_MENU.matcher(normalized).matches();
    }

    /** Whether a question opens with a word asking which things there are ("what's on the menu?"), not whether. */
    static boolean asksWhich(String normalized) {
        return WHICH_OPENING.matcher(normalized).lookingAt();
    }

    /**
     * Whether a question asks what the shop sells as a whole ({@link #WHOLE_SHOP}).
     *
     * @param normalized the question as {@code UserQuery.normalized()} gives it
     */
    static boolean wholeShop(String normalized) {
        return WHOLE_SHOP.matcher(normalized).matches();
    }

    /**
     * What a question asks the availability of.
     *
     * @param named the whole phrase when its parts are joined by "and" (no "or"), to be read first as one name ("mac
     *     and cheese"); empty otherwise
     * @param alternatives the phrases, one per part, in the order asked, none blank, at least one
     * @param which true when the question asks which of them there are ("what hats do you sell?"), not whether
     */
    record Asked(Optional<String> named, List<String> alternatives, boolean which) {

        /** Whether the things are had ("do you sell hats?"). */
        Asked(Optional<String> named, List<String> alternatives) {
            this(named, alternatives, false);
        }
    }

    /**
     * Reads what a question asks the availability of.
     *
     * @param normalized the question as {@code UserQuery.normalized()} gives it: lower-case, accent-free, words
     *     separated by single spaces
     * @return empty when the question does not ask whether something is had or sold, or names nothing
     */
    static Optional<Asked> read(String normalized) {
        Matcher asked = ASKED.matcher(normalized);
        int start;
        int verb = -1;
        if (asked.find()) {
            start = asked.end();
            verb = asked.start();
        } else {
            Matcher any = LEADING_ANY.matcher(normalized);
            if (!any.find()) {
                return Optional.empty();
            }
            start = any.end();
        }
        String object = normalized.substring(start);
        boolean which = false;
        if (withoutPurpose(object).isEmpty() && verb >= 0) {
            // "what kind of glasses do you sell", "what drinks do you have besides wine": the things come before the
            // verb
            Matcher before = WHICH.matcher(normalized.substring(0, verb).strip());
            if (!before.matches()) {
                return Optional.empty();
            }
            object = before.group(1);
            which = true;
        }
        List<String> things = new ArrayList<>();
        for (String alternative : ALTERNATIVES.split(object)) {
            withoutPurpose(alternative).ifPresent(things::add);
        }
        if (things.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> named =
                things.size() > 1 && !EITHER.matcher(object).find() ? withoutPurpose(object) : Optional.empty();
        return Optional.of(new Asked(named, things, which));
    }

    private static Optional<String> withoutPurpose(String phrase) {
        Matcher purpose = PURPOSE.matcher(phrase);
        String thing = (purpose.find() ? phrase.substring(0, purpose.start()) : phrase).strip();
        return thing.isEmpty() ? Optional.empty() : Optional.of(thing);
    }
}
