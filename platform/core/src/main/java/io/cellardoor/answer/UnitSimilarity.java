package io.cellardoor.answer;

import java.util.List;
import java.util.Optional;

/**
 * How close in meaning short texts (answer units) are to a question, by the embedding model: what lets the extractive
 * generator quote "You must be 21+ to purchase alcohol" for "how old do you have to be to order wine?", which share no
 * word.
 */
interface UnitSimilarity {

    /** No similarity: the generator chooses by words alone. */
    UnitSimilarity NONE = (question, texts) -> Optional.empty();

    /**
     * @param question the question as the visitor asked it
     * @param texts the units' texts
     * @return the cosine similarity of each text to the question, in order, in [-1, 1]; empty when unavailable
     */
    Optional<double[]> of(String question, List<String> texts);
}
