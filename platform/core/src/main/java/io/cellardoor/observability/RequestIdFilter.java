package io.cellardoor.observability;

import io.cellardoor.web.ApiProblem;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * First on every request:
 * <ul>
 *   <li>the request id: the caller's {@code X-Request-Id} when it is 1..64 of {@code [A-Za-z0-9._:-]}, else a new
 *       UUID; echoed in the response's {@code X-Request-Id}, in the logging context ({@code requestId}) and in every
 *       problem+json body ({@code requestId});</li>
 *   <li>a database outage anywhere below (a filter resolving a site key, a controller) becomes 503 problem+json
 *       {@code service-unavailable} with {@code Retry-After} while the response is not committed;</li>
 *   <li>{@code rag_http_requests_total{endpoint,status}} for the chat API ({@code chat}, {@code stream}), and
 *       {@code rag_quota_rejections_total{kind="rate"}} for its 429s.</li>
 * </ul>
 */
public class RequestIdFilter extends OncePerRequestFilter {

    /** The header a request id is accepted from and echoed in. */
    public static final String HEADER = "X-Request-Id";

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Logger log = LoggerFactory.getLogger(RequestIdFilter.class);

    private final RagMetrics metrics;

    public RequestIdFilter(RagMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader(HEADER);
        String id = given != null && VALID.matcher(given).matches()
                ? given
                : UUID.randomUUID().toString();
        request.setAttribute(ApiProblem.REQUEST_ID, id);
        response.setHeader(HEADER, id);
        MDC.put(ApiProblem.REQUEST_ID, id);
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            if (!ApiProblem.isOutage(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("Database unreachable: {}", e.toString());
            response.reset();
            response.setHeader(HEADER, id);
            ApiProblem.serviceUnavailable(5).writeTo(response);
        } finally {
            String endpoint = endpoint(request.getRequestURI());
            if (endpoint != null) {
                metrics.httpRequest(endpoint, response.getStatus());
                if (response.getStatus() == 429) {
                    // a plan's monthly quota, else a rate limit or the open-streams cap
                    metrics.quotaRejection(
                            String.valueOf(request.getAttribute(ApiProblem.TYPE_ATTRIBUTE))
                                            .equals(ApiProblem.TYPE_BASE + "quota-exceeded")
                                    ? "quota"
                                    : "rate");
                }
            }
            MDC.remove(ApiProblem.REQUEST_ID);
        }
    }

    private static String endpoint(String path) {
        return switch (path) {
            case "/api/v1/chat" -> "chat";
            case "/api/v1/chat/stream" -> "stream";
            case "/ws/chat" -> "ws";
            default -> null;
        };
    }
}
