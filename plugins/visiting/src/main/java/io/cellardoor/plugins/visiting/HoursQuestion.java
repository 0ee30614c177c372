package io.cellardoor.plugins.visiting;

import io.cellardoor.plugin.api.UserQuery;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An opening-hours question ("are you open on Tuesday?", "what time do you close on saturday",
 * "horaires d'ouverture ?", "¿abren el lunes?").
 *
 * @param days the days it names, in the order named; empty for the whole week
 * @param asksLast it asks for the latest or last tasting, reservation or seating
 * @param yesNo it asks whether (not when) the tasting room is open
 * @param words the question's words, which say which last call it asks about
 * @param relative the day it names relative to today ("today", "tomorrow", "right now", "hoy", "demain"); empty when it
 *     names none
 */
record HoursQuestion(
        List<DayOfWeek> days, boolean asksLast, boolean yesNo, List<String> words, Optional<Relative> relative) {

    /** A day named relative to the visitor's today. */
    enum Relative {
        /** "today", "tonight", "hoy", "aujourd'hui". */
        TODAY(0),
        /** "right now", "currently", "ahora", "maintenant": today, and whether open at this time. */
        NOW(0),
        /** "tomorrow", "mañana", "demain". */
        TOMORROW(1);

        /** Days after today. */
        final int days;

        Relative(int days) {
            this.days = days;
        }
    }

    private static final Pattern HOURS = Pattern.compile(
            "\\b(open|opens|opened|opening|clos(e|ed|es|ing)(?! (to|by)\\b)|hours?|hrs"
                    + "|horaires?|heures|ouvert\\w*|fermes?|fermee?s?|horarios?|abiert[oa]s?|abren|abre|cerrad[oa]s?|cierra\\w*"
                    + "|what time|how late|until when|latest|last (tasting|reservation|seating|call|entry|booking|time))\\b");
    /**
     * A month or a day of the month ("in January", "on the 18th", "en enero", "en janvier"): a weekly schedule does not
     * say what happens on a date (seasonal closures, events), so retrieval answers. Not "May", also a verb.
     */
    static final String DATE = "\\b(january|february|march|april|june|july|august|september|october|november|december"
            + "|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|janvier"
            + "|fevrier|mars|avril|juin|juillet|aout|septembre|octobre|novembre|decembre)\\b"
            + "|\\b\\d{1,2}(st|nd|rd|th)\\b";

    /** Questions about something else that happens to say "open" or "hours" are left to retrieval. */
    private static final Pattern OTHER_SUBJECT = Pattern.compile("\\b(dogs?|pups?|puppy|pets?|park\\w*|uber|lyft|taxi"
            + "|address|directions?|prices?|cost|how much|wifi|kids?|children|tours?|hotels?|stay|menu|kitchen|food"
            + "|check ?ins?|check ?outs?|lodging|accommodations?|inns?"
            + "|restaurant|holidays?|christmas|thanksgiving|easter|new years?|memorial day|labor day|noel|navidad"
            + "|events?|wedding|happy hours?)\\b|\\$|" + DATE);

    /**
     * A question about when the business first opened ("when did the winery open?", "what year did you open?"): its
     * history, not its weekly hours.
     */
    private static final Pattern HISTORY = Pattern.compile("\\b(did|was|were)\\b.*\\bopen(ed)?\\b|\\bopened\\b"
            + "|\\bfirst open\\w*|\\bsince when\\b|\\bwhat year\\b|\\bdepuis quand\\b|\\bdesde cuando\\b");

    private static final Pattern LAST = Pattern.compile("\\b(latest|last|dernier\\w*|derniere|ultim[oa]s?"
            + "|before (you )?clos\\w*|avant (la )?fermeture|antes de(l)? (cerrar|cierre))\\b");
    private static final Pattern YES_NO = Pattern.compile("\\b((are|r) (you|u|ya|y'?all)( guys)? (open|closed)"
            + "|(is|are) (the )?(tasting room|winery|vineyard|it|place|shop) (open|closed)|open on|(vous )?etes( vous)?"
            + " (ouverts?|fermes?)|est ce que|(estan|esta) (abiertos?|cerrados?)|abren|abre)\\b");
    private static final Pattern WHEN = Pattern.compile("\\b(what time|how late|how early|until when|till when"
            + "|a quelle heure|jusqu'a quelle|a que hora|hasta que hora|when do)\\b");

    private static final Map<String, List<DayOfWeek>> DAY_WORDS = dayWords();

    private static final Pattern NOW = Pattern.compile("\\b(right now|open now|closed now|now open|currently"
            + "|at the moment|ahora|ahorita|en este momento|maintenant|en ce moment)\\b");
    private static final Pattern TODAY =
            Pattern.compile("\\b(today|tonight|this (evening|afternoon)|hoy|esta (noche|tarde)"
                    + "|aujourd'?hui|ce soir|cet apres midi)\\b");
    /** "Mañana" after an article or "por" is the morning, not tomorrow. */
    private static final Pattern TOMORROW =
            Pattern.compile("\\b(tomorrow|tmrw|tmr|demain|(?<!(la|por|de|en) )manana)\\b");

    /**
     * Words a follow-up that only swaps the day keeps ("and sunday?", "what about the weekend?", "et le samedi ?"):
     * such a follow-up asks the hours question of the turn before.
     */
    private static final java.util.Set<String> SWAP = java.util.Set.of(
            "and", "what", "whats", "about", "how", "on", "the", "then", "also", "this", "next", "coming", "y", "el",
            "los", "et", "le", "la", "les", "pour", "por", "de", "du");

    /**
     * The hours question the query asks, if it asks one. A follow-up asks one when its own words do, or when it only
     * names a day ("and sunday?") after a turn that did; "do I need a reservation?" after "what are your hours?" asks
     * something else.
     */
    static Optional<HoursQuestion> of(UserQuery query) {
        String text = query.normalized();
        String focus = query.normalizedFocus();
        Optional<Relative> relative = relative(focus);
        boolean swapsDay =
                (java.util.Arrays.stream(focus.split(" ")).anyMatch(DAY_WORDS::containsKey) || relative.isPresent())
                        && java.util.Arrays.stream(focus.split(" "))
                                .allMatch(w -> w.isEmpty()
                                        || DAY_WORDS.containsKey(w)
                                        || SWAP.contains(w)
                                        || relative(w).isPresent());
        if (!HOURS.matcher(swapsDay ? text : focus).find()
                || OTHER_SUBJECT.matcher(text).find()
                || HISTORY.matcher(text).find()) {
            return Optional.empty();
        }
        List<DayOfWeek> days = new ArrayList<>();
        for (String word : query.words()) {
            for (DayOfWeek day : DAY_WORDS.getOrDefault(word, List.of())) {
                if (!days.contains(day)) {
                    days.add(day);
                }
            }
        }
        boolean yesNo = YES_NO.matcher(text).find() && !WHEN.matcher(text).find();
        return Optional.of(new HoursQuestion(
                days, LAST.matcher(text).find(), yesNo, query.words(), relative.or(() -> relative(text))));
    }

    /**
     * Season words of a question (English, Spanish, French) and how a page's lines name that season; a question about
     * the whole year ("are you open year round?") reads every closure line.
     */
    private static final List<Map.Entry<Pattern, Pattern>> SEASONS = List.of(
            Map.entry(Pattern.compile("\\b(winter|invierno|hiver)\\b"), Pattern.compile("\\bwinter\\b")),
            Map.entry(Pattern.compile("\\b(spring|primavera|printemps)\\b"), Pattern.compile("\\bspring\\b")),
            Map.entry(Pattern.compile("\\b(summer|verano)\\b"), Pattern.compile("\\bsummer\\b")),
            Map.entry(Pattern.compile("\\b(autumn|fall|otono|automne)\\b"), Pattern.compile("\\b(autumn|fall)\\b")),
            Map.entry(Pattern.compile("\\b(year round|all year|todo el ano|toute l annee)\\b"), Pattern.compile("")));

    /**
     * The season the question names ("open in the winter?", "¿abren en invierno?"), as a pattern over a page's lower-case
     * lines naming it; empty when it names none. The weekly hours hold all year; a season only adds its closure lines.
     */
    Optional<Pattern> season() {
        String text = String.join(" ", words);
        return SEASONS.stream()
                .filter(s -> s.getKey().matcher(text).find())
                .map(Map.Entry::getValue)
                .findFirst();
    }

    /** The day a normalized text names relative to today: "now" before "today" before "tomorrow". */
    private static Optional<Relative> relative(String text) {
        if (NOW.matcher(text).find()) {
            return Optional.of(Relative.NOW);
        }
        if (TODAY.matcher(text).find()) {
            return Optional.of(Relative.TODAY);
        }
        return TOMORROW.matcher(text).find() ? Optional.of(Relative.TOMORROW) : Optional.empty();
    }

    private static Map<String, List<DayOfWeek>> dayWords() {
        Map<String, List<DayOfWeek>> words = new java.util.HashMap<>();
        String[][] names = {
            {"monday", "lundi", "lunes"},
            {"tuesday", "tues", "mardi", "martes"},
            {"wednesday", "weds", "mercredi", "miercoles"},
            {"thursday", "thurs", "jeudi", "jueves"},
            {"friday", "vendredi", "viernes"},
            {"saturday", "samedi", "sabado"},
            {"sunday", "dimanche", "domingo"}
        };
        for (int i = 0; i < names.length; i++) {
            for (String name : names[i]) {
                words.put(name, List.of(DayOfWeek.of(i + 1)));
                words.put(name + "s", List.of(DayOfWeek.of(i + 1)));
            }
        }
        words.put("weekend", List.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
        words.put("weekends", List.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
        return Map.copyOf(words);
    }
}
