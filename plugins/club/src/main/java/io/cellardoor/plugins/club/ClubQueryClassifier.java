package io.cellardoor.plugins.club;

import io.cellardoor.plugin.api.ClassifierScore;
import io.cellardoor.plugin.api.KeywordClassifier;
import io.cellardoor.plugin.api.QueryClassifier;
import io.cellardoor.plugin.api.UserQuery;

/**
 * Scores wine club questions: membership and tiers, shipments, loyalty points or miles, referrals and account
 * changes. A club party is an event, not a club question, so "club" next to party/event words does not count.
 */
public final class ClubQueryClassifier implements QueryClassifier {

    private static final KeywordClassifier SIGNALS = KeywordClassifier.builder()
            .rule(
                    "\\bwine club\\b(?! (party|parties|events?|dinners?))|\\bclub (memberships?|members?|tiers?|shipments?"
                            + "|levels?)\\b",
                    0.6,
                    "wine club")
            .rule("\\bclub\\b(?! (party|parties|events?|dinners?|pick ?up part\\w*))", 0.4, "club")
            .rule(
                    "\\b(memberships?|membresias?|membres?|miembros?|socios?|adhesion|abonnement|suscripcion)\\b",
                    0.55,
                    "membership")
            .rule("\\bmembers?\\b", 0.35, "member")
            .rule("\\b(shipments?|allocations?|quarterly|pick ?up my|club (box|case|pack))\\b", 0.55, "shipment")
            .rule("\\b(tiers?|levels?)\\b", 0.4, "tier")
            .rule(
                    // a number's singular "point" names a thing or a score ("10 Point Gin", "a 92 point wine")
                    "\\b((?<!\\d )point|points|rewards?|loyalty|redeem\\w*|redemption|perks|benefits|fidelite|puntos)\\b",
                    0.5,
                    "loyalty")
            .rule("\\bmiles\\b(?! (from|away|south|north|east|west)\\b)", 0.5, "miles")
            .rule("\\b(spend|earn\\w*|balance|expire\\w*|expiration|accru\\w*|cash (in|out))\\b", 0.2, "account")
            .rule(
                    "\\b(referr\\w*|refer|refers|told (my|a) (friend|buddy|pal|mate|sister|brother|coworker|colleague)"
                            + "|invit\\w* (a )?friends?|because of me)\\b",
                    0.45,
                    "referral")
            .rule(
                    "\\b(join\\w*|sign(ed|ing)? up|signup|cancel\\w*|pause\\w*|skip\\w*|upgrad\\w*|downgrad\\w*"
                            + "|my account|discount\\w*|member pricing)\\b",
                    0.3,
                    "account action")
            .build();

    @Override
    public ClassifierScore classify(UserQuery query) {
        return SIGNALS.classify(query);
    }
}
