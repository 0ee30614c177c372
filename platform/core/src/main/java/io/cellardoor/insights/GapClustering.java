package io.cellardoor.insights;

import java.util.ArrayList;
import java.util.List;

/**
 * Greedy clustering of questions by meaning: each question, in the order given (most asked first), joins the first
 * group whose leader (its first question) has a cosine similarity of at least the threshold with it, else starts a
 * group. One pass, O(questions x groups); deterministic for a given order.
 */
final class GapClustering {

    private GapClustering() {}

    /**
     * Groups L2-normalised embeddings.
     *
     * @param embeddings one per question, same length, L2-normalised (cosine is the dot product)
     * @param threshold minimum cosine similarity with a group's leader, in [-1, 1]
     * @return groups of indexes into {@code embeddings}, each in input order, groups in order of their leaders
     */
    static List<List<Integer>> group(List<float[]> embeddings, double threshold) {
        List<List<Integer>> groups = new ArrayList<>();
        for (int i = 0; i < embeddings.size(); i++) {
            List<Integer> home = null;
            for (List<Integer> g : groups) {
                if (cosine(embeddings.get(g.get(0)), embeddings.get(i)) >= threshold) {
                    home = g;
                    break;
                }
            }
            if (home == null) {
                home = new ArrayList<>();
                groups.add(home);
            }
            home.add(i);
        }
        return groups;
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }
}
