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
 * ({@code DomainPlugin.synonyms()}), plus the generic chat shorthand of English ({@link ChatShorthand}: "u", "hrs",
 * "bday"). The host replaces the plugin part whenever plugins load or unload. Keys are folded (lower case, no accents).
 * Thread-safe.
 */
@Component
public class Vocabulary {

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
        List<String> generic = ChatShorthand.standsFor(foldedWord);
        if (plugin == null || generic.isEmpty()) {
            return plugin == null ? generic : plugin;
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
