package io.cellardoor.chat;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the answer path ({@code cellardoor.chat.*}). The weights are chosen on the evaluation's {@code tune}
 * split (docs/evaluation.md) and multiply the fused retrieval score of a passage by the domain of its folder.
 *
 * @param retrieveK passages retrieved once per question (default 12)
 * @param primaryWeight weight of the routed domain's folders (default 1.0)
 * @param relatedWeight weight of the routed domain's related domains' folders (default 0.85)
 * @param otherDomainWeight weight of other plugins' folders when a plugin claimed the question (default 0.7)
 * @param unownedWeight weight of folders no plugin owns when a plugin claimed the question (default 0.8)
 * @param maxCitations most citations an answer shows (default 5)
 */
@ConfigurationProperties("cellardoor.chat")
public record ChatProperties(
        int retrieveK,
        double primaryWeight,
        double relatedWeight,
        double otherDomainWeight,
        double unownedWeight,
        int maxCitations) {

    public ChatProperties {
        retrieveK = retrieveK <= 0 ? 12 : Math.min(retrieveK, 50);
        primaryWeight = primaryWeight <= 0 ? 1.0 : primaryWeight;
        relatedWeight = relatedWeight <= 0 ? 0.85 : relatedWeight;
        otherDomainWeight = otherDomainWeight <= 0 ? 0.7 : otherDomainWeight;
        unownedWeight = unownedWeight <= 0 ? 0.8 : unownedWeight;
        maxCitations = maxCitations <= 0 ? 5 : maxCitations;
    }
}
