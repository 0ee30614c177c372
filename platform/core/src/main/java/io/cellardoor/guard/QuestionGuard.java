package io.cellardoor.guard;

import io.cellardoor.language.Phrases;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The guard: a small policy that treats instructions inside questions and documents as data.
 *
 * <p>A message is split into sentences. Sentences that address the assistant's own behaviour (persona switches,
 * "ignore the above", "from now on answer only with ...", "repeat after me: ...", fake system or developer messages)
 * are dropped, and the rest is answered as usual, so a question carrying a fake system message still gets its
 * legitimate part answered. Then the remaining text is checked against the requests no answer may grant, whatever the
 * knowledge says: other people's personal, account or payment data; promotion or discount codes; deceiving or harming
 * other people (fake reviews, secretly intoxicating someone); misuse (hacking, stealing, scams); and political
 * opinions. Those are declined. A message that was nothing but instructions is declined too. A visitor under the drinking age asking to buy or drink gets the age policy instead
 * of an answer to the rest. Rules match generic wording, never a particular business's vocabulary.
 *
 * <p>{@link #isInstruction(String)} applies the same instruction rule to knowledge text: the answer path drops such
 * sentences from retrieved passages, so a poisoned document changes nothing but its own content.
 */
@Component
public class QuestionGuard {

    private record Rule(String name, Pattern pattern) {
        Optional<String> match(String text) {
            Matcher m = pattern.matcher(text);
            return m.find() ? Optional.of(name + ": \"" + m.group().strip() + "\"") : Optional.empty();
        }
    }

    private static Rule rule(String name, String regex) {
        return new Rule(name, Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    }

    /** Sentences that try to change how the assistant behaves. */
    private static final List<Rule> INSTRUCTIONS = List.of(
            rule(
                    "override",
                    "\\b(ignore|disregard|forget|override|bypass)\\b[^.?!]{0,40}\\b(instructions?|rules?|prompts?|"
                            + "guidelines|above|everything|previous|prior|earlier|system)\\b"),
            rule(
                    "persona",
                    "\\b(you are now|you're now|from now on|pretend (to be|you are|you're)|role[- ]?play|"
                            + "act(ing)? as (if you|an? (\\w+ ){0,2}(assistant|bot|ai|model|chatbot|character|persona))|"
                            + "you'?re [A-Z][\\w-]*GPT|developer mode|jailbreak|\\bDAN\\b)"),
            rule(
                    "rule-free",
                    "\\b(don'?t|do not|never|doesn'?t) (follow|obey|have) (any )?(rules|restrictions|guidelines)\\b|"
                            + "\\b(bot|ai|assistant|model|you)\\b[^.?!]{0,20}\\b(with|has|have) no (rules|restrictions|"
                            + "filters|limits)\\b"),
            rule(
                    "answer-only-with",
                    "\\b(answer|respond|reply|say|print|output|repeat)\\b[^.?!]{0,40}\\b(only|exactly|just)\\b[^.?!]{0,10}"
                            + "(with|:)?\\s*['\"“‘]"),
            rule(
                    "dictation",
                    "\\b(repeat|say|type|write) (after me|(this|the following)( exactly| word for word)?\\s*:)"),
            rule(
                    "fake-system-message",
                    "(^|\\s|\\[|<)(system|assistant|developer)\\s*(:|\\]|>)|<\\|im_start\\|>|###\\s*(instruction|system)|"
                            + "\\b(system|developer|admin) (prompt|message|override|notice)\\b"),
            rule(
                    "reveal-instructions",
                    "\\b(reveal|show|print|repeat|tell me)\\b[^.?!]{0,30}\\b(your|the) (system )?(prompt|instructions)"));

    /** Requests declined whatever the knowledge says, with the phrase the visitor gets. */
    private record Refusal(Rule rule, Phrases.Key phrase) {}

    private static final List<Refusal> REFUSALS = List.of(
            new Refusal(
                    rule(
                            "payment-data",
                            "\\b(last (4|four) digits|card on file|card number|credit card (number|details|info)|cvv|"
                                    + "security code|social security|bank (account|details)|(account|login|my|his|her|"
                                    + "their) password|password (for|to|of) (my|his|her|their|the|an?) account)\\b"),
                    Phrases.Key.PRIVATE_DATA),
            new Refusal(
                    rule(
                            "someone-else's-data",
                            "\\b(address|phone( number)?|e-?mail|account|order history|membership details|details)\\b"
                                    + "[^.?!]{0,40}\\b(on file|on (his|her|their|the) account|of (a|another|other) "
                                    + "(member|customer|guest)s?)\\b|\\b(his|her|their|my (husband|wife|partner|friend|"
                                    + "mother|father)'?s?|another (member|customer|guest)'?s?|someone('s| else'?s))\\b"
                                    + "[^.?!]{0,30}\\b(address|phone number|e-?mail|account details|card)\\b"),
                    Phrases.Key.PRIVATE_DATA),
            new Refusal(
                    rule(
                            "codes",
                            "\\b(discount|promo(tion)?|coupon|voucher|gift card|referral)[- ]codes?\\b|"
                                    + "\\b100\\s*%\\s*(discount|off)\\b|\\bfree (stuff|bottles?) code\\b"),
                    Phrases.Key.CANNOT_HELP),
            new Refusal(
                    rule(
                            "deception",
                            "\\bfake\\b[^.?!]{0,30}\\b(reviews?|ratings?|testimonials?|endorsements?)\\b|"
                                    + "\\b(reviews?|ratings?|testimonials?)\\b[^.?!]{0,40}\\b(from different|as if|"
                                    + "pretending|pretend)\\b|\\bimpersonat\\w*"),
                    Phrases.Key.CANNOT_HELP),
            new Refusal(
                    rule(
                            "harm-to-others",
                            "\\b(slip|sneak|spike|put|pour)\\b[^.?!]{0,40}\\b(into|in)\\b[^.?!]{0,30}\\b(drink|glass|"
                                    + "food)\\b[^.?!]{0,40}\\b(without|before)\\b|\\bwithout (him|her|them|my \\w+) "
                                    + "(knowing|noticing)\\b|\\bbefore (he|she|they) (notices?|knows?|finds out)\\b|"
                                    + "\\b(drug|poison|roofie)\\b[^.?!]{0,20}\\b(someone|him|her|them|my)\\b"),
                    Phrases.Key.CANNOT_HELP),
            new Refusal(
                    rule(
                            "misuse",
                            // "a steal at $30" and "is this giveaway a scam?" are no requests to do either
                            "\\b(hack|hacking|hacked|shoplift\\w*)\\b|\\bhow (do|can|could|would|should) (i|we|you|one)"
                                    + " (steal|scam|cheat|exploit)\\b"),
                    Phrases.Key.CANNOT_HELP),
            new Refusal(
                    rule(
                            "politics",
                            "\\b(who|which (party|candidate))\\b[^.?!]{0,30}\\bvote\\b|\\b(election|elections|"
                                    + "presidential|political part(y|ies)|democrats?|republicans?|"
                                    + "left[- ]wing|right[- ]wing)\\b"),
                    Phrases.Key.CANNOT_HELP));

    /**
     * A visitor under the drinking age asking to buy or drink: whatever else they ask, the answer is the business's age
     * policy, so the question is replaced by one that retrieves it.
     */
    private static final Rule UNDERAGE = rule(
            "underage",
            "\\b(i'?m|i am|we'?re|we are|he'?s|she'?s|my (son|daughter|kid) is)\\s+(only\\s+)?(1[0-9]|under ?21|"
                    + "underage|not (yet )?21)\\b|\\bunder[- ]?age\\b|\\bunder 21\\b|\\btengo 1[0-9]\\b|"
                    + "\\bj'ai 1[0-9] ans\\b");

    private static final Pattern ALCOHOL = Pattern.compile(
            "\\b(buy|sell|order|purchase|drink|taste|tasting|serve|wine|wines|alcohol|bottles?|case|beer|gin|"
                    + "comprar|vender|beber|vino|acheter|boire|vin)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** The question an underage purchase or drinking request is answered with. */
    static final String AGE_POLICY_QUESTION = "What is the minimum age to buy or drink alcohol?";

    /** Sentence ends: punctuation followed by space, or a line break. */
    private static final Pattern SENTENCES = Pattern.compile("(?<=[.!?¡¿])\\s+|\\n+");

    /** A word of at least two letters: what makes a remainder worth answering. */
    private static final Pattern WORD = Pattern.compile("\\p{L}{2,}");

    /**
     * Checks a visitor's message.
     *
     * @param message the message as typed, not blank
     */
    public GuardVerdict check(String message) {
        List<String> matched = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        for (String sentence : SENTENCES.split(message.strip())) {
            List<String> hits = instructionRules(sentence);
            if (hits.isEmpty()) {
                kept.add(sentence);
            } else {
                matched.addAll(hits);
            }
        }
        String question = String.join(" ", kept).strip();
        for (Refusal refusal : REFUSALS) {
            Optional<String> hit = refusal.rule().match(question.isEmpty() ? message : question);
            if (hit.isPresent()) {
                matched.add(hit.get());
                return new GuardVerdict("", Optional.of(refusal.phrase()), matched);
            }
        }
        Optional<String> underage = UNDERAGE.match(question);
        if (underage.isPresent() && ALCOHOL.matcher(question).find()) {
            matched.add(underage.get());
            return new GuardVerdict(AGE_POLICY_QUESTION, Optional.empty(), matched);
        }
        if (!WORD.matcher(question).find()) {
            return new GuardVerdict(
                    "", Optional.of(Phrases.Key.CANNOT_HELP), matched.isEmpty() ? List.of("empty") : matched);
        }
        return new GuardVerdict(question, Optional.empty(), matched);
    }

    /** Whether a sentence (of a question or of a knowledge document) tries to instruct the assistant. */
    public boolean isInstruction(String sentence) {
        return !instructionRules(sentence).isEmpty();
    }

    private static List<String> instructionRules(String sentence) {
        List<String> hits = new ArrayList<>();
        for (Rule rule : INSTRUCTIONS) {
            rule.match(sentence).ifPresent(hits::add);
        }
        return hits;
    }
}
