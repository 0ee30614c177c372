package io.cellardoor.answer;

import io.cellardoor.plugin.api.PriceBound;
import io.cellardoor.plugin.api.UserQuery;
import io.cellardoor.text.TermAnalyzer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a question asks for, read from its wording in English, Spanish or French: the kinds of fact (a price, a time, a
 * number...), and whether it wants a yes or no, a list, a comparison or the most/least of something. Questions asking
 * several things ("how much is it and how long does it take?") are split into their parts first.
 *
 * @param text the (sub-)question
 * @param facts the kinds of fact it asks for
 * @param yesNo it asks for a yes or a no ("do you ...?", "is there ...?", "¿hay ...?", "est-ce que ...?")
 * @param list it asks for every matching item ("what red wines do you have?")
 * @param comparison it compares items ("which is cheaper, A or B?")
 * @param most it asks for the item with the most of something ("most expensive"), {@code least} the least
 * @param least see {@code most}
 * @param howTo it asks how to do something ("how do I get to you from Albany?"): steps answer it
 * @param byDistance its most or least is about distance ("the closest historic site")
 * @param describes it asks what something is ("what is Milea Miles?", "tell me about the club"), no kind of fact
 * @param who it asks who someone is or does something ("who is the winemaker?", "¿quién es...?", "qui est...?"): a
 *     person's name answers it
 * @param priceBound the limit on price it sets ("any chocolate under $10?"), if any
 */
