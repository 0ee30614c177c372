package io.cellardoor.plugins.events;

import io.cellardoor.plugin.api.Passage;
import io.cellardoor.plugin.api.PluginContext;
import io.cellardoor.plugin.api.UserQuery;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Finds the documents whose section headings name what the query names (a dinner, a party). */
final class Headings {

    private static final int SEARCHED = 8;
    private static final int BOOSTED = 2;
    /** Words too common in event headings or questions to identify a section. */
    private static final Set<String> COMMON = Set.of(
            "the",
            "and",
            "for",
            "how",
            "much",
            "many",
            "what",
            "whats",
            "does",
            "with",
            "your",
            "you",
            "can",
            "get",
            "per",
            "event",
            "events",
            "wine",
            "member",
            "members",
            "cost",
            "about",
            "information",
            "when",
            "who",
            "are",
            "any",
            "anything",
            "there",
            "this",
            "that",
            "have",
            "need");

    private Headings() {}

    /**
     * Paths of up to two documents whose passages' headings share the most distinctive words with the query: the
     * turn's passages of the domain, or (fewer than half of {@value #SEARCHED} of them) a search of the domain.
     */
    static List<String> matching(UserQuery query, PluginContext context, String domain) {
        Set<String> asked = words(query.text());
        if (asked.isEmpty()) {
            return List.of();
        }
        // The turn's passages when enough of them are this domain's; a search of the domain only when not.
        List<Passage> passages = context.passages().stream()
                .filter(p -> p.domain().equals(domain))
                .toList();
        if (passages.size() < SEARCHED / 2) {
            passages = context.search(domain, query.text(), SEARCHED);
        }
        int best = passages.stream().mapToInt(p -> overlap(asked, p)).max().orElse(0);
        if (best == 0) {
            return List.of();
        }
        return passages.stream()
                .filter(p -> overlap(asked, p) == best)
                .sorted(Comparator.comparingDouble(Passage::score).reversed())
                .map(Passage::path)
                .distinct()
                .limit(BOOSTED)
                .toList();
    }

    /**
     * Paths of the turn's passages, of any domain, whose title names the most of what the query names, at least two
     * distinctive words: an event's tickets are often sold as a product of their own ("Four Hands Dinner" in the shop),
     * whose page has the price.
     */
    static List<String> titled(UserQuery query, PluginContext context) {
        Set<String> asked = words(query.text());
        int best = context.passages().stream()
                .mapToInt(p -> titleOverlap(asked, p))
                .max()
                .orElse(0);
        if (best < 2) {
            return List.of();
        }
        return context.passages().stream()
                .filter(p -> titleOverlap(asked, p) == best)
                .map(Passage::path)
                .distinct()
                .limit(BOOSTED)
                .toList();
    }

    private static int titleOverlap(Set<String> asked, Passage passage) {
        Set<String> title = words(passage.title());
        return (int) asked.stream().filter(title::contains).count();
    }

    private static int overlap(Set<String> asked, Passage passage) {
        Set<String> heading = words(passage.title() + " " + passage.headingPath());
        return (int) asked.stream().filter(heading::contains).count();
    }

    private static Set<String> words(String text) {
        String folded = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "");
        return Arrays.stream(folded.split("[^\\p{L}\\p{N}]+"))
                .map(w -> w.length() > 4 && w.endsWith("s") ? w.substring(0, w.length() - 1) : w)
                .filter(w -> w.length() >= 3 && !COMMON.contains(w))
                .collect(Collectors.toSet());
    }
}
