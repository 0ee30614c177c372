package io.cellardoor.plugin;

import java.util.List;
import java.util.Map;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code pluginHost}: every loaded domain plugin with its calls, failures and
 * whether it was disabled. UP while the host runs: a disabled plugin degrades routing, it does not stop answers.
 */
@Component("pluginHostHealthIndicator")
class PluginHostHealthIndicator extends AbstractHealthIndicator {

    private final PluginCalls calls;

    PluginHostHealthIndicator(PluginCalls calls) {
        super("Plugin host check failed");
        this.calls = calls;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        List<PluginHealth> plugins = calls.health();
        builder.up().withDetail("loaded", plugins.size());
        for (PluginHealth p : plugins) {
            builder.withDetail(
                    p.domain(),
                    Map.of(
                            "plugin", p.pluginId(),
                            "version", p.version(),
                            "calls", p.calls(),
                            "failures", p.failures(),
                            "disabled", p.disabled()));
        }
    }
}
