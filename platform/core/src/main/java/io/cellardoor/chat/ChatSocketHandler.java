package io.cellardoor.chat;

import io.cellardoor.answer.Citation;
import io.cellardoor.chat.internal.StreamSlots;
import io.cellardoor.observability.RagMetrics;
import io.cellardoor.plugin.Classification;
import io.cellardoor.web.ApiProblem;
import io.cellardoor.widget.WidgetCaller;
import io.cellardoor.widget.WidgetRateLimits;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/**
 * The chat over a WebSocket: each text message is a chat request ({@code {"message", "conversationId"}}, as the HTTP
 * API's body) and is answered with JSON frames {@code {"type": "meta"}}, {@code token}, one {@code citation} per
 * source, then {@code done} (the same fields as the stream's events), or {@code error} with the problem's
 * {@code problem} type, {@code title}, {@code status} and {@code retryAfter}. Each message is counted against the
 * widget API's rate limits and takes one of the visitor's answer-stream slots, and runs the same pipeline as the SSE
 * endpoint. One answer at a time per socket keeps frames of two answers from interleaving.
 */
@Component
class ChatSocketHandler extends TextWebSocketHandler {

    private static final Logger log = LoggerFactory.getLogger(ChatSocketHandler.class);
    private static final int SEND_TIME_LIMIT_MS = 10_000;
    private static final int BUFFER_LIMIT = 512 * 1024;

    private final ChatService chat;
    private final StreamSlots slots;
    private final WidgetRateLimits limits;
    private final RagMetrics metrics;
    private final ObjectMapper json;
    private final ExecutorService workers = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("chat-socket-", 0).factory());

    ChatSocketHandler(
            ChatService chat, StreamSlots slots, WidgetRateLimits limits, RagMetrics metrics, ObjectMapper json) {
        this.chat = chat;
        this.slots = slots;
        this.limits = limits;
        this.metrics = metrics;
        this.json = json;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        session.setTextMessageSizeLimit(64 * 1024);
        session.getAttributes()
                .put("sender", new ConcurrentWebSocketSessionDecorator(session, SEND_TIME_LIMIT_MS, BUFFER_LIMIT));
        session.getAttributes().put("busy", new java.util.concurrent.Semaphore(1));
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        WebSocketSession out = (WebSocketSession) session.getAttributes().get("sender");
        WidgetCaller caller = (WidgetCaller) session.getAttributes().get(WidgetCaller.ATTRIBUTE);
        String remote = String.valueOf(session.getAttributes().get("remoteAddress"));
        java.util.concurrent.Semaphore busy =
                (java.util.concurrent.Semaphore) session.getAttributes().get("busy");
        String requestId = UUID.randomUUID().toString();
        ChatRequest request;
        try {
            request = json.readValue(message.getPayload(), ChatRequest.class).withoutCacheSetting();
            ChatService.validate(request.message());
        } catch (JacksonException e) {
            error(out, requestId, ApiProblem.invalid("malformed-request", "Malformed request", "Not a chat request."));
            return;
        } catch (ApiProblem e) {
            error(out, requestId, e);
            return;
        }
        long wait = limits.tryTake(caller.site(), caller.visitorId(), remote);
        if (wait > 0) {
            error(
                    out,
                    requestId,
                    ApiProblem.rateLimited(wait, "Too many messages in a short time; try again in " + wait + " s."));
            metrics.quotaRejection("rate");
            return;
        }
        if (!busy.tryAcquire()) {
            error(out, requestId, ApiProblem.rateLimited(1, "An answer is still streaming on this socket."));
            return;
        }
        var slot = slots.acquire(
                caller.site().id(),
                caller.visitorId() == null ? remote : caller.visitorId().toString());
        if (slot.isEmpty()) {
            busy.release();
            error(out, requestId, ApiProblem.rateLimited(5, "Too many answers are streaming at once; try again soon."));
            return;
        }
        workers.submit(() -> {
            MDC.put(ApiProblem.REQUEST_ID, requestId);
            try {
                ChatResponse response =
                        chat.answer(caller.site(), caller.visitorId(), request, new ChatService.Listener() {
                            @Override
                            public void routed(UUID conversationId, Classification classification) {
                                send(
                                        out,
                                        frame(
                                                "meta",
                                                "conversationId",
                                                conversationId,
                                                "domain",
                                                classification.primary()));
                            }

                            @Override
                            public void token(String token) {
                                send(out, frame("token", "text", token));
                            }
                        });
                for (Citation c : response.citations()) {
                    Map<String, Object> citation = new LinkedHashMap<>();
                    citation.put("type", "citation");
                    citation.putAll(json.convertValue(c, Map.class));
                    send(out, citation);
                }
                send(
                        out,
                        frame(
                                "done",
                                "conversationId",
                                response.conversationId(),
                                "messageId",
                                response.messageId(),
                                "answered",
                                response.answered(),
                                "domain",
                                response.domain(),
                                "answer",
                                response.answer(),
                                "usage",
                                response.usage(),
                                "requestId",
                                requestId));
                metrics.httpRequest("ws", 200);
            } catch (ApiProblem e) {
                error(out, requestId, e);
            } catch (RuntimeException e) {
                if (ApiProblem.isOutage(e)) {
                    log.warn("Chat socket: database unreachable: {}", e.toString());
                    error(out, requestId, ApiProblem.serviceUnavailable(5));
                } else {
                    log.error("Chat socket failed", io.cellardoor.privacy.PersonalDataMasker.forLog(e));
                    error(
                            out,
                            requestId,
                            new ApiProblem(
                                    org.springframework.http.HttpStatus.INTERNAL_SERVER_ERROR,
                                    "internal-error",
                                    "The answer could not be produced",
                                    "Please try again."));
                }
            } finally {
                slot.get().close();
                busy.release();
                MDC.remove(ApiProblem.REQUEST_ID);
            }
        });
    }

    private void error(WebSocketSession out, String requestId, ApiProblem problem) {
        metrics.httpRequest("ws", problem.status().value());
        Map<String, Object> frame = frame(
                "error",
                "problem",
                problem.type().toString(),
                "title",
                problem.title(),
                "status",
                problem.status().value(),
                "detail",
                problem.getMessage(),
                "requestId",
                requestId);
        if (problem.retryAfterSeconds() > 0) {
            frame.put("retryAfter", problem.retryAfterSeconds());
        }
        send(out, frame);
    }

    private static Map<String, Object> frame(String type, Object... pairs) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", type);
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            frame.put((String) pairs[i], pairs[i + 1]);
        }
        return frame;
    }

    private void send(WebSocketSession out, Map<String, Object> frame) {
        try {
            if (out.isOpen()) {
                out.sendMessage(new TextMessage(json.writeValueAsString(frame)));
            }
        } catch (IOException | IllegalStateException e) {
            // the client went away; the turn still completes and is stored
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        session.getAttributes().remove("sender");
    }
}
