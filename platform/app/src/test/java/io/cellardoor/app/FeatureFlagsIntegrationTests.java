package io.cellardoor.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Feature flags (Togglz, state in PostgreSQL): an org admin switches off what the plan unlocks and the widget and
 * pipeline follow (suggested questions, feedback, curated answers); an org admin cannot switch on what the plan lacks; a
 * platform admin's global percentage rolls a feature out to part of the visitors; every change is audited.
 */
class FeatureFlagsIntegrationTests extends BillingTestSupport {

    @Test
    void anOrgAdminSwitchesOffWhatThePlanUnlocksAndTheWidgetFollows() {
        long org = org("it-flags", null);
        asOwner()
                .sql("UPDATE site SET suggestions = ? WHERE org_id = ?")
                .params(new String[] {"When are you open?"}, org)
                .update();
        JsonNode flags = get("/api/v1/admin/flags?org=it-flags", "platform-admin");
        assertThat(flags.path("plan").asString()).isEqualTo("free");
        JsonNode llm = flag(flags, "llm-answers");
        assertThat(llm.path("unlocked").asBoolean()).isFalse();
        assertThat(llm.path("active").asBoolean()).isFalse();
        assertThat(flag(flags, "suggested-questions").path("active").asBoolean())
                .isTrue();
        assertThat(config("it-flags").path("suggestions")).hasSize(1);

        // Free does not unlock LLM answers: an org admin cannot switch them on.
        var refused = admin(
                "PUT",
                "/api/v1/admin/flags?org=it-flags",
                "platform-admin",
                Map.of("feature", "llm-answers", "enabled", true));
        assertThat(problem(refused, 403)).isEqualTo("feature-not-in-plan");

        ok(admin(
                "PUT",
                "/api/v1/admin/flags?org=it-flags",
                "platform-admin",
                Map.of("feature", "suggested-questions", "enabled", false)));
        ok(admin(
                "PUT",
                "/api/v1/admin/flags?org=it-flags",
                "platform-admin",
                Map.of("feature", "feedback", "enabled", false)));
        JsonNode config = config("it-flags");
        assertThat(config.path("suggestions")).isEmpty();
        assertThat(config.path("feedback").asBoolean()).isFalse();
        assertThat(config.path("handoff").asBoolean()).isTrue();
        JsonNode answer = answered(ask("it-flags", "When is the tasting room open?"));
        var feedback = send(
                HttpRequest.newBuilder(uri(
                                "/api/v1/messages/" + answer.path("messageId").asLong() + "/feedback"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"rating\": \"up\"}")),
                "it-flags-key");
        assertThat(problem(feedback, 403)).isEqualTo("feature-disabled");

        // Back to the plan's choice (null).
        Map<String, Object> inherit = new HashMap<>();
        inherit.put("feature", "suggested-questions");
        inherit.put("enabled", null);
        ok(admin("PUT", "/api/v1/admin/flags?org=it-flags", "platform-admin", inherit));
        assertThat(config("it-flags").path("suggestions")).hasSize(1);

        // Another org is untouched.
        assertThat(get("/api/v1/admin/flags", "org-admin").findValue("features").findValues("override"))
                .allSatisfy(o -> assertThat(o.isNull()).isTrue());
        assertThat(asOwner()
                        .sql(
                                "SELECT target || ':' || after FROM audit_event WHERE org_id = ? AND action = ? ORDER BY id")
                        .params(org, "feature.override-changed")
                        .query(String.class)
                        .list())
                .containsExactly("suggested-questions:off", "feedback:off", "suggested-questions:plan");
    }

    @Test
    void curatedAnswersFollowTheFlagAndAPlatformAdminRollsAFeatureOutByPercentage() {
        org("it-rollout", null);
        ok(admin(
                "POST",
                "/api/v1/admin/curated-answers?org=it-rollout",
                "platform-admin",
                Map.of("question", "Is there parking?", "answer", "Yes, free parking beside the barn.")));
        assertThat(answered(ask("it-rollout", "Is there parking?"))
                        .path("usage")
                        .path("generator")
                        .asString())
                .isEqualTo("curated");
        ok(admin(
                "PUT",
                "/api/v1/admin/flags?org=it-rollout",
                "platform-admin",
                Map.of("feature", "curated-answers", "enabled", false)));
        assertThat(answered(ask("it-rollout", "Is there parking?"))
                        .path("usage")
                        .path("generator")
                        .asString())
                .isNotEqualTo("curated");

        // Only a platform admin changes the global state.
        var orgAdmin = admin(
                "PUT",
                "/api/v1/admin/flags",
                "org-admin",
                Map.of("feature", "handoff", "scope", "global", "percentage", 0));
        assertThat(problem(orgAdmin, 403)).isEqualTo("forbidden");
        try {
            ok(admin(
                    "PUT",
                    "/api/v1/admin/flags?org=it-rollout",
                    "platform-admin",
                    Map.of("feature", "handoff", "scope", "global", "percentage", 50)));
            JsonNode handoff = flag(get("/api/v1/admin/flags?org=it-rollout", "platform-admin"), "handoff");
            assertThat(handoff.path("percentage").asInt()).isEqualTo(50);
            // Visitors are split by a stable hash: of 40 visitors some get handoff and some do not, each always the
            // same.
            int on = 0;
            for (int i = 0; i < 40; i++) {
                String token = session("it-rollout");
                boolean first = config("it-rollout", token).path("handoff").asBoolean();
                assertThat(config("it-rollout", token).path("handoff").asBoolean())
                        .isEqualTo(first);
                on += first ? 1 : 0;
            }
            assertThat(on).isBetween(5, 35);
            // An anonymous caller (no visitor) is outside a partial rollout.
            assertThat(config("it-rollout").path("handoff").asBoolean()).isFalse();
        } finally {
            ok(admin(
                    "PUT",
                    "/api/v1/admin/flags?org=it-rollout",
                    "platform-admin",
                    Map.of("feature", "handoff", "scope", "global", "percentage", 100)));
        }
        assertThat(asOwner()
                        .sql("SELECT count(*) FROM audit_event WHERE action = 'feature.changed' AND target = 'handoff'")
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(2);
    }

    private static JsonNode flag(JsonNode flags, String id) {
        for (JsonNode f : flags.path("features")) {
            if (f.path("id").asString().equals(id)) {
                return f;
            }
        }
        throw new AssertionError("no flag " + id + " in " + flags);
    }

    private JsonNode config(String slug) {
        return config(slug, null);
    }

    private JsonNode config(String slug, String visitorToken) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri("/api/v1/widget/config")).GET();
        if (visitorToken != null) {
            request.header("X-Visitor-Token", visitorToken);
        }
        var r = send(request, slug + "-key");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    private String session(String slug) {
        var r = send(
                HttpRequest.newBuilder(uri("/api/v1/widget/session"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{}")),
                slug + "-key");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body()).path("visitorToken").asString();
    }
}