record QuestionShape(
        String text,
        Set<Fact> facts,
        boolean yesNo,
        boolean list,
        boolean comparison,
        boolean most,
        boolean least,
        boolean howTo,
        boolean byDistance,
        boolean describes,
        boolean who,
        Optional<PriceBound> priceBound) {

    /** A kind of fact an answer unit can hold. */
    enum Fact {
        PRICE("\\$\\s?\\d|\\b\\d+(\\.\\d\\d)?\\s?(usd|dollars?)\\b"),
        TIME("\\b\\d{1,2}(:\\d\\d)?\\s?(am|pm|a\\.m\\.|p\\.m\\.)|\\bnoon\\b|\\bclosed\\b|\\bmidnight\\b"),
        DURATION("\\b\\d+(\\.\\d+)?(\\s?-\\s?\\d+)?[\\s-]?(minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\\b"),
        /** A number that is no price ("4 bottles", not "$104"). */
        COUNT("(?<![$\\d.,])\\d"),
        DATE(
                "\\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?\\s+\\d{1,2}\\b|\\b\\d{1,2}/\\d{1,2}\\b|"
                        + "\\b(january|february|march|april|june|july|august|september|october|november|december|spring|summer|"
                        + "fall|autumn|winter|monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekends?)\\b"),
        /**
         * A year something happened in, after a word placing it in time ("In 1984, ...", "since 2008", "in the 1660s")
         * or as a decade ("the 1920s"): a vintage naming a wine ("2023 Farmhouse Chardonnay") is none.
         */
        YEAR("\\b(?:in|since|by|from|around|circa|until|of)\\s+(?:the\\s+)?(?:1[5-9]|20)\\d{2}s?\\b"
                + "|\\b(?:1[5-9]|20)\\d0s\\b"),
        /** How often something happens ("quarterly", "twice a year", "every Friday"). */
        FREQUENCY("\\b(daily|nightly|weekly|bi-?weekly|fortnightly|monthly|bi-?monthly|quarterly|annually|yearly|"
                + "semi-?annually|seasonally|year-round|(once|twice|\\d+ times|\\w+ times) (a|per|each|every)|"
                + "every (other )?(day|night|week|weekend|month|year|season|quarter|monday|tuesday|wednesday|thursday|"
                + "friday|saturday|sunday|spring|summer|fall|autumn|winter|\\d+)|each (day|night|week|weekend|month|"
                + "year|season|quarter)|per (day|night|week|month|year|season|quarter))\\b"),
        CONTACT("@|\\(?\\b\\d{3}\\)?[\\s.-]\\d{3}[\\s.-]\\d{4}\\b|\\bhttps?://"),
        PLACE(PLACE_STATED),
        /**
         * Where something comes from: a proper name after "from", "in", "on" or "of" ("from Long Island", "in the Hudson
         * Valley"), capitalised as written. Asked beside {@link #PLACE}, which may state it too ("the North Fork").
         */
        ORIGIN("(?-i:\\b(?:[Ff]rom|[Ii]n|on|of)\\s+(?:the\\s+)?\\p{Lu}\\p{Ll}+)");

        private final Pattern pattern;

        Fact(String regex) {
            this.pattern = Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        }

        /** Whether a text holds this kind of fact. */
        boolean in(String text) {
            return pattern.matcher(text).find();
        }

        /** The pattern of a text holding this kind of fact. */
        Pattern pattern() {
            return pattern;
        }
    }

    /**
     * Words stating where something is: a road, a direction, "on-site", a street number, a "Location:" label, "held
     * at".
     */
    private static final String PLACE_STATED =
            "\\b(road|rd|route|street|avenue|ave|exit|highway|parkway|turn (left|right)"
                    + "|miles?|north|south|east|west|located|on[- ]?site|on the (property|premises|grounds|estate))\\b"
                    + "|\\b\\d{3,5} \\p{Lu}"
                    // a line labelled with its place ("Location: The Clubhouse") or saying where it happens
                    + "|\\b(location|venue|meeting point)\\s*:|\\b(held|hosted|takes place) (at|in|on)\\b";

    private static Pattern words(String regex) {
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** "Close" as a time ("when do you close?"), not as nearness ("how close", "close by", "close to the river"). */
    private static final Pattern TIME_Q = words("\\b(hours?|hrs|open|opens|opening|(?<!how )close(?! (by|to)\\b)|"
            + "closes|closing|what time|"
            + "until|how late|earliest|latest|horarios?|hora|abren|abre|cierran|horaires?|heures?|ouvert\\w*|"
            + "ferm\\w+)\\b");

    private static final Pattern DURATION_Q = words("\\b(how long|duration|last|lasts|take|takes|cuanto tiempo|"
            + "dura|duracion|combien de temps|dur[eé]e?)\\b");
    /** Asks how often; "often" is then the question's form, no word the answer holds (see {@link #FREQUENCY_WORD}). */
    private static final Pattern FREQUENCY_Q =
            words("\\b(how (often|frequently|regularly)|frequency|con que frecuencia|"
                    + "cada cuanto|a quelle frequence|tous les combien)\\b");

    private static final Pattern FREQUENCY_WORD = words("(?<=\\bhow )(often|frequently|regularly)\\b");
    private static final Pattern COUNT_Q = words("\\b(how many|number of|how big|how large|capacity|"
            + "how far(?! (in advance|ahead)\\b)|how old|"
            + "how deep|how tall|how high|how wide|how heavy|"
            + "acres?|cuant[oa]s|combien de|cuantos|caben|a qu[eé] distancia|qu[eé] tan lejos|a quelle distance)\\b");
    private static final Pattern DATE_Q =
            words("\\b(when|what day|which day|what days|dates?|what months?|which months?|cuando|fecha|quand)\\b");
    /** Asks when something happened, which a year answers ("when was the winery founded?", "what year ..."). */
    private static final Pattern YEAR_Q = words("\\b(when (did|was|were|had)|what year|which year|since when"
            + "|how long ago|en que ano|depuis quand|en quelle annee)\\b");

    private static final Pattern CONTACT_Q =
            words("\\b(" + TermAnalyzer.CONTACT_ASKED + "|correo|telefono|courriel|t[eé]l[eé]phone|joindre)\\b");
    private static final Pattern PLACE_Q = words("\\b(where|directions?|address|located|location|how do i get|"
            + "get there|get to you|exit|route|donde|direccion|o[uù] [eê]tes|adresse|itin[eé]raire)\\b");
    /** "Where do the grapes come from?", "where is the chardonnay grown?": an origin, not an address or a route. */
    private static final Pattern ORIGIN_Q = words(
            "\\bwhere\\b[^?]{0,50}\\b(from|sourced|grown|farmed|harvested)\\b" + "|\\bde d[oó]nde\\b|\\bd'o[uù]\\b");

    private static final Pattern YES_NO = words("^\\W*(is|are|do|does|did|can|could|will|would|may|should|have|has|"
            + "was|were|am|hay|se puede|puedo|podemos|tienen|est-ce|y a-t-il|puis-je|peut-on|pouvons)\\b"
            + "|^\\W*\\p{L}+-(vous|il|elle|on|ils)\\b");
    private static final Pattern LIST = words(
            "\\b(what|which) (\\w+ ){0,3}(do you|does the \\w+) (have|offer|sell|"
                    + "make|carry|serve|grow|host)\\b|^\\W*(do|does) (you|the \\w+) (sell|carry|stock|offer|have) (any )?"
                    + "(\\w+ )?\\w+s\\W*$|^\\W*(do|does) (you|the \\w+) (sell|carry|stock|serve) (any )?"
                    + "(?!(a|an|the|it|them|that|this)\\b)\\w+\\W*$"
                    + "|^\\W*(do|does) (you|the \\w+) (have|sell|carry|stock) (a|an) \\w+\\W*$"
                    + "|^\\W*is there (any )?(?!(a|an|the|some)\\b)\\w+ (on (the|your) menu|for sale)\\W*$"
                    + "|\\b(list|what kinds?|what types?|what sorts?|options|what are (the|your)"
                    + " \\w+s|any \\w+s?( for| to)?|qu[eé] \\w+ tienen|quels? \\w+ (avez|proposez))\\b"
                    + "|^\\W*(what|which) (\\w+ )?\\w+s (are|will be|can)\\b(?! (you|u|y'?all|open|closed)\\b)|\\bupcoming \\w+s\\b");
    private static final Pattern COMPARISON = words("\\b(which (one )?(is|are|costs?|has) (more|less|cheaper|better|"
            + "bigger|smaller|pricier|larger|longer|shorter|older|newer)|cheaper|pricier|costs? more|costs? less|"
            + "vs\\.?|versus|compared?|difference between|m[aá]s barat[oa]|m[aá]s car[oa]|moins cher|plus cher)\\b");
    private static final Pattern MOST = words(
            "\\b(most expensive|priciest|highest|biggest|largest|oldest|most " + "\\w+|m[aá]s car[oa]|plus cher)\\b");
    private static final Pattern LEAST = words("\\b(cheapest|least expensive|lowest|smallest|least \\w+|newest|"
            + "closest|nearest|m[aá]s barat[oa]|m[aá]s cercan[oa]|moins cher|plus proche)\\b");
    private static final Pattern DISTANCE = words(
            "\\b(closest|nearest|farthest|furthest|m[aá]s cercan[oa]|" + "m[aá]s lejan[oa]|plus proche|plus loin)\\b");
    private static final Pattern HOW_TO = words("^\\W*(how (do|can|should|would|could) (i|we|one|you)|how to|"
            + "what'?s the (best |easiest )?way to|c[oó]mo (llego|llegar|puedo|podemos|reservo|se)|"
            + "comment (aller|venir|r[eé]server|puis|pouvons|faire))\\b");

    private static final Pattern DESCRIBES = words("^\\W*(what ?'?s|what (is|are)|tell (me|us) (more )?about|describe|"
            + "what do you know about|qu[eé] (es|son)|qu'?est-ce que c'?est|qu'?est-ce que|c'?est quoi)\\b");

    /** A noun naming a person by what they do ("winemaker", "coordinator", "chef"), as folded text spells it. */
    private static final String ROLE = "(\\p{L}{4,}(er|or|ist|ian)|owner|chef|host)s?";

    /**
     * A question asking who, or asking the name of someone named by what they do ("what's the winemaker's name?", "what
     * is the name of your chef?"), on the folded text.
     */
    private static final Pattern WHO =
            words("^\\W*(who|whom|whose|who'?s|quien(es)?|qui)\\b|\\b(know|tell (me|us)|wondering) who\\b"
                    + "|\\bnames? of (the|your|our) (\\p{L}+ )?" + ROLE + "$|\\b" + ROLE + " s names?\\b");

    /** Words a question starts with, in English, Spanish and French. */
    private static final String QUESTION_WORDS = "what|how|which|who|whos|who's|when|where|why|is|are|do|does|can|could"
            + "|will|whats|what's|cu[aá]nt\\w*|qu[eé]|c[oó]mo|d[oó]nde|cu[aá]ndo|combien|quel\\w*|o[uù]|quand|comment";

    /** Where a question asking two things splits: a question mark, or "and"/"y"/"et" before a question word. */
    private static final Pattern PARTS =
            words("\\?+\\s*|[.;]\\s+|,?\\s+(?:and|also|plus|y|et)\\s+(?=(?:" + QUESTION_WORDS + ")\\b)");

    /**
     * The start of a whole question of its own: a question word or a verb asking yes or no ({@link #YES_NO}), not
     * "what about ...", "¿qué tal ...?", which ask the question before about something else.
     */
    private static final Pattern STARTS_A_QUESTION =
            words("^\\W*(?!(?:what|how) about\\b|qu[eé] (?:tal|hay de)\\b)(?:" + QUESTION_WORDS + ")\\b");

    /** Whether a text starts as a whole question does ({@link #STARTS_A_QUESTION}, {@link #YES_NO}). */
    static boolean startsAQuestion(String text) {
        return STARTS_A_QUESTION.matcher(text).find() || YES_NO.matcher(text).find();
    }

    /** The shape of one question or part of a question. */
    static QuestionShape of(String question) {
        String q = TermAnalyzer.fold(question) + (question.contains("$") ? " $" : "");
        EnumSet<Fact> facts = EnumSet.noneOf(Fact.class);
        // the plugins' reading of a price question, and a dollar sign ("anything under $20?")
        if (q.contains("$") || (!q.isBlank() && new UserQuery(q, "en").asksPrice())) {
            facts.add(Fact.PRICE);
        }
        if (TIME_Q.matcher(q).find()) {
            facts.add(Fact.TIME);
        }
        if (DURATION_Q.matcher(q).find()) {
            facts.add(Fact.DURATION);
        }
        if (FREQUENCY_Q.matcher(q).find()) {
            facts.add(Fact.FREQUENCY);
        }
        if (COUNT_Q.matcher(q).find()) {
            facts.add(Fact.COUNT);
        }
        if (DATE_Q.matcher(q).find()) {
            facts.add(Fact.DATE);
        }
        if (YEAR_Q.matcher(q).find()) {
            facts.add(Fact.YEAR);
        }
        if (CONTACT_Q.matcher(q).find()) {
            facts.add(Fact.CONTACT);
        }
        if (ORIGIN_Q.matcher(q).find()) {
            facts.add(Fact.ORIGIN);
        }
        if (PLACE_Q.matcher(q).find()) {
            facts.add(Fact.PLACE);
        }
        boolean comparison = COMPARISON.matcher(q).find()
                || (q.contains(" or ") && facts.contains(Fact.PRICE) && q.startsWith("which"));
        boolean list = LIST.matcher(q).find();
        return new QuestionShape(
                question.strip(),
                Set.copyOf(facts),
                YES_NO.matcher(question.strip().toLowerCase()).find(),
                list,
                comparison,
                (MOST.matcher(q).find() || q.matches(".*\\b(farthest|furthest)\\b.*")) && !comparison,
                LEAST.matcher(q).find() && !comparison,
                HOW_TO.matcher(q).find(),
                DISTANCE.matcher(q).find(),
                facts.isEmpty() && !list && !comparison && DESCRIBES.matcher(q).find(),
                // "who do I email?" asks for the address to write to, not for a person's name
                WHO.matcher(q).find() && !facts.contains(Fact.CONTACT),
                PriceBound.in(q));
    }

    /**
     * Words that name an operation on prices or distances ("cheapest", "more expensive", "closest"): the answer is
     * found by comparing the numbers, so the knowledge need not contain the word itself.
     */
    private static final Pattern NUMERIC_OPERATOR = words("\\b(cheap(er|est)|pric(ier|iest)|(most|least|less|more) "
            + "expensive|costs? (more|less)|closest|nearest|farthest|furthest|m[aá]s (barat|car|cercan|lejan)[oa]s?|"
            + "moins cher|plus cher|plus proche|plus loin)\\b");

    /** The words of a question that asks only how to reach the business. */
    private static final Pattern CONTACT_WORDS = words("\\b(e-?mail( address)?|phone( number)?|telephone|number|"
            + "contact( details| info\\w*)?|reach|call|text|correo|telefono|numero|courriel|t[eé]l[eé]phone|"
            + "num[eé]ro|joindre|contacter|contactar)\\b");

    /** The question without the words that ask how to reach someone ("what's your email?" -> "what's your ?"). */
    static String withoutContactWords(String question) {
        return CONTACT_WORDS.matcher(TermAnalyzer.fold(question)).replaceAll(" ");
    }

    /** What a count question counts: the word after "how many" ("how many bedrooms ..."). */
    private static final Pattern COUNTED =
            words("\\b(?:how many|number of|cuant[oa]s|combien de|combien d)\\s+(\\p{L}+)");

    /**
     * The word naming what a count question counts ("bedrooms" of "how many bedrooms does the house have?"), as the
     * question writes it.
     *
     * @return empty when the question counts nothing it names ("how big is it?")
     */
    Optional<String> counted() {
        Matcher m = COUNTED.matcher(TermAnalyzer.fold(text));
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** "How long does it last?": the verb only asks for a duration, it is no word of the answer ("last call"). */
    private static final Pattern DURATION_VERB = words("(?<=\\bhow long\\b.{0,40})\\b(last|lasts)\\b");

    /**
     * The question without a lead-in that asks to describe what follows ("tell me about the wine club" -> "the wine
     * club"): "tell", "describe" or "know" is the question's form, no word the answer holds.
     */
    static String withoutDescribing(String question) {
        Matcher m = DESCRIBES.matcher(question);
        return m.lookingAt() ? question.substring(m.end()) : question;
    }

    /**
     * The question without the words that name a comparison of prices or distances (see {@link #byDistance()}), nor
     * the verb that asks for a duration ("how long does it last?"), nor the "often" of "how often".
     */
    static String withoutNumericOperators(String question) {
        String without = DURATION_VERB
                .matcher(NUMERIC_OPERATOR.matcher(question).replaceAll(" "))
                .replaceAll(" ");
        return FREQUENCY_WORD.matcher(without).replaceAll(" ");
    }

    /**
     * What a message asks, apart from what it only tells: when it asks something ("...?"), its sentences that end with a
     * full stop or an exclamation mark and hold no question or request word ("We're driving up for our anniversary.")
     * are context of the question, not parts to answer.
     *
     * @param asked the message without its telling sentences (the whole message when none or only those)
     * @param told the telling sentences, joined by spaces; empty for none
     */
    record Asked(String asked, String told) {}

    /** A sentence and the whitespace after it: up to a full stop, "!" or "?" before a space or the end ("$12.50" stays). */
    private static final Pattern SENTENCE = Pattern.compile("(?s).+?(?:[.!?]+(?=\\s|$)|$)\\s*");
    /** Words that make a sentence a question or a request whatever its last mark. */
    private static final Pattern ASKING = words("\\b(what|whats|what's|how|which|who|whos|who's|when|where|why|"
            + "whether|if|tell|know|recommend|suggest|explain|describe|show|list|please|can(?!['’]t)|could(?!n['’]t)|"
            + "would(?!n['’]t)|may|is there|are there|do you|does(?!n['’]t)|qu[eé]|c[oó]mo|d[oó]nde|cu[aá]nd\\w*|cu[aá]nt\\w*|cu[aá]l\\w*|quel\\w*|comment|"
            + "combien|o[uù]|quand|pourquoi|por ?qu[eé])\\b");

    /**
     * A question after a clause that tells, joined by a comma: the clause (at least three words) in group 1, the
     * question from its first word ("do", "can", "what", ...) in group 2.
     */
    private static final Pattern TOLD_LEAD = words("^(\\S+(?:\\s+\\S+){2,}?),\\s+((?:do|does|did|can|could|is|are|was"
            + "|were|will|would|should|may|what|whats|what's|how|when|where|which|who|why|any)\\b.+)$");
    /** Words of a question that stand for something named before them ("..., can we bring it?"). */
    private static final Pattern REFERS_BACK =
            words("\\b(it|its|it's|they|them|their|that|this|those|these|one|ones)\\b");

    /** Splits a message into what it asks and what it only tells ({@link Asked}). */
    static Asked asked(String message) {
        String text = message.strip();
        if (text.indexOf('?') < 0) {
            return new Asked(text, "");
        }
        StringBuilder asked = new StringBuilder();
        StringBuilder told = new StringBuilder();
        Matcher m = SENTENCE.matcher(text);
        while (m.find()) {
            String sentence = m.group();
            String trimmed = sentence.strip();
            boolean telling = (trimmed.endsWith(".") || trimmed.endsWith("!"))
                    && !ASKING.matcher(trimmed).find();
            Matcher lead = TOLD_LEAD.matcher(trimmed);
            if (!telling
                    && lead.matches()
                    && !ASKING.matcher(lead.group(1)).find()
                    && !REFERS_BACK.matcher(lead.group(2)).find()) {
                // "We're coming up next Saturday for our anniversary, do we need to book?": the clause before the
                // question tells.
                told.append(lead.group(1)).append(". ");
                asked.append(lead.group(2)).append(' ');
                continue;
            }
            (telling ? told : asked).append(sentence);
        }
        return asked.toString().isBlank()
                ? new Asked(text, "")
                : new Asked(asked.toString().strip(), told.toString().strip());
    }

    /** The parts of a question that asks several things, each at least two words; the question itself otherwise. */
    static List<String> parts(String question) {
        List<String> parts = new ArrayList<>();
        for (String p : PARTS.split(question.strip())) {
            String part = p.strip().replaceAll("^[¿¡,\\s]+", "");
            if (part.split("\\s+").length >= 2) {
                parts.add(part);
            } else if (!part.isEmpty() && !parts.isEmpty()) {
                parts.set(parts.size() - 1, parts.getLast() + " " + part);
            }
        }
        return parts.isEmpty() ? List.of(question.strip()) : List.copyOf(parts);
    }

    /**
     * Whether the question is about items as a set: a list, a comparison, the most or least expensive of them, or those
     * within a price ("hats under $30"). The most or least of anything else ("your most popular wine", "the oldest
     * vintage") is no list: nothing ranks the items by it, so the lines saying it answer.
     */
    boolean aboutItems() {
        return list || comparison || ((most || least) && facts.contains(Fact.PRICE)) || priceBound.isPresent();
    }

    /**
     * A question whether something is there at all: "do you do weddings?", "is there a wine club?", "¿hacen bodas?",
     * "avez-vous un club de vin ?" (read on the folded text: "avez vous").
     */
    private static final Pattern EXISTENCE = words(
            "^\\W*(?:(?:do|does) (?:you|u|y ?all|you guys) (?:have|do|offer|host|"
                    + "hold|run|make|sell|serve|carry|got)|(?:is|are) there|got|tienen|hay|hacen|ofrecen|organizan|"
                    + "(?:est ce qu )?(?:il )?y a t il|avez vous|faites vous|proposez vous|organisez vous|vous avez)\\b");

    /** Whether the question asks if something is there at all ("do you do weddings?", "is there a wine club?"). */
    boolean asksExistence() {
        return EXISTENCE.matcher(TermAnalyzer.fold(text)).find();
    }

    /** "Do you sell ...?", "does the shop carry ...?": the verb asks whether something is there, the rest what. */
    private static final Pattern AVAILABILITY = words(
            "^\\W*(do|does) (you|u|y ?all|the \\w+) (sell|serve|carry|stock|offer|have|make|host|hold|run|take|accept)\\b");

    /** "Can I bring my dog?": a question asking whether visitors may do something, with the verb. */
    private static final Pattern PERMISSION = words(
            "^\\W*(can|could|may|are) (i|we|you|guests|visitors|people|kids|children|babies|dogs|pets|(?:my|our) \\w+)"
                    + "( be allowed to| allowed to)? (bring|take|have|use|park|stay|walk|sit|eat|drink|smoke|camp|come|visit"
                    + "|attend|enter|join|dance|hike|picnic|wear|pay)\\b");

    /** "What cocktails do you serve?": the verb that asks what is offered, anywhere in the question. */
    private static final Pattern OFFERING_VERB =
            words("\\b(do|does) (you|u|y ?all|the \\w+) (sell|serve|carry|stock|offer|have|make|grow|host)\\b");

    /**
     * The verb asking what is offered, sold or served ({@code serve} in "what cocktails do you serve?"): a word that
     * says what the question asks, not what about.
     *
     * @return the verb as written, folded; empty when the question has none
     */
    Optional<String> offeringVerb() {
        Matcher m = OFFERING_VERB.matcher(TermAnalyzer.fold(text));
        return m.find() ? Optional.of(m.group(3)) : Optional.empty();
    }

    /**
     * The verb of a question asking whether something is sold, served or offered ({@code sell} in "do you sell
     * candles?"): a line sharing only that verb with the question ("we do not sell your data") does not answer it.
     *
     * @return the verb as written, folded; empty for any other question
     */
    Optional<String> availabilityVerb() {
        Matcher m = AVAILABILITY.matcher(TermAnalyzer.fold(text));
        return m.find() ? Optional.of(m.group(3)) : Optional.empty();
    }

    /**
     * The verb of a question asking whether visitors may do something ({@code bring} in "can I bring my dog?"): a line
     * sharing only that verb with the question ("may I bring in outside catering?") does not answer it.
     *
     * @return the verb as written, folded; empty for any other question
     */
    Optional<String> permissionVerb() {
        Matcher m = PERMISSION.matcher(TermAnalyzer.fold(text));
        return m.find() ? Optional.of(m.group(4)) : Optional.empty();
    }
}
