package io.cellardoor.plugins.events;

import io.cellardoor.plugin.api.DocumentSummary;
import io.cellardoor.plugin.api.DomainHandler;
import io.cellardoor.plugin.api.HandlerResult;
import io.cellardoor.plugin.api.PluginContext;
import io.cellardoor.plugin.api.RetrievalPlan;
import io.cellardoor.plugin.api.UserQuery;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Plans retrieval for event questions: boosts the page whose title or section heading names the event asked
 * about ("lantern supper", "autumn members picnic"), for a price question also the retrieved page of any domain titled
 * after it (tickets sold as a product of the shop), and, for wedding questions, the wedding pages.
 */
public final class EventsHandler implements DomainHandler {

    static final String DOMAIN = "events";
    private static final int K = 8;
    private static final Pattern WEDDING = Pattern.compile("\\b(weddings?|married|marry|marrying|marriage|vows"
            + "|ceremony|reception|elop\\w*|brides?|grooms?|bridal|rehearsal|boda|mariage)\\b");
    /** Asks what an event costs. */
    private static final Pattern PRICE =
            Pattern.compile("\\b(how much|price[sd]?|costs?|tickets?|fees?|\\$|cu[aá]nto|precio|prix|combien)");

    private static final Pattern GUEST = Pattern.compile(
            "\\b(not a member|isn'?t a member|non ?members?|guests?" + "|plus ones?|bring (a|my) \\w+)\\b");

    /** Creates the handler; stateless. */
    public EventsHandler() {}

    @Override
    public HandlerResult handle(UserQuery query, PluginContext context) {
        String text = query.normalized();
        Set<String> boosts = new LinkedHashSet<>(Headings.matching(query, context, DOMAIN));
        if (PRICE.matcher(text).find()) {
            boosts.addAll(Headings.titled(query, context));
        }
        List<String> prompt = new ArrayList<>();
        if (WEDDING.matcher(text).find()) {
            for (DocumentSummary document : context.listDocuments(DOMAIN)) {
                if ((document.title() + " " + document.path())
                        .toLowerCase(Locale.ROOT)
                        .contains("wedding")) {
                    boosts.add(document.path());
                }
            }
            prompt.add("Quote wedding prices, minimums, fees and what they include exactly as the wedding pages state "
                    + "them, and the venue's rain or weather plan when asked.");
        } else {
            prompt.add("For an event, give its date, time, place and price exactly as the events page states them, "
                    + "and who hosts, cooks or performs when asked.");
        }
        if (GUEST.matcher(text).find()) {
            prompt.add("State member and guest prices separately, and whether members may bring guests.");
        }
        RetrievalPlan plan = RetrievalPlan.defaults(K).boosting(List.copyOf(boosts));
        return new HandlerResult(plan, prompt, Optional.empty());
    }
}
