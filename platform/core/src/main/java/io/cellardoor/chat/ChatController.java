package io.cellardoor.chat;

import io.cellardoor.answer.Citation;
import io.cellardoor.chat.internal.StreamSlots;
import io.cellardoor.identity.StaffTokens;
import io.cellardoor.plugin.Classification;
import io.cellardoor.tenant.Site;
import io.cellardoor.web.ApiProblem;
import io.cellardoor.widget.WidgetCaller;
import io.micrometer.context.ContextExecutorService;
import io.micrometer.context.ContextSnapshotFactory;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The public chat API: {@code POST /api/v1/chat} (one JSON answer) and {@code POST /api/v1/chat/stream}
 * (server-sent events {@code meta}, {@code token}, {@code citation}, {@code done}, {@code error}).
 * The stream sets its own timeout and sends a comment heartbeat while the answer is being produced.
 */
@RestController
class ChatController {

    private static final Logger log = LoggerFactory.getLogger(ChatController.class);

    private final ChatService chat;
    private final StreamSlots slots;
    private final StaffTokens staff;
    private final Duration streamTimeout;
    private final Duration heartbeat;
    /** Answer workers; the request's observation (trace) and logging context carry over to them. */
    private final ExecutorService workers = ContextExecutorService.wrap(
            Executors.newThreadPerTaskExecutor(
                    Thread.ofVirtual().name("chat-stream-", 0).factory()),
            () -> ContextSnapshotFactory.builder().build().captureAll());

    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("sse-heartbeat").daemon().factory());

    ChatController(
            ChatService chat,
            StreamSlots slots,
            StaffTokens staff,
            @Value("${cellardoor.chat.stream-timeout:5m}") Duration streamTimeout,
            @Value("${cellardoor.chat.heartbeat:10s}") Duration heartbeat) {
        this.chat = chat;
        this.slots = slots;
        this.staff = staff;
        this.streamTimeout = streamTimeout;
        this.heartbeat = heartbeat;
    }

    @Operation(summary = "Answers one message with a JSON answer", security = @SecurityRequirement(name = "siteKey"))
    @ApiResponse(responseCode = "200", description = "The answer, its citations and usage")
    @ApiResponse(
            responseCode = "400",
            description = "blank-message, malformed-request",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "401",
            description = "unknown-site-key",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "403",
            description = "origin-not-allowed, site-key-revoked, site-key-rotated",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "413",
            description = "message-too-long, request-too-large",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "429",
            description = "rate-limited (Retry-After)",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "503",
            description = "service-unavailable: the database is unreachable (Retry-After)",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    @PostMapping(
            path = "/api/v1/chat",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ChatResponse chat(
            @Parameter(hidden = true) WidgetCaller caller,
            @RequestBody ChatRequest request,
            jakarta.servlet.http.HttpServletRequest http,
            @Parameter(hidden = true) java.util.Locale locale) {
        ChatService.validate(request.message());
        Admission admitted = chat.admit(caller, locale.getLanguage(), request);
        return chat.answer(
                caller.site(),
                caller.visitorId(),
                honoured(request, caller.site(), http),
                admitted,
                new ChatService.Listener() {
                    @Override
                    public void token(String token) {}
                });
    }

    @Operation(
            summary = "Answers one message as server-sent events: meta, token, citation, done, error",
            security = @SecurityRequirement(name = "siteKey"))
    @ApiResponse(
            responseCode = "200",
            description = "text/event-stream of meta, token, citation, done (or error) events")
    @ApiResponse(
            responseCode = "400",
            description = "blank-message, malformed-request",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "401",
            description = "unknown-site-key",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "403",
            description = "origin-not-allowed, site-key-revoked, site-key-rotated",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "413",
            description = "message-too-long, request-too-large",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "429",
            description = "rate-limited (Retry-After)",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "503",
            description = "service-unavailable: the database is unreachable (Retry-After)",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    @PostMapping(
            path = "/api/v1/chat/stream",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    ResponseEntity<SseEmitter> stream(
            @Parameter(hidden = true) WidgetCaller caller,
            @RequestBody ChatRequest request,
            jakarta.servlet.http.HttpServletRequest http,
            @Parameter(hidden = true) java.util.Locale locale) {
        ChatService.validate(request.message());
        Site site = caller.site();
        ChatRequest asked = honoured(request, site, http);
        Map<String, String> logContext = MDC.getCopyOfContextMap();
        UUID visitorId = caller.visitorId();
        StreamSlots.Slot slot = slots.acquire(
                        site.id(), visitorId == null ? http.getRemoteAddr() : visitorId.toString())
                .orElseThrow(
                        () -> ApiProblem.rateLimited(5, "Too many answers are streaming at once; try again soon."));
        Admission admitted; // flags and budget now; the quota's count runs while the answer starts (see below)
        try {
            admitted = chat.admit(caller, locale.getLanguage(), asked);
        } catch (RuntimeException e) {
            slot.close();
            throw e;
        }
        SseEmitter emitter = new SseEmitter(streamTimeout.toMillis());
        emitter.onError(e -> slot.close());
        ScheduledFuture<?> beat = heartbeats.scheduleAtFixedRate(
                () -> send(emitter, SseEmitter.event().comment("heartbeat")),
                heartbeat.toMillis(),
                heartbeat.toMillis(),
                TimeUnit.MILLISECONDS);
        emitter.onCompletion(() -> {
            beat.cancel(false);
            slot.close();
        });
        emitter.onTimeout(() -> {
            beat.cancel(false);
            slot.close();
            send(
                    emitter,
                    SseEmitter.event()
                            .name("error")
                            .data(
                                    Map.of(
                                            "type",
                                            ApiProblem.TYPE_BASE + "stream-timeout",
                                            "title",
                                            "The answer took too long"),
                                    MediaType.APPLICATION_JSON));
            emitter.complete();
        });
        workers.submit(() -> {
            if (logContext != null) {
                MDC.setContextMap(logContext);
            }
            try {
                ChatResponse response = chat.answer(site, visitorId, asked, admitted, new ChatService.Listener() {
                    @Override
                    public void routed(UUID conversationId, Classification classification) {
                        send(
                                emitter,
                                SseEmitter.event()
                                        .name("meta")
                                        .data(
                                                Map.of(
                                                        "conversationId",
                                                        conversationId,
                                                        "domain",
                                                        classification.primary()),
                                                MediaType.APPLICATION_JSON));
                    }

                    @Override
                    public void token(String token) {
                        send(
                                emitter,
                                SseEmitter.event()
                                        .name("token")
                                        .data(Map.of("text", token), MediaType.APPLICATION_JSON));
                    }
                });
                for (Citation c : response.citations()) {
                    send(emitter, SseEmitter.event().name("citation").data(c, MediaType.APPLICATION_JSON));
                }
                send(
                        emitter,
                        SseEmitter.event()
                                .name("done")
                                .data(
                                        Map.of(
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
                                                response.usage()),
                                        MediaType.APPLICATION_JSON));
                emitter.complete();
            } catch (RuntimeException e) {
                if (admitted.refused()) {
                    return; // rate-limited or past the quota: the request got a plain 429, nothing was sent or stored
                }
                boolean outage = ApiProblem.isOutage(e);
                if (outage) {
                    log.warn("Chat stream failed: database unreachable: {}", e.toString());
                } else {
                    log.error("Chat stream failed", io.cellardoor.privacy.PersonalDataMasker.forLog(e));
                }
                send(
                        emitter,
                        SseEmitter.event()
                                .name("error")
                                .data(
                                        Map.of(
                                                "type",
                                                ApiProblem.TYPE_BASE
                                                        + (outage ? "service-unavailable" : "internal-error"),
                                                "title",
                                                outage ? "Service unavailable" : "The answer could not be produced",
                                                "requestId",
                                                String.valueOf(MDC.get(ApiProblem.REQUEST_ID))),
                                        MediaType.APPLICATION_JSON));
                emitter.complete();
            } finally {
                beat.cancel(false);
                slot.close();
                MDC.clear();
            }
        });
        try {
            admitted.reservation(); // a refusal (rate limit, quota) is a plain 429, before the stream starts
        } catch (RuntimeException e) {
            beat.cancel(false);
            slot.close();
            throw e;
        }
        return ResponseEntity.ok()
                .header("X-Accel-Buffering", "no")
                .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .contentType(MediaType.TEXT_EVENT_STREAM)
                .body(emitter);
    }

    /** The request as the caller may ask it: {@code "cache": false} only with an admin token of the site's org. */
    private ChatRequest honoured(ChatRequest request, Site site, jakarta.servlet.http.HttpServletRequest http) {
        return Boolean.FALSE.equals(request.cache())
                        && staff.administers(http.getHeader(HttpHeaders.AUTHORIZATION), site.orgSlug())
                ? request
                : request.withoutCacheSetting();
    }

    private static void send(SseEmitter emitter, SseEmitter.SseEventBuilder event) {
        try {
            synchronized (emitter) {
                emitter.send(event);
            }
        } catch (IOException | IllegalStateException e) {
            // The client went away; the turn still completes and is stored.
        }
    }
}
