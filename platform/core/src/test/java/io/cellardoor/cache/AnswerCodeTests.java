package io.cellardoor.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnswerCodeTests {

    private static final String WINE = "a".repeat(64);
    private static final String SHOP = "b".repeat(64);

    @Test
    void theSameBuildAndJarsGiveTheSameValueInAnyOrder() {
        Map<String, String> oneOrder = new LinkedHashMap<>();
        oneOrder.put("wine", WINE);
        oneOrder.put("shop", SHOP);
        Map<String, String> otherOrder = new LinkedHashMap<>();
        otherOrder.put("shop", SHOP);
        otherOrder.put("wine", WINE);

        assertThat(AnswerCode.of("1.0@2026-12-07T01:00:00Z", oneOrder))
                .matches("[0-9a-f]{64}")
                .isEqualTo(AnswerCode.of("1.0@2026-12-07T01:00:00Z", otherOrder));
    }

    @Test
    void anotherBuildOrAReplacedOrMissingJarGivesAnotherValue() {
        String before = AnswerCode.of("1.0@2026-12-07T01:00:00Z", Map.of("wine", WINE, "shop", SHOP));

        assertThat(AnswerCode.of("1.0@2026-12-07T02:00:00Z", Map.of("wine", WINE, "shop", SHOP)))
                .as("a new build")
                .isNotEqualTo(before);
        assertThat(AnswerCode.of("1.0@2026-12-07T01:00:00Z", Map.of("wine", "c".repeat(64), "shop", SHOP)))
                .as("the wine plugin's jar replaced")
                .isNotEqualTo(before);
        assertThat(AnswerCode.of("1.0@2026-12-07T01:00:00Z", Map.of("wine", WINE)))
                .as("the shop plugin unloaded")
                .isNotEqualTo(before);
    }
}
