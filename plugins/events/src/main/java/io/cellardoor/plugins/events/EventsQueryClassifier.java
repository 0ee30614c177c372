package io.cellardoor.plugins.events;

import io.cellardoor.plugin.api.ClassifierScore;
import io.cellardoor.plugin.api.KeywordClassifier;
import io.cellardoor.plugin.api.QueryClassifier;
import io.cellardoor.plugin.api.UserQuery;

/**
 * Scores event questions: dinners, parties (including club parties), concerts and festivals, tickets, and
 * weddings (married, vows, ceremony, reception, venue) in English with some French and Spanish.
 */
public final class EventsQueryClassifier implements QueryClassifier {

    private static final KeywordClassifier SIGNALS = KeywordClassifier.builder()
            .rule("\\b(events?|eventos?|evenements?|happenings?|calendar|upcoming|line ?up)\\b", 0.5, "event")
            .rule(
                    "\\b(party|parties|fiestas?|fetes?|soirees?|celebrations?|celebrate|galas?|fundraisers?)\\b",
                    0.5,
                    "party")
            .rule(
                    "\\b(club|pick ?up|release|spring|summer|fall|autumn|winter|holiday|harvest|halloween|christmas"
                            + "|birthday|anniversary|bachelorette|engagement|retirement|company|office) part(y|ies)\\b",
                    0.4,
                    "named party")
            .rule(
                    "\\b(dinners?|luncheons?|suppers?|feasts?|four hands|pop ?ups?|chef'?s table|wine dinners?)\\b",
                    0.45,
                    "dinner")
            .rule(
                    "\\b(concerts?|live music|music|bands?|dj|festivals?|fest|trivia|yoga|workshops?|class(es)?|comedy"
                            + "|paint|movie night|fireworks|sparklers?|send ?off)\\b",
                    0.5,
                    "entertainment")
            .rule(
                    "\\b(weddings?|married|marry|marrying|marriage|vows|ceremony|ceremonies|reception|elop\\w*|engaged"
                            + "|brides?|grooms?|bridal|rehearsal|newlyweds?|boda|bodas|mariage|marier|casar\\w*|nupcias)\\b",
                    0.6,
                    "wedding")
            .rule(
                    "\\b(venues?|rent(al|ing)?|buyout|host (a|my|our|an)|private (events?|party|dining|room)|capacity"
                            + "|headcount|guest count|tent|rain plan)\\b",
                    0.45,
                    "venue")
            .rule(
                    "\\b(tickets?|rsvp|sold out|when is the|what'?s (going )?on (this|tonight|next)|what'?s happening"
                            + "|this (weekend|month)|next (weekend|month))\\b",
                    0.35,
                    "tickets")
            .rule(
                    "\\b(who'?s cooking|whos cooking|chefs?|guest chef|cooking|hosted by|performing|who'?s playing)\\b",
                    0.3,
                    "host")
            .rule("\\b(storms?|rains?|raining|weather|forecast)\\b", 0.15, "weather")
            .rule("\\b(plus ones?|bring (a|my) (friend|guest|date)|guests?)\\b", 0.2, "guest")
            .build();

    @Override
    public ClassifierScore classify(UserQuery query) {
        return SIGNALS.classify(query);
    }
}
