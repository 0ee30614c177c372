package io.cellardoor.identity;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Tells requests that reached the management server (a separate {@code management.server.port}) from requests on the
 * visitor port: the main server's port is remembered when it starts, and any other local port is the management one.
 * Without a separate management port every request is on the visitor port.
 */
@Component
class ManagementPort implements ApplicationListener<WebServerInitializedEvent> {

    private volatile int visitorPort = -1;
    private volatile boolean separate;

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        String namespace = event.getApplicationContext().getServerNamespace();
        if (namespace == null || namespace.isEmpty()) {
            visitorPort = event.getWebServer().getPort();
        } else if ("management".equals(namespace)) {
            separate = true;
        }
    }

    /** Whether the request came in on the separate management port. */
    boolean matches(HttpServletRequest request) {
        return separate && visitorPort > 0 && request.getLocalPort() != visitorPort;
    }
}
