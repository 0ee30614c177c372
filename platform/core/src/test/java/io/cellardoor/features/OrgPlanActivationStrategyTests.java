package io.cellardoor.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellardoor.billing.Plan;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.togglz.core.repository.FeatureState;
import org.togglz.core.user.SimpleFeatureUser;

class OrgPlanActivationStrategyTests {

    static final Plan FREE = plan("free", Set.of("handoff", "feedback"));
    static final Plan PRO = plan("pro", Set.of("handoff", "feedback", "llm-answers"));

    final OrgPlanActivationStrategy strategy = new OrgPlanActivationStrategy();

    static Plan plan(String id, Set<String> features) {
        return new Plan(id, id, 100, -1, -1, List.of(), features, null, null, null);
    }

    static SimpleFeatureUser user(String org, Plan plan, String visitor, Map<String, Boolean> overrides) {
        SimpleFeatureUser user = new SimpleFeatureUser(visitor == null ? "anonymous" : visitor);
        user.setAttribute(OrgPlanActivationStrategy.ATTR_ORG, org);
        user.setAttribute(OrgPlanActivationStrategy.ATTR_PLAN, plan);
        user.setAttribute(OrgPlanActivationStrategy.ATTR_OVERRIDES, overrides);
        if (visitor != null) {
            user.setAttribute(OrgPlanActivationStrategy.ATTR_VISITOR, visitor);
        }
        return user;
    }

    static FeatureState state(Feature f, String plans, String orgs, int percentage) {
        return new FeatureState(f, true)
                .setStrategyId(OrgPlanActivationStrategy.ID)
                .setParameter(OrgPlanActivationStrategy.PLANS, plans)
                .setParameter(OrgPlanActivationStrategy.ORGS, orgs)
                .setParameter(OrgPlanActivationStrategy.PERCENTAGE, Integer.toString(percentage));
    }

    @Test
    void aPlanGetsWhatItUnlocksAndNothingElse() {
        assertThat(strategy.isActive(state(Feature.LLM_ANSWERS, "", "", 100), user("a", FREE, null, Map.of())))
                .isFalse();
        assertThat(strategy.isActive(state(Feature.LLM_ANSWERS, "", "", 100), user("a", PRO, null, Map.of())))
                .isTrue();
        assertThat(strategy.isActive(state(Feature.HANDOFF, "", "", 100), user("a", FREE, null, Map.of())))
                .isTrue();
    }

    @Test
    void thePlatformAdminsPlansAndOrgsParametersWidenOrNarrow() {
        FeatureState proOnly = state(Feature.HANDOFF, "pro", "", 100);
        assertThat(strategy.isActive(proOnly, user("a", FREE, null, Map.of()))).isFalse();
        assertThat(strategy.isActive(proOnly, user("a", PRO, null, Map.of()))).isTrue();
        FeatureState forOrg = state(Feature.LLM_ANSWERS, "", "vip, other", 100);
        assertThat(strategy.isActive(forOrg, user("vip", FREE, null, Map.of()))).isTrue();
        assertThat(strategy.isActive(forOrg, user("a", FREE, null, Map.of()))).isFalse();
    }

    @Test
    void anOrgSwitchTurnsOffAndCannotUnlock() {
        FeatureState handoff = state(Feature.HANDOFF, "", "", 100);
        assertThat(strategy.isActive(handoff, user("a", FREE, null, Map.of("handoff", false))))
                .isFalse();
        FeatureState llm = state(Feature.LLM_ANSWERS, "", "", 100);
        assertThat(strategy.isActive(llm, user("a", FREE, null, Map.of("llm-answers", true))))
                .isFalse();
    }

    @Test
    void aPartialRolloutSplitsVisitorsStablyAndLeavesAnonymousTurnsOut() {
        FeatureState half = state(Feature.FEEDBACK, "", "", 50);
        int on = 0;
        for (int i = 0; i < 1000; i++) {
            String visitor = UUID.nameUUIDFromBytes(("v" + i).getBytes()).toString();
            boolean first = strategy.isActive(half, user("a", FREE, visitor, Map.of()));
            assertThat(strategy.isActive(half, user("a", FREE, visitor, Map.of())))
                    .isEqualTo(first);
            on += first ? 1 : 0;
        }
        assertThat(on).isBetween(400, 600);
        assertThat(strategy.isActive(half, user("a", FREE, null, Map.of()))).isFalse();
        assertThat(strategy.isActive(state(Feature.FEEDBACK, "", "", 0), user("a", FREE, "x", Map.of())))
                .isFalse();
        // An org that switched it on explicitly gets it for every visitor.
        assertThat(strategy.isActive(half, user("a", FREE, null, Map.of("feedback", true))))
                .isTrue();
    }

    @Test
    void withoutPlanOrUserNothingIsActive() {
        assertThat(strategy.isActive(state(Feature.FEEDBACK, "", "", 100), null))
                .isFalse();
        assertThat(strategy.isActive(state(Feature.FEEDBACK, "", "", 100), new SimpleFeatureUser("x")))
                .isFalse();
    }
}
