package io.cellardoor.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellardoor.tenant.TenantService;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Bad input gets RFC 9457 problem+json with a stable type. */
class ChatApiProblemIntegrationTests extends IntegrationTestSupport {

    static final String SITE_KEY = "it-problems-key";

    @Autowired
    TenantService tenants;

    @Autowired
    ObjectMapper json;

    @BeforeEach
    void site() {
        tenants.ensureSite(tenants.ensureOrg("it-problems", "Problems"), SITE_KEY, "Problems site");
    }

    void assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("type").asString()).isEqualTo("https://cellardoor.io/problems/" + type);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
    }

    @Test
    void blankMessageIs400() {
        assertProblem(post("/api/v1/chat", SITE_KEY, "{\"message\": \"   \"}"), 400, "blank-message");
        assertProblem(post("/api/v1/chat/stream", SITE_KEY, "{\"conversationId\": null}"), 400, "blank-message");
    }

    @Test
    void overlongMessageIs413() {
        assertProblem(
                post("/api/v1/chat", SITE_KEY, "{\"message\": \"" + "a".repeat(2001) + "\"}"), 413, "message-too-long");
    }

    @Test
    void malformedJsonIs400() {
        assertProblem(post("/api/v1/chat", SITE_KEY, "{\"message\": "), 400, "malformed-request");
    }

    @Test
    void unknownOrMissingSiteKeyIs401() {
        assertProblem(post("/api/v1/chat", "no-such-key", "{\"message\": \"hi\"}"), 401, "unknown-site-key");
        assertProblem(post("/api/v1/chat", null, "{\"message\": \"hi\"}"), 401, "unknown-site-key");
    }

    @Test
    void aMessageOfPunctuationOnlyIsAnsweredNotAnError() {
        HttpResponse<String> response = post("/api/v1/chat", SITE_KEY, "{\"message\": \"???\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json.readTree(response.body()).path("answer").asString()).isNotBlank();
    }

    @Test
    void aConversationIsStoredWithItsFirstTurnAndContinuedByItsId() {
        JsonNode first = json.readTree(post("/api/v1/chat", SITE_KEY, "{\"message\": \"Do you have a wine club?\"}")
                .body());
        String id = first.path("conversationId").asString();
        JsonNode second = json.readTree(
                post("/api/v1/chat", SITE_KEY, "{\"message\": \"And events?\", \"conversationId\": \"" + id + "\"}")
                        .body());
        assertThat(second.path("conversationId").asString()).isEqualTo(id);
        assertThat(asOwner()
                        .sql("SELECT count(*) FROM message WHERE conversation_id = ?::uuid")
                        .param(id)
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
    }
}
