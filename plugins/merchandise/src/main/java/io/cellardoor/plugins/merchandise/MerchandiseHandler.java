package io.cellardoor.plugins.merchandise;

import io.cellardoor.plugin.api.DirectAnswer;
import io.cellardoor.plugin.api.DocumentSummary;
import io.cellardoor.plugin.api.DomainHandler;
import io.cellardoor.plugin.api.HandlerResult;
import io.cellardoor.plugin.api.PluginContext;
import io.cellardoor.plugin.api.RetrievalPlan;
import io.cellardoor.plugin.api.UserQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves the product or dish a question names and boosts its page; answers a pure price question about one
 * clearly named item ("price on the tofu bao bun?") from the page's price line.
 */
public final class MerchandiseHandler implements DomainHandler {

    static final String DOMAIN = "merchandise";
    private static final int K = 8;
    private static final int MAX_BOOSTED = 5;
    private static final double WINE_WEIGHT = 0.8;

    private static final Pattern PRICE_QUESTION =
            Pattern.compile("\\b(how much|prices?|priced|pricing|costs?|combien|prix|cuanto|cuesta|precio)\\b|\\$");
    private static final Pattern PRICE_LINE =
            Pattern.compile("(?i)\\bprice\\W{0,6}(\\$\\s?\\d[\\d,]*(?:\\.\\d{1,2})?)");
    private static final Pattern WINE_PAIRING =
            Pattern.compile("\\b(wines?|pair\\w*|go(es)? (well )?with|drink with)\\b");

    /** Creates the handler; stateless. */
    public MerchandiseHandler() {}

    @Override
    public HandlerResult handle(UserQuery query, PluginContext context) {
        String text = query.normalized();
        ProductNames.Match match = ProductNames.resolve(query.text(), context.listDocuments(DOMAIN));
        List<String> boosted = match.products().stream()
                .limit(MAX_BOOSTED)
                .map(DocumentSummary::path)
                .toList();
        List<String> prompt = new ArrayList<>();
        prompt.add(
                "Quote each item's price exactly as its page states it, with sizes or options when the page lists them.");
        prompt.add(
                "Describe a dish only as its menu page does; if the page has no description, say so rather than guess.");
        RetrievalPlan plan = RetrievalPlan.defaults(K);
        if (WINE_PAIRING.matcher(text).find()) {
            plan = new RetrievalPlan(K, Map.of(DOMAIN, 1.0, "wine", WINE_WEIGHT), List.of());
            prompt.add("Suggest only wines whose own pages mention this dish or a similar one.");
        }
        Optional<DirectAnswer> answer = Optional.empty();
        if (PRICE_QUESTION.matcher(text).find() && match.single() && match.namesOnly()) {
            answer = priceAnswer(match.products(), context);
        }
        return new HandlerResult(plan.boosting(boosted), prompt, answer);
    }

    /** "The Tofu Bao Bun is $14.00.", citing every page of that name; empty without a price line. */
    private static Optional<DirectAnswer> priceAnswer(List<DocumentSummary> pages, PluginContext context) {
        List<String> prices = new ArrayList<>();
        for (DocumentSummary page : pages) {
            context.readDocument(page.path())
                    .map(d -> PRICE_LINE.matcher(d.text()))
                    .filter(Matcher::find)
                    .ifPresent(m -> prices.add(m.group(1).replace(" ", "")));
        }
        if (prices.size() != pages.size() || prices.stream().distinct().count() != 1) {
            return Optional.empty();
        }
        String title = pages.get(0).title().strip().replaceAll("[\\s.,;:!]+$", "");
        List<String> sources = pages.stream().map(DocumentSummary::path).toList();
        return Optional.of(new DirectAnswer("The " + title + " is " + prices.get(0) + ".", sources, 0.9));
    }
}
