package io.cellardoor.plugin;

import io.cellardoor.plugin.api.PluginApi;
import java.util.List;

/**
 * Where a query was routed.
 *
 * @param primary the winning domain id, or {@link PluginApi#GENERAL_DOMAIN} when no plugin claimed it
 * @param related the primary domain's related domains, in priority order
 * @param scores every enabled plugin's verdict, best first
 * @param skipped plugins whose classifier failed or ran out of time for this query
 */
public record Classification(String primary, List<String> related, List<DomainScore> scores, List<String> skipped) {

    /** Whether a plugin claimed the query. */
    public boolean claimed() {
        return !PluginApi.GENERAL_DOMAIN.equals(primary);
    }
}
