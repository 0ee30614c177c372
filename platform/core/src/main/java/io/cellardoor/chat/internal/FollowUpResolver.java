package io.cellardoor.chat.internal;

import io.cellardoor.answer.Citation;
import io.cellardoor.answer.QuestionParts;
import io.cellardoor.chat.ResolvedQuestion;
import io.cellardoor.chat.internal.ConversationStore.PastTurn;
import io.cellardoor.knowledge.DocumentReads;
import io.cellardoor.knowledge.KnowledgeStore;
import io.cellardoor.plugin.api.PriceBound;
import io.cellardoor.text.CorpusStatistics;
import io.cellardoor.text.TermAnalyzer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Resolves a follow-up question against the conversation by rules, before retrieval (no model needed; with an LLM the
 * chat service asks the model to condense instead, and falls back to these rules).
 *
 * <p>A question continues the previous turn's topic when it says so: it refers back (a pronoun such as "it", "that",
 * "those", "eso", "ça"; "which one"; "the first one"), starts with a connective ("and ...?", "what about ...?", "¿y
 * ...?", "et ...?"), or is short and every content word of it appears in the documents the previous answer cited
 * ("how many bedrooms?" after an answer about a house; a price limit's amount is no word: "any under $30?" after
 * hats). A clear topic switch ("unrelated, but ...", "another question") and a question whose words the previous
 * documents do not contain ("what's your policy on dogs?" after a wine's price) stand alone, as does a whole question
 * after a connective whose words the previous documents do not contain ("and is there parking?" after a question about
 * children). The resolved question is the visitor's words followed by the carried topic: the previous turn's own words
 * and those it carried (but a follow-up's own words asked two turns ago), and the title of the document its answer
 * cited first; an ordinal ("the first one") carries that item of the previous answer instead.
 */
@Component
public class FollowUpResolver {

    private static final int MAX_CARRIED_WORDS = 14;
    private static final int SHORT_QUESTION_WORDS = 8;
    /** How many latest turns are searched for the pages a short question may be about. */
    private static final int TOPIC_TURNS = 3;

    private static final Pattern SWITCH = Pattern.compile(
            "\\b(unrelated|different (question|topic)|another (question|thing)|new question|change of subject|"
                    + "changing the subject|by the way|btw|otra pregunta|otra cosa|cambiando de tema|autre question|"
                    + "autre chose|rien à voir|sans rapport)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /**
     * "What sizes?", "which colours?", "¿qué tallas?", "quelles couleurs ?": a question word and a noun or two, no verb;
     * when no document is named by them, it asks for an attribute of what was being discussed. "How many bedrooms?" is
     * not one: a count is asked of a thing, and when the pages discussed do not have the word, a search of its own
     * finds the pages that do (the house's bedrooms are on the weddings pages, not on the list of places to stay).
     */
    private static final Pattern ATTRIBUTE = Pattern.compile(
            "^\\W*(what|which|qu[eé]|cu[aá]l(es)?|quel(le)?s?)\\s+\\p{L}+(\\s+\\p{L}+)?\\W*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** The start of a fragment that continues the conversation: punctuation, then perhaps "and", "so", "ok". */
    private static final String OPENING = "^\\W*(?:(?:and|so|ok|y|et)\\s+)?";

    /**
     * "Until what time?", "how late?", "where?", "¿hasta qué hora?", "jusqu'à quelle heure ?": a question word alone,
     * perhaps after a preposition, asks about what was being discussed.
     */
    private static final Pattern QUESTION_WORD_ONLY = Pattern.compile(
            OPENING + "(?:(?:until|till|til|from|since|by|hasta|desde|jusqu'?\\s?[aà]|[aà]"
                    + "|depuis)\\s+)?(?:what time|when|how late|how early|how long|how far|how often|where|why|which day"
                    + "|qu[eé] hora|cu[aá]ndo|d[oó]nde|quelle heure|quand|o[uù])\\W*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /**
     * "How many people fit?", "how many guests can come?", "¿cuántas personas caben?", "combien de personnes ?": how
     * many people, without naming where, asks how many the place being discussed takes.
     */
    private static final Pattern CAPACITY_ONLY = Pattern.compile(
            OPENING + "(?:how many (?:people|guests|persons|adults|of us)"
                    + "(?:\\s+(?:(?:can|could|will|would) (?:you|it|we)|does it|do you|can|could|will|would))?"
                    + "(?:\\s+(?:fit|come|attend|stay|sleep|sit|hold|seat|take|join|host|accommodate|bring|invite))?"
                    + "(?:\\s+(?:there|inside|in it|in there))?"
                    + "|cu[aá]ntas (?:personas|invitados)(?:\\s+(?:caben|pueden (?:venir|ir|quedarse)))?"
                    + "|combien de (?:personnes|invit[ée]s)(?:\\s+(?:peuvent venir|au maximum))?)\\W*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /**
     * A question asking only for a price, without naming what ("how much?", "how much is a bottle?", "¿cuánto cuesta?",
     * "combien ça coûte ?"):
     * Spanish and French drop the "it" English needs, so the price of what was being discussed is asked without a
     * pronoun.
     */
    private static final Pattern PRICE_ONLY = Pattern.compile(
            "^[\\W&&[^$]]*(?:y |and |et |so |ok )?(?:how much|what'?s the (?:price|cost)|price|cost"
                    + "|cu[aá]nto(?: cuesta| cuestan| vale| valen| es| son| sale)?|qu[eé] precio(?: tiene)?|precio"
                    + "|combien(?: [çc]a)?(?: co[uû]te(?:nt)?)?|c'est combien|quel (?:est le )?prix|prix)"
                    // "how much is a bottle?", "price per glass?": a measure of it, still not naming what
                    + "(?:\\s+(?:is|are|for|per)?\\s*(?:a|one|per|the)?\\s*(?:bottle|glass|case|pour)s?)?[\\W&&[^$]]*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** A short question ending in "too?" or "as well?" ("inside too?"): the same question about one more thing. */
    private static final Pattern ALSO = Pattern.compile(
            "^\\W*(?:\\S+\\s+){0,3}\\S+\\s+(too|as well|also|tambi[eé]n|aussi)\\W*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static final Pattern PRONOUN = Pattern.compile(
            "\\b(it|its|it's|itself|that|this|those|these|them|they|their|which one|that one|this one|the one|ones|"
                    + "(next|other|previous|following) one|both|either|neither|ambos|ambas|"
                    + "les deux|"
                    + "same|eso|esa|ese|esos|esas|ello|ça|cela|celui|celle|ceux|celles)\\b"
                    // "There" as a place ("can we stay there?", "how do I get there?"), not "is there ...?".
                    + "|(?<!\\b(?:is|are|was|were|be|'s) )\\bthere\\b(?! (?:is|are|was|were|will|be|'s)\\b)"
                    // A superlative without its noun ("¿cuál es el más barato?", "le moins cher ?", "which is the
                    // cheapest?") ranks what was listed.
                    + "|\\b((el|la|los|las) (m[aá]s|menos)|(le|la|les) (plus|moins)) \\p{L}+\\W*$"
                    + "|\\bthe (cheapest|priciest|dearest|most expensive|least expensive|closest|nearest|oldest|newest)"
                    + "( one)?\\W*$"
                    // "one" standing for a thing named before ("do you have a cheaper one?", "any red ones?"), and a
                    // comparison with nothing to compare with ("anything cheaper?"): than what was discussed.
                    + "|\\b(a|an|any|another|some) (\\p{L}+ )?ones?(\\W*$|\\s+(for|that|with|under|below|than|to|please)\\b)"
                    + "|\\b(anything|something|any|one) (cheaper|less expensive|more affordable|pricier|more expensive"
                    + "|bigger|smaller|larger|sweeter|drier|lighter|closer)\\W*$"
                    + "|\\b(un|una|uno|une|algo|quelque chose)( \\p{L}+)? (m[aá]s barat[oa]|moins cher(e)?)\\W*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /**
     * Words before the question proper: an acknowledgement or greeting ("cool, ...", "ok ...", "Hi! ...") or a topic
     * switch ("totally unrelated, but ..."). Words that are also content ("great", "perfect", "nice") count only when
     * punctuation follows them.
     */
    private static final Pattern LEAD_IN = Pattern.compile(
            "^[\\W&&[^¿¡]]*(?:(?:ok|okay|lol|haha|hmm+|oh|ah|wow|hey|hi|hello|hola|oye|bonjour|salut)\\b(?: there\\b)?"
                    + "[\\s,!.:;-]*"
                    + "|(?:cool|great|awesome|nice|perfect|thanks|thank you|yes|yeah|yep|sure|wait|got it|i see|vale|"
                    + "genial|bueno|perfecto|gracias|d'accord|parfait|merci)[,!.:;-]+\\s*"
                    + "|(?:totally |completely |something )?(?:unrelated|off topic|by the way|btw|different question|"
                    + "another question|otra pregunta|cambiando de tema|autre question|rien à voir)\\b[\\s,!.:;-]*"
                    + "(?:but\\s+|pero\\s+|mais\\s+)?)+",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static final Pattern CONNECTIVE = Pattern.compile(
            "^\\W*(and|also|plus|then|what about|how about|and what about|so|y|e|et|et pour|y para|¿y|aussi|también)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final String ORDINAL_WORDS =
            "first|second|third|fourth|fifth|middle|last|primer[oa]?|segund[oa]|tercer[oa]?|"
                    + "últim[oa]|premi[eè]re?|deuxième|troisième|dernière?";
    /**
     * An ordinal naming an item: after a determiner ("the last", "el último") or before "one" ("second one"); a bare
     * "last" is a verb as often ("how long does it last?").
     */
    private static final Pattern ORDINAL = Pattern.compile(
            "\\b(?:(?:the|that|this|el|la|lo|le|l')\\s*(" + ORDINAL_WORDS + ")(?: one)?|(" + ORDINAL_WORDS
                    + ") one)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** "What about the reserve one?", "... instead?": the same question about another thing. */
    /** Asks for an alternative to what was just discussed ("can I pay with points instead?"). */
    private static final Pattern ALTERNATIVE = Pattern.compile(
            "\\b(instead|en su lugar|en cambio|à la place|plutôt)\\b", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static final Pattern CONTRAST = Pattern.compile(
            "^\\W*(what about|how about|and (the|your)|y (el|la|los|las)|et (le|la|les))\\b|\\b(instead|one)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** Words that point at a thing without naming it. */
    private static final Set<String> PRO_FORMS = Set.of("one", "ones", "instead", "about", "what", "how");

    /**
     * Closed classes of words a follow-up swaps rather than adds to: "and on Sunday?" after a question about Thursday
     * asks about Sunday alone, "¿y en agosto?" after July about August alone. Folded (lower case, no accents), in the
     * widget's languages; plurals ("sundays") are the word with an "s". Spanish "mañana" is not one: it is also "morning".
     */
    private static final List<Set<String>> SWAPPED_CLASSES = List.of(
            Set.of(
                    "monday",
                    "tuesday",
                    "wednesday",
                    "thursday",
                    "friday",
                    "saturday",
                    "sunday",
                    "weekday",
                    "weekend",
                    "today",
                    "tomorrow",
                    "tonight",
                    "lunes",
                    "martes",
                    "miercoles",
                    "jueves",
                    "viernes",
                    "sabado",
                    "domingo",
                    "hoy",
                    "lundi",
                    "mardi",
                    "mercredi",
                    "jeudi",
                    "vendredi",
                    "samedi",
                    "dimanche",
                    "aujourd",
                    "demain"),
            Set.of(
                    "january",
                    "february",
                    "march",
                    "april",
                    "may",
                    "june",
                    "july",
                    "august",
                    "september",
                    "october",
                    "november",
                    "december",
                    "enero",
                    "febrero",
                    "marzo",
                    "abril",
                    "mayo",
                    "junio",
                    "julio",
                    "agosto",
                    "septiembre",
                    "octubre",
                    "noviembre",
                    "diciembre",
                    "janvier",
                    "fevrier",
                    "mars",
                    "avril",
                    "mai",
                    "juin",
                    "juillet",
                    "aout",
                    "septembre",
                    "octobre",
                    "novembre",
                    "decembre"));

    /** A list item of an answer: a bullet line, or a bold title. */
    private static final Pattern ITEM = Pattern.compile("(?m)^\\s*(?:[-*•]|\\d+[.)])\\s+(.+)$|\\*\\*([^*]+)\\*\\*");

    private final TermAnalyzer analyzer;
    private final KnowledgeStore knowledge;
    private final DocumentReads documents;
    private final CorpusStatistics corpus;

    FollowUpResolver(
            TermAnalyzer analyzer, KnowledgeStore knowledge, DocumentReads documents, CorpusStatistics corpus) {
        this.analyzer = analyzer;
        this.knowledge = knowledge;
        this.documents = documents;
        this.corpus = corpus;
    }

    /**
     * Resolves a question against the conversation's latest turns.
     *
     * @param question the visitor's question (after the guard)
     * @param history earlier turns, oldest first; empty for a new conversation
     */
    public ResolvedQuestion resolve(long orgId, String asked, List<PastTurn> history) {
        String question = withoutLeadIn(asked);
        if (history.isEmpty()) {
            return ResolvedQuestion.standalone(question, "standalone");
        }
        if (SWITCH.matcher(asked).find()) {
            return ResolvedQuestion.standalone(question, "topic switch");
        }
        PastTurn previous = history.getLast();
        // "tell me more about the first one" is asked about the item it names: the item stands in its place.
        Optional<String> item = ordinalItem(question, previous.answer());
        if (item.isPresent()) {
            Matcher ordinal = ORDINAL.matcher(question);
            ordinal.find(); // ordinalItem found it
            String named = question.substring(0, ordinal.start()) + item.get() + question.substring(ordinal.end());
            String rule = "ordinal: " + ordinal.group().strip();
            return new ResolvedQuestion(named, named, item.get(), rule, Optional.of(previous.domain()));
        }
        // A declined turn cites nothing: the pages of the turn before it are still what the visitor is asking about.
        PastTurn cited = history.reversed().stream()
                .limit(TOPIC_TURNS)
                .filter(t -> !t.citations().isEmpty())
                .findFirst()
                .orElse(previous);
        String rule = rule(orgId, question, cited);
        if (rule.isEmpty()) {
            return ResolvedQuestion.standalone(question, "standalone");
        }
        boolean contrast = CONTRAST.matcher(question).find();
        Optional<String> otherDocument = contrast ? contrasted(orgId, question, previous) : Optional.empty();
        String carried = otherDocument.orElseGet(() -> topic(orgId, history));
        String swapped = withoutSwapped(question, carried);
        if (swapped.isBlank()) {
            return ResolvedQuestion.standalone(question, "standalone");
        }
        if (!swapped.equals(carried)) {
            rule = rule + "; swapped: " + swappedWords(question, carried);
        }
        if (contrast && otherDocument.isEmpty()) {
            Optional<Swap> section = siblingSection(orgId, question, previous, swapped);
            if (section.isPresent()) {
                swapped = section.get().kept();
                rule = rule + "; swapped: " + section.get().change();
            }
        }
        return new ResolvedQuestion(question + " " + swapped, question, swapped, rule, Optional.of(previous.domain()));
    }

    /**
     * The question without what a visitor says before it ("cool, is there food?" is "is there food?"; "totally
     * unrelated, but who makes your wines?" is "who makes your wines?"): those words are not what to search for.
     *
     * @return the question itself when nothing would be left
     */
    public static String withoutLeadIn(String question) {
        Matcher m = LEAD_IN.matcher(question);
        return m.lookingAt() && m.end() > 0 && !question.substring(m.end()).isBlank()
                ? question.substring(m.end())
                : question;
    }

    /**
     * Whether a text refers to something named before it ("what does it pair with?", "can I park there?", "¿cuál es el
     * más barato?"): in an earlier turn, or in another part of the same question ({@link PartAnswers#carried}).
     */
    static boolean refersBack(String text) {
        return PRONOUN.matcher(text).find();
    }

    /** The terms of the first two pages a turn cited: what its topic is about. */
    private Set<String> topicTerms(long orgId, PastTurn cited) {
        Set<String> topicTerms = new LinkedHashSet<>();
        cited.citations().stream()
                .limit(2)
                .map(Citation::path)
                .forEach(path -> documents
                        .findDocument(orgId, path)
                        .ifPresent(d -> topicTerms.addAll(analyzer.terms(d.title() + " " + d.plainText()))));
        return topicTerms;
    }

    /**
     * Why the question continues the previous turn (an ordinal is resolved before), or empty when it stands alone.
     *
     * @param cited the latest turn that cited pages: a short question made only of their words continues it
     */
    private String rule(long orgId, String question, PastTurn cited) {
        Matcher pronoun = PRONOUN.matcher(question);
        if (pronoun.find()) {
            return "pronoun: " + pronoun.group().strip().toLowerCase(Locale.ROOT);
        }
        Matcher connective = CONNECTIVE.matcher(question);
        if (connective.find()) {
            // "and is there parking?" after "what about kids?": a whole question of its own about something the pages
            // talked about do not name asks that, not the earlier topic again.
            String rest = question.substring(connective.end());
            if (QuestionParts.startsAQuestion(rest)
                    && !cited.citations().isEmpty()
                    && !topicTerms(orgId, cited).containsAll(analyzer.terms(rest))) {
                return "";
            }
            return "connective: " + connective.group().replaceAll("^\\W+", "").toLowerCase(Locale.ROOT);
        }
        if (asksOnlyPrice(question) && !cited.citations().isEmpty()) {
            return "price only";
        }
        if (QUESTION_WORD_ONLY.matcher(question.strip()).matches()
                && !cited.citations().isEmpty()) {
            return "question word only";
        }
        if (asksOnlyCapacity(question) && !cited.citations().isEmpty()) {
            return "capacity only";
        }
        Matcher also = ALSO.matcher(question);
        if (also.find() && !cited.citations().isEmpty()) {
            return "also: " + also.group(1).toLowerCase(Locale.ROOT);
        }
        Matcher alternative = ALTERNATIVE.matcher(question);
        if (alternative.find()) {
            return "alternative: " + alternative.group().toLowerCase(Locale.ROOT);
        }
        List<String> words = List.of(TermAnalyzer.fold(question).split(" "));
        // "any under $30?" after the hats: a price limit names no thing of its own, its amount is no word of the pages
        Set<String> terms =
                analyzer.terms(PriceBound.in(question).isPresent() ? PriceBound.without(question) : question);
        if (words.size() <= SHORT_QUESTION_WORDS && !cited.citations().isEmpty()) {
            if (terms.isEmpty()) {
                return "same topic";
            }
            Set<String> topicTerms = topicTerms(orgId, cited);
            if (topicTerms.containsAll(terms)) {
                return "same topic: " + String.join(" ", terms);
            }
            // "can I cancel anytime?" after the club's tiers: a word the org's pages never use ("anytime") names no
            // other topic, so the one word of the pages the question has decides ("what's the closest historic
            // site?", two words of the pages, names its own topic).
            CorpusStatistics.Stats stats = corpus.of(orgId);
            Set<String> known = new LinkedHashSet<>(terms);
            known.removeIf(t -> !stats.known(t));
            if (known.size() == 1 && terms.size() > 1 && topicTerms.containsAll(known)) {
                return "same topic: " + String.join(" ", known);
            }
            if (asksForAnAttribute(question) && namesNoDocument(orgId, terms)) {
                return "attribute: " + String.join(" ", terms);
            }
        }
        return "";
    }

    /** Whether a short question asks for the same again about one more thing ("inside too?", "and kids as well?"). */
    static boolean asksAlso(String question) {
        return ALSO.matcher(question.strip()).find();
    }

    /** Whether a question asks how many people without naming where ("how many guests can you fit?"). */
    static boolean asksOnlyCapacity(String question) {
        return CAPACITY_ONLY.matcher(question.strip()).matches();
    }

    /** Whether a question is a question word and a noun or two ("what sizes?"; not "how many bedrooms?"). */
    static boolean asksForAnAttribute(String question) {
        return ATTRIBUTE.matcher(question).matches();
    }

    /** Whether a question asks only for a price and names nothing ("how much?", "¿cuánto cuesta?"). */
    static boolean asksOnlyPrice(String question) {
        return PRICE_ONLY.matcher(question.strip()).matches();
    }

    /** Whether no document title of the org has any of the terms. */
    private boolean namesNoDocument(long orgId, Set<String> terms) {
        for (var doc : knowledge.listAllDocuments(orgId)) {
            Set<String> title = analyzer.terms(doc.title());
            if (terms.stream().anyMatch(title::contains)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The same question about another thing: the previous turn's own words with the document its answer was about
     * swapped for the org's document whose title has every word the visitor named now and shares the most words with
     * the previous document's title ("what about the reserve one?" after the 2022 Farmhouse Cabernet Franc names the
     * 2022 Reserve Cabernet Franc); the previous question's words that only the old title has go.
     */
    private Optional<String> contrasted(long orgId, String question, PastTurn previous) {
        if (!previous.answered() || previous.citations().isEmpty()) {
            return Optional.empty();
        }
        String oldTitle = previous.citations().getFirst().title();
        Set<String> named = new LinkedHashSet<>(analyzer.terms(question));
        named.removeIf(t -> PRO_FORMS.contains(t));
        if (named.isEmpty()) {
            return Optional.empty();
        }
        Set<String> oldTerms = analyzer.terms(oldTitle);
        String best = null;
        int bestShared = 0;
        for (var doc : knowledge.listAllDocuments(orgId)) {
            Set<String> terms = analyzer.terms(doc.title());
            if (doc.title().equalsIgnoreCase(oldTitle) || !terms.containsAll(named)) {
                continue;
            }
            Set<String> shared = new LinkedHashSet<>(terms);
            shared.retainAll(oldTerms);
            if (shared.size() > bestShared) {
                best = doc.title();
                bestShared = shared.size();
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        // The words only the old title has ("devotion" of the Devotion Tasting) leave with it.
        Set<String> gone = new LinkedHashSet<>(oldTerms);
        gone.removeAll(analyzer.terms(best));
        return Optional.of((withoutWordsOf(previous.question(), gone) + " " + best).strip());
    }

    /** The text without its words whose terms are all among {@code gone}; its other words and their order kept. */
    private String withoutWordsOf(String text, Set<String> gone) {
        StringBuilder kept = new StringBuilder();
        for (String word : text.split("\\s+")) {
            Set<String> terms = analyzer.terms(word);
            if (terms.isEmpty() || !gone.containsAll(terms)) {
                kept.append(kept.isEmpty() ? "" : " ").append(word);
            }
        }
        return kept.toString();
    }

    /** The carried words left after a swap, and what was swapped for what ("grand prix -> jumper"). */
    record Swap(String kept, String change) {}

    private static final Pattern HEADING = Pattern.compile("(?m)^(#{1,6})\\s+(.+?)\\s*#*\\s*$");

    /**
     * The same question about another section of the page the previous answer came from: when the visitor names a
     * heading of that page ("and the jumper?") and the carried words name a sibling heading (the same level under the
     * same parent: "Grand Prix" beside "Jumper" under "Membership Tiers"), the sibling's words leave the carried topic.
     * The page's own sections are the class of things swapped, as days are for "and on Sunday?".
     *
     * @return empty when the question names no heading of that page or the topic names none of its siblings
     */
    Optional<Swap> siblingSection(long orgId, String question, PastTurn previous, String carried) {
        if (!previous.answered() || previous.citations().isEmpty()) {
            return Optional.empty();
        }
        Set<String> named = new LinkedHashSet<>(analyzer.terms(question));
        named.removeIf(PRO_FORMS::contains);
        if (named.isEmpty()) {
            return Optional.empty();
        }
        String text = documents
                .findDocument(orgId, previous.citations().getFirst().path())
                .map(d -> d.plainText())
                .orElse("");
        Set<String> carriedTerms = analyzer.terms(carried);
        for (List<String> siblings : siblingHeadings(text)) {
            Optional<String> asked = siblings.stream()
                    .filter(h -> analyzer.terms(h).containsAll(named))
                    .findFirst();
            if (asked.isEmpty()) {
                continue;
            }
            Set<String> askedTerms = analyzer.terms(asked.get());
            for (String old : siblings) {
                Set<String> oldTerms = new LinkedHashSet<>(analyzer.terms(old));
                oldTerms.removeAll(askedTerms);
                if (old.equals(asked.get()) || oldTerms.isEmpty() || !carriedTerms.containsAll(oldTerms)) {
                    continue;
                }
                String change =
                        old.toLowerCase(Locale.ROOT) + " -> " + asked.get().toLowerCase(Locale.ROOT);
                return Optional.of(new Swap(withoutWordsOf(carried, oldTerms), change));
            }
        }
        return Optional.empty();
    }

    /** The page's headings grouped by parent: each group the headings of one level under one heading, in order. */
    static List<List<String>> siblingHeadings(String markdown) {
        List<List<String>> groups = new ArrayList<>();
        // Open groups by level: a heading closes the groups of deeper levels and joins its own level's group.
        java.util.Map<Integer, List<String>> open = new java.util.HashMap<>();
        Matcher m = HEADING.matcher(markdown);
        while (m.find()) {
            int level = m.group(1).length();
            open.keySet().removeIf(l -> l > level);
            open.computeIfAbsent(level, l -> {
                        List<String> group = new ArrayList<>();
                        groups.add(group);
                        return group;
                    })
                    .add(m.group(2).replaceAll("[*_`]", "").strip());
        }
        return groups.stream().filter(g -> g.size() > 1).toList();
    }

    /**
     * The previous turn's topic: its words and what it carried, then the title of its first citation, and the section of
     * that page it was about ({@link #sectionAbout}); of a declined follow-up, only what it carried.
     */
    private String topic(long orgId, List<PastTurn> history) {
        PastTurn previous = history.getLast();
        // A declined follow-up ("what does it pair with?") found nothing: what it carried is still the topic, its own
        // words are not ("how much is a bottle?" after it is about the wine before it).
        String asked = withoutLeadIn(previous.question());
        if (!previous.answered()
                && previous.resolvedQuestion().startsWith(asked)
                && previous.resolvedQuestion().length() > asked.length()) {
            return previous.resolvedQuestion().substring(asked.length()).strip();
        }
        String title = previous.answered() && !previous.citations().isEmpty()
                ? previous.citations().getFirst().title()
                : "";
        // "which one is oaked?" picked one of the wines carried before it: its answer's page is the topic now, not the
        // others ("how much is that one?" asks the oaked one's price)
        String topic = pickedOneOfSeveral(previous, asked, title)
                ? carried(asked, title)
                : carried(withoutStaleWords(history), title);
        if (!title.isBlank()) {
            String page = documents
                    .findDocument(orgId, previous.citations().getFirst().path())
                    .map(d -> d.plainText())
                    .orElse("");
            Optional<String> section = sectionAbout(previous, title, page, analyzer);
            if (section.isPresent()) {
                topic = topic + " " + section.get();
            }
        }
        return topic.strip();
    }

    /**
     * The latest turn's resolved question without the own words of the turn before it, when both were follow-ups: in
     * "what does it cost?", "what if it rains?" after "do you do weddings?" and "how many guests can you fit?", the
     * third turn carried "what does it cost? how many guests can you fit? do you do weddings? ..."; the fourth carries
     * "what if it rains? do you do weddings? ...". The question that set the topic and the latest question stay; one a
     * follow-up asked on the way is answered and no longer what the conversation is about (its words would pick its
     * answer's lines again). Words are compared as stored (after spelling and masking), by position.
     *
     * @param history earlier turns, oldest first, not empty
     * @return the latest turn's resolved question, shortened or as it was
     */
    static String withoutStaleWords(List<PastTurn> history) {
        PastTurn previous = history.getLast();
        if (history.size() < 2) {
            return previous.resolvedQuestion();
        }
        PastTurn before = history.get(history.size() - 2);
        List<String> words = List.of(previous.resolvedQuestion().strip().split("\\s+"));
        List<String> beforeWords = List.of(before.resolvedQuestion().strip().split("\\s+"));
        int own = withoutLeadIn(previous.question()).strip().split("\\s+").length;
        int beforeOwn = withoutLeadIn(before.question()).strip().split("\\s+").length;
        boolean bothFollowUps = words.size() > own && beforeWords.size() > beforeOwn;
        if (!bothFollowUps
                || words.size() <= own + beforeOwn
                || !words.subList(own, own + beforeOwn).equals(beforeWords.subList(0, beforeOwn))) {
            return previous.resolvedQuestion();
        }
        List<String> kept = new ArrayList<>(words.subList(0, own));
        kept.addAll(words.subList(own + beforeOwn, words.size()));
        return String.join(" ", kept);
    }

    /**
     * The section of the page a turn's answer came from that the turn was about: the one its answer picked
     * ({@link #pickedSection}, read against the visitor's own words, as a section an earlier turn carried is in the
     * resolved question) when the question asked for one of several (a "which ...?" or "who ...?" question) or named a
     * word of that section's heading that the page's title lacks ("tell me about the Mirbeau inn" and "Mirbeau Inn &
     * Spa" on "Accommodations Near ..."). A section that only holds the fact asked ("how many guests fit?" answered
     * from "Elegant Vineyard Celebrations") is not what the conversation is about.
     *
     * @param title the title of the page the answer cited first
     * @param page that page's markdown
     * @return the section's heading; empty when the turn was about no one section
     */
    static Optional<String> sectionAbout(PastTurn turn, String title, String page, TermAnalyzer analyzer) {
        Set<String> asked = analyzer.terms(turn.resolvedQuestion());
        Set<String> titled = analyzer.terms(title);
        return pickedSection(turn.question(), turn.answer(), page, analyzer)
                .filter(h -> PICKS_ONE.matcher(turn.resolvedQuestion()).find()
                        || analyzer.terms(h).stream().anyMatch(t -> asked.contains(t) && !titled.contains(t)));
    }

    /**
     * A previous question's words carried on (its first {@value #MAX_CARRIED_WORDS}), then the title of the page its
     * answer cited first, once and whole: words cut short inside the title an earlier turn carried ("... Accommodations
     * at") end before it.
     *
     * @param title blank for none
     */
    static String carried(String resolvedQuestion, String title) {
        List<String> words = new ArrayList<>(List.of(resolvedQuestion.strip().split("\\s+")));
        if (words.size() > MAX_CARRIED_WORDS) {
            words = words.subList(0, MAX_CARRIED_WORDS);
        }
        String topic = String.join(" ", words);
        if (title.isBlank() || topic.toLowerCase(Locale.ROOT).contains(title.toLowerCase(Locale.ROOT))) {
            return topic;
        }
        int at = String.join(" ", resolvedQuestion.strip().split("\\s+"))
                .toLowerCase(Locale.ROOT)
                .indexOf(title.toLowerCase(Locale.ROOT));
        if (at >= 0 && at < topic.length()) {
            topic = topic.substring(0, at).strip();
        }
        return (topic + " " + title).strip();
    }

    /** A question picking one of the things the conversation named ("which one is oaked?", "which of them is red?"). */
    private static final Pattern PICKS_SINGLE = Pattern.compile(
            "\\bwhich one\\b|\\bwhich of (them|those|these|the two|both) (is|was|has|does|goes)\\b"
                    + "|\\bcu[aá]l de (ellos|ellas|los|las|estos|estas)\\b|\\blequel\\b|\\blaquelle\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /**
     * Whether a turn picked one of several things the conversation had named: it asked for one ({@link #PICKS_SINGLE})
     * and what it carried names another page its answer cited than the first (the wine not picked).
     */
    private static boolean pickedOneOfSeveral(PastTurn previous, String asked, String title) {
        if (title.isBlank() || !PICKS_SINGLE.matcher(asked).find()) {
            return false;
        }
        String carried = previous.resolvedQuestion().toLowerCase(Locale.ROOT);
        return previous.citations().stream()
                .map(Citation::title)
                .filter(t -> !t.isBlank() && !t.equals(title))
                .anyMatch(t -> carried.contains(t.toLowerCase(Locale.ROOT)));
    }

    /** A question asking for one of several ("which tier ...?", "the cheapest one?", "who is ...?", "¿cuál ...?"). */
    private static final Pattern PICKS_ONE = Pattern.compile(
            "\\b(which|who|whom|cheapest|priciest|least|most|best|closest|nearest|oldest|newest|biggest|smallest|cu[aá]l"
                    + "|quel(le)?s?|m[aá]s|plus)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /**
     * The section of a page an answer picked among its siblings: the one heading of a group of sibling headings (the
     * tiers of a club) whose words the answer holds, when the question named none of them ("Our least expensive tier is
     * Jumper ..." picks "Jumper"). A follow-up's "that" ("how many bottles is that?") is then that section.
     *
     * @param page the markdown of the page the answer cited first
     * @return empty when the answer names none or several headings of every group, or the question named one
     */
    static Optional<String> pickedSection(String question, String answer, String page, TermAnalyzer analyzer) {
        Set<String> asked = analyzer.terms(question);
        Set<String> said = analyzer.terms(answer);
        for (List<String> siblings : siblingHeadings(page)) {
            List<String> named = siblings.stream()
                    .filter(h -> {
                        Set<String> terms = analyzer.terms(h);
                        return !terms.isEmpty() && said.containsAll(terms);
                    })
                    .toList();
            boolean askedOne = siblings.stream().anyMatch(h -> {
                Set<String> terms = analyzer.terms(h);
                return !terms.isEmpty() && asked.containsAll(terms);
            });
            if (named.size() == 1 && !askedOne) {
                return Optional.of(named.getFirst());
            }
        }
        return Optional.empty();
    }

    /**
     * The carried topic without the words the question swaps: a word of the carried topic goes when it belongs to one
     * of {@link #SWAPPED_CLASSES} (days, months) and the question names another word of that class but not this one.
     * "may" is also a verb in English ("may I ...") and counts as the month only capitalised.
     *
     * @param question the visitor's words this turn
     * @param carried the topic carried from the previous turn
     * @return the carried topic, its other words and their order kept
     */
    static String withoutSwapped(String question, String carried) {
        Set<String> named = slotWords(question);
        if (named.isEmpty()) {
            return carried;
        }
        StringBuilder kept = new StringBuilder();
        for (String word : carried.split("\\s+")) {
            if (swappedOut(slotWord(word), named) == null) {
                kept.append(kept.isEmpty() ? "" : " ").append(word);
            }
        }
        return kept.toString();
    }

    /** The words of the carried topic the question swaps, "thursday -> sunday", for the test bench. */
    private static String swappedWords(String question, String carried) {
        Set<String> named = slotWords(question);
        Set<String> dropped = new LinkedHashSet<>();
        for (String word : carried.split("\\s+")) {
            String slot = swappedOut(slotWord(word), named);
            if (slot != null) {
                dropped.add(slot);
            }
        }
        return String.join(" ", dropped) + " -> " + String.join(" ", named);
    }

    /** The carried word's slot when the question names another of its class and not it, else null. */
    private static String swappedOut(String slot, Set<String> named) {
        return slot != null && !named.contains(slot) && sameClassNamed(slot, named) ? slot : null;
    }

    private static boolean sameClassNamed(String slot, Set<String> named) {
        return SWAPPED_CLASSES.stream()
                .anyMatch(c -> c.contains(slot) && named.stream().anyMatch(c::contains));
    }

    private static Set<String> slotWords(String text) {
        Set<String> words = new LinkedHashSet<>();
        for (String word : text.split("\\s+")) {
            String slot = slotWord(word);
            if (slot != null) {
                words.add(slot);
            }
        }
        return words;
    }

    /** A word's folded form when it is one of a swapped class ("Sundays?" is "sunday"), else null. */
    private static String slotWord(String word) {
        String folded = TermAnalyzer.fold(word);
        int space = folded.indexOf(' ');
        if (space >= 0) {
            folded = folded.substring(0, space); // "aujourd'hui" folds to "aujourd hui"
        }
        if (folded.equals("may") && !word.startsWith("May")) {
            return null;
        }
        for (Set<String> c : SWAPPED_CLASSES) {
            if (c.contains(folded)) {
                return folded;
            }
            if (folded.endsWith("s") && c.contains(folded.substring(0, folded.length() - 1))) {
                return folded.substring(0, folded.length() - 1);
            }
        }
        return null;
    }

    /** Whether a line starts with a label of at most eight words and a colon ("Grand Prix: 6 bottles"). */
    private static boolean labelled(String line) {
        int colon = line.indexOf(": ");
        return colon > 0 && line.substring(0, colon).strip().split("\\s+").length <= 8;
    }

    /**
     * The item of the previous answer an ordinal names ("the second one"): its label, else its first ten words. Of
     * quoted lines some of which go on from a labelled one, only the labelled lines are items.
     */
    static Optional<String> ordinalItem(String question, String previousAnswer) {
        Matcher m = ORDINAL.matcher(question);
        if (!m.find()) {
            return Optional.empty();
        }
        String which = (m.group(1) != null ? m.group(1) : m.group(2)).toLowerCase(Locale.ROOT);
        List<String> bullets = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        Matcher item = ITEM.matcher(previousAnswer);
        while (item.find()) {
            if (item.group(1) != null) {
                bullets.add(item.group(1).replace("**", "").strip());
            } else {
                titles.add(item.group(2).strip());
            }
        }
        // Quoted lines under their sections' labels ("- Wine Selection Process: ...") with lines that go on from them
        // (no label of their own): only the labelled lines are items.
        List<String> labelled =
                bullets.stream().filter(FollowUpResolver::labelled).toList();
        if (!labelled.isEmpty() && labelled.size() < bullets.size()) {
            bullets = labelled;
        }
        List<String> items = bullets.size() >= 2 ? bullets : titles;
        if (items.size() < 2) {
            return Optional.empty();
        }
        int index = switch (which) {
            case "first", "primer", "primero", "primera", "premier", "première", "premiere" -> 0;
            case "second", "segundo", "segunda", "deuxième" -> 1;
            case "third", "tercer", "tercero", "tercera", "troisième" -> 2;
            case "fourth" -> 3;
            case "fifth" -> 4;
            // of an even number of items none is in the middle
            case "middle" -> items.size() % 2 == 1 ? items.size() / 2 : items.size();
            default -> items.size() - 1;
        };
        if (index >= items.size()) {
            return Optional.empty();
        }
        // An item is named by its label ("Four Hands Dinner - February 22: chefs cook together"), else its first words.
        String chosen = items.get(index);
        int colon = chosen.indexOf(": ");
        String label = colon > 0 ? chosen.substring(0, colon).strip() : chosen;
        String[] words = label.split("\\s+");
        return Optional.of(String.join(" ", List.of(words).subList(0, Math.min(words.length, 10))));
    }
}
