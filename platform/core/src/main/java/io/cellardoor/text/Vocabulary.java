package io.cellardoor.text;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Words visitors use mapped to the words knowledge pages use, as the loaded domain plugins contribute them
 * ({@code DomainPlugin.synonyms()}), plus a few generic chat shorthands of English ("u", "hrs", "bday"). The host
 * replaces the plugin part whenever plugins load or unload. Keys are folded (lower case, no accents). Thread-safe.
 */
@Component
public class Vocabulary {

    /** Generic chat shorthand of English, not the vocabulary of any business. */
    private static final Map<String, List<String>> SHORTHAND = Map.ofEntries(
            Map.entry("u", List.of("you")),
            Map.entry("ur", List.of("your")),
            Map.entry("hrs", List.of("hours")),
            Map.entry("hr", List.of("hour")),
            Map.entry("mins", List.of("minutes")),
            Map.entry("bday", List.of("birthday")),
            Map.entry("ppl", List.of("people")),
            Map.entry("pls", List.of("please")),
            Map.entry("whats", List.of("what")),
            Map.entry("whos", List.of("who")),
            Map.entry("rd", List.of("road")),
            Map.entry("thx", List.of("thanks")));

    private volatile Map<String, List<String>> contributed = Map.of();

    /**
     * Replaces the plugins' contributions: word -> page words. Several plugins' entries for one word are merged.
     *
     * @param synonyms one map per plugin
     */
    public void replace(List<Map<String, List<String>>> synonyms) {
        Map<String, Set<String>> merged = new HashMap<>();
        for (Map<String, List<String>> map : synonyms) {
            map.forEach((word, targets) -> {
                String key = fold(word);
                if (!key.isEmpty() && !key.contains(" ")) {
                    merged.computeIfAbsent(key, k -> new LinkedHashSet<>()).addAll(targets);
                }
            });
        }
        Map<String, List<String>> next = new HashMap<>();
        merged.forEach((k, v) -> next.put(k, List.copyOf(v)));
        contributed = Map.copyOf(next);
    }

    /** The page words a visitor's (folded) word stands for; empty when none is known. */
    public List<String> alternatives(String foldedWord) {
        List<String> plugin = contributed.get(foldedWord);
        List<String> generic = SHORTHAND.get(foldedWord);
        if (plugin == null) {
            return generic == null ? List.of() : generic;
        }
        if (generic == null) {
            return plugin;
        }
        Set<String> both = new LinkedHashSet<>(plugin);
        both.addAll(generic);
        return List.copyOf(both);
    }

    /** How many words the plugins contributed (for the plugin health view and logs). */
    public int size() {
        return contributed.size();
    }

    private static String fold(String word) {
        return Normalizer.normalize(word.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "");
    }
}
