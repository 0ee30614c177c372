package io.cellardoor.widget;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Widget-facing API settings ({@code cellardoor.widget.*}).
 *
 * @param visitorRequestsPerMinute chat, feedback and handoff requests one visitor (or one IP without a token) may
 *     make per minute before 429
 * @param siteRequestsPerMinute requests one site may take per minute, all visitors together, before 429
 */
@ConfigurationProperties("cellardoor.widget")
public record WidgetProperties(int visitorRequestsPerMinute, int siteRequestsPerMinute) {

    public WidgetProperties {
        visitorRequestsPerMinute = visitorRequestsPerMinute <= 0 ? 30 : visitorRequestsPerMinute;
        siteRequestsPerMinute = siteRequestsPerMinute <= 0 ? 1200 : siteRequestsPerMinute;
    }
}
