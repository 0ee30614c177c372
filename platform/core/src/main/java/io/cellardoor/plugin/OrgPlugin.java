package io.cellardoor.plugin;

import java.util.List;

/**
 * A loaded domain plugin as one org sees it.
 *
 * @param pluginId PF4J plugin id (what is enabled or disabled per org)
 * @param domain domain id of its extension
 * @param name the domain's display name
 * @param version plugin version
 * @param calls calls made, all orgs together
 * @param failures calls that threw or ran out of time, all orgs together
 * @param disabled whether the host stopped calling it for everyone (auto-disabled after failures)
 * @param disabledReason why, empty when not
 * @param enabledForOrg whether the org lets it serve its chats (default true)
 * @param settings the settings it declares, with the org's values
 * @param order its plugin's {@code order()}: lower wins classifier ties and contested folders
 * @param folders the normalised knowledge folders it owns (none while auto-disabled)
 * @param conflicts folders it claims that another loaded domain claims too, with the owner each went to
 */
public record OrgPlugin(
        String pluginId,
        String domain,
        String name,
        String version,
        long calls,
        long failures,
        boolean disabled,
        String disabledReason,
        boolean enabledForOrg,
        List<PluginSetting> settings,
        int order,
        List<String> folders,
        List<FolderConflict> conflicts) {}
