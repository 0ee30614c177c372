package io.cellardoor.chat;

import io.cellardoor.web.ApiProblem;
import io.cellardoor.widget.WidgetCaller;
import java.util.Map;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * The chat WebSocket at {@code /ws/chat} (plain WebSocket, no STOMP, no SockJS). Its handshake passes the widget API's
 * request filter like any widget call (site key from {@code X-Site-Key} or {@code ?siteKey=}, the site's allowed
 * origins, retired keys); a handshake without a known site key is refused with 401 {@code unknown-site-key}. The
 * origin check is the filter's, so the WebSocket layer's own same-origin check is opened. Vaadin's push (Atmosphere,
 * under {@code /admin/}) is a different endpoint and is not touched.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class ChatSocketConfiguration implements WebSocketConfigurer {

    /** The endpoint's path. */
    static final String PATH = "/ws/chat";

    private final ChatSocketHandler handler;

    ChatSocketConfiguration(ChatSocketHandler handler) {
        this.handler = handler;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(handler, PATH)
                .addInterceptors(new CallerInterceptor())
                .setAllowedOriginPatterns("*");
    }

    /** Carries the caller the widget filter resolved into the socket's attributes, or refuses the handshake. */
    static final class CallerInterceptor implements HandshakeInterceptor {

        @Override
        public boolean beforeHandshake(
                ServerHttpRequest request,
                ServerHttpResponse response,
                WebSocketHandler wsHandler,
                Map<String, Object> attributes) {
            Object caller = request instanceof ServletServerHttpRequest servlet
                    ? servlet.getServletRequest().getAttribute(WidgetCaller.ATTRIBUTE)
                    : null;
            if (caller instanceof WidgetCaller c) {
                attributes.put(WidgetCaller.ATTRIBUTE, c);
                attributes.put(
                        "remoteAddress",
                        ((ServletServerHttpRequest) request).getServletRequest().getRemoteAddr());
                return true;
            }
            ApiProblem problem = ApiProblem.unknownSiteKey();
            response.setStatusCode(HttpStatus.UNAUTHORIZED);
            response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
            try {
                response.getBody()
                        .write(("{\"type\":\"" + problem.type() + "\",\"title\":\"" + problem.title()
                                        + "\",\"status\":401}")
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            } catch (java.io.IOException e) {
                // the client went away
            }
            return false;
        }

        @Override
        public void afterHandshake(
                ServerHttpRequest request,
                ServerHttpResponse response,
                WebSocketHandler wsHandler,
                @org.jspecify.annotations.Nullable Exception exception) {}
    }
}
