package io.cellardoor.plugins.club;

import io.cellardoor.plugin.api.DirectAnswer;
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
 * Plans retrieval for club questions and tells the generator which facts to state for the kind of question
 * (tier and shipment, points, referral, joining or changing a membership). Boosts the loyalty pages for points
 * questions and the section a named tier heads; answers what the club costs or which tiers it has from the tier
 * sections ({@link ClubTiers}), compares the tiers a question names side by side, sets every tier side by side for
 * what membership gives, and lists what loyalty points can be redeemed for and how they are earned ({@link
 * ClubRewards}).
 */
public final class ClubHandler implements DomainHandler {

    static final String DOMAIN = "club";
    private static final int K = 8;

    private static final Pattern TIER = Pattern.compile("\\b(tiers?|levels?|shipments?|bottles?|quarterly)\\b");
    private static final Pattern POINTS =
            Pattern.compile("\\b(points?|miles|rewards?|loyalty|redeem\\w*|expire\\w*" + "|balance|earn\\w*|spend)\\b");
    private static final Pattern REFERRAL =
            Pattern.compile("\\b(referr\\w*|refer|told (my|a) \\w+|because of me" + "|invit\\w*|signed up)\\b");
    private static final Pattern CHANGE =
            Pattern.compile("\\b(join\\w*|sign up|cancel\\w*|pause\\w*|skip\\w*|upgrad\\w*" + "|downgrad\\w*)\\b");
    private static final Pattern HOW_TO = Pattern.compile("\\bhow (do|can|would|should) (i|we)\\b|\\bhow to\\b");
    /** A loyalty page's title, lower-cased ("milea miles loyalty program"). */
    static final Pattern LOYALTY_TITLE = Pattern.compile("\\b(miles|points|loyalty|rewards?)\\b");

    /** Creates the handler; stateless. */
    public ClubHandler() {}

    @Override
    public HandlerResult handle(UserQuery query, PluginContext context) {
        String text = query.normalized();
        List<String> prompt = new ArrayList<>();
        Set<String> boosts = new LinkedHashSet<>(Headings.matching(query, context, DOMAIN));
        if (TIER.matcher(text).find()) {
            prompt.add(
                    "State bottles per shipment, how often shipments come and price per shipment for the tier asked, "
                            + "with its discount and perks; name the tier exactly as the club page does.");
        }
        boolean points = POINTS.matcher(text).find();
        boolean referral = REFERRAL.matcher(text).find();
        if (points) {
            prompt.add("Explain how points are earned and redeemed, how many a reward needs and whether they expire, "
                    + "exactly as the loyalty page states; say plainly when the page does not say.");
        }
        if (referral) {
            prompt.add("State what the member earns for referring a friend who joins, and any condition on it.");
        }
        if (points || referral) {
            for (DocumentSummary document : context.listDocuments(DOMAIN)) {
                if (LOYALTY_TITLE
                        .matcher(document.title().toLowerCase(Locale.ROOT))
                        .find()) {
                    boosts.add(document.path());
                }
            }
        }
        if (CHANGE.matcher(text).find()) {
            prompt.add("Explain how to join, change, pause or cancel a membership only as the club pages describe; "
                    + "if they do not say, give the contact for the club team instead of guessing.");
        }
        if (prompt.isEmpty()) {
            prompt.add("Answer from the club pages; name tiers, prices and benefits exactly as they state them.");
        }
        RetrievalPlan plan = RetrievalPlan.defaults(K).boosting(List.copyOf(boosts));
        Optional<DirectAnswer> direct = ClubTiers.answer(query, context);
        if (direct.isEmpty()) {
            direct = ClubTiers.most(query, context); // "which tier gets the most bottles?"
        }
        if (direct.isEmpty()) {
            direct = ClubRewards.answer(query, context); // "what can I redeem my miles for?", "how do I earn points?"
        }
        // Tiers side by side answer a comparison, not how to move between them or what they earn in points (asked in
        // this turn's words: a follow-up's carried words may name the points page it came from).
        String focus = query.normalizedFocus();
        if (direct.isEmpty()
                && !POINTS.matcher(focus).find()
                && !REFERRAL.matcher(focus).find()
                && !HOW_TO.matcher(focus).find()) {
            direct = ClubTiers.compare(query, context);
            if (direct.isEmpty()) {
                direct = ClubTiers.describe(query, context);
            }
            if (direct.isEmpty()) {
                direct = ClubTiers.benefits(query, context);
            }
        }
        return new HandlerResult(plan, prompt, direct);
    }
}
