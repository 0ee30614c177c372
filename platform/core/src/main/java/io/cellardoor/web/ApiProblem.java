package io.cellardoor.web;

import java.net.URI;
import org.springframework.http.HttpStatus;

/** A request the platform refuses, rendered as RFC 9457 problem+json with a stable type (see {@link ApiProblemHandler}). */
public class ApiProblem extends RuntimeException {

    /**
     * The logging context key, response header value and problem property of the request's id (set by
     * {@code observability.RequestIdFilter}).
     */
    public static final String REQUEST_ID = "requestId";

    /** Request attribute holding the type URI of the problem a controller answered with (for the request's metrics). */
    public static final String TYPE_ATTRIBUTE = "io.cellardoor.web.ApiProblem.type";

    /** Base of every problem type URI. */
    public static final String TYPE_BASE = "https://cellardoor.io/problems/";

    private final HttpStatus status;
    private final URI type;
    private final String title;

    private final long retryAfterSeconds;

    /**
     * @param status HTTP status
     * @param type last segment of the type URI, e.g. {@code blank-message}
     * @param title short, stable summary
     * @param detail this occurrence, for people
     */
    public ApiProblem(HttpStatus status, String type, String title, String detail) {
        this(status, type, title, detail, 0);
    }

    private ApiProblem(HttpStatus status, String type, String title, String detail, long retryAfterSeconds) {
        super(detail);
        this.status = status;
        this.type = URI.create(TYPE_BASE + type);
        this.title = title;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static ApiProblem blankMessage() {
        return new ApiProblem(
                HttpStatus.BAD_REQUEST, "blank-message", "Message is blank", "The message must contain text.");
    }

    public static ApiProblem tooLong(int length, int max) {
        return new ApiProblem(
                HttpStatus.CONTENT_TOO_LARGE,
                "message-too-long",
                "Message too long",
                "The message has " + length + " characters; at most " + max + " are accepted.");
    }

    public static ApiProblem unknownSiteKey() {
        return new ApiProblem(
                HttpStatus.UNAUTHORIZED,
                "unknown-site-key",
                "Unknown site key",
                "The X-Site-Key header is missing or names no site.");
    }

    /** 401: no valid credentials (the admin API's bearer token is missing, invalid or expired). */
    public static ApiProblem unauthorized(String detail) {
        return new ApiProblem(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", detail);
    }

    /** 403: signed in, but the caller's roles or org do not allow this. */
    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail);
    }

    /** 429: too many requests; the client may retry after the given number of seconds. */
    public static ApiProblem rateLimited(long retryAfterSeconds, String detail) {
        return new ApiProblem(
                HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests", detail, retryAfterSeconds);
    }

    /** A problem with a {@code Retry-After} header (429 quota refusals, 503). */
    public static ApiProblem withRetryAfter(
            HttpStatus status, String type, String title, String detail, long retryAfterSeconds) {
        return new ApiProblem(status, type, title, detail, retryAfterSeconds);
    }

    /**
     * 503: a dependency the request needs (the database) is unreachable; the client may retry after the given number
     * of seconds. Nothing of the request was stored.
     */
    public static ApiProblem serviceUnavailable(long retryAfterSeconds) {
        return new ApiProblem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "service-unavailable",
                "Service unavailable",
                "The service cannot reach its database right now; nothing was stored. Try again in a few seconds.",
                retryAfterSeconds);
    }

    /**
     * Whether a failure means the database is unreachable (no connection could be had, the connection broke, the
     * server is shutting down), as opposed to a bad query or value.
     */
    public static boolean isOutage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.springframework.dao.DataAccessResourceFailureException
                    || t instanceof org.springframework.transaction.CannotCreateTransactionException
                    || t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof java.sql.SQLNonTransientConnectionException
                    || t instanceof java.net.ConnectException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** 403: the page's origin may not use this site's chat. */
    public static ApiProblem originNotAllowed(String origin) {
        return new ApiProblem(
                HttpStatus.FORBIDDEN,
                "origin-not-allowed",
                "Origin not allowed",
                "Pages on " + origin + " may not use this site's chat; add the origin to the site's allowed origins.");
    }

    /** 404: no such resource for this site. */
    public static ApiProblem notFound(String what) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "Not found", what + " was not found.");
    }

    /** 400: a field of the request is invalid. */
    public static ApiProblem invalid(String type, String title, String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, type, title, detail);
    }

    /** Writes this problem as the whole response, for filters that run before any controller. */
    public void writeTo(jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        response.setStatus(status.value());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        if (retryAfterSeconds > 0) {
            response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
        }
        String requestId = org.slf4j.MDC.get(REQUEST_ID);
        response.getWriter()
                .write("{\"type\":\"%s\",\"title\":\"%s\",\"status\":%d,\"detail\":\"%s\"%s}"
                        .formatted(
                                type,
                                json(title),
                                status.value(),
                                json(getMessage()),
                                requestId == null ? "" : ",\"requestId\":\"" + json(requestId) + "\""));
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replaceAll("[\\x00-\\x1f]", " ");
    }

    /** Seconds for the {@code Retry-After} header, 0 when none. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public HttpStatus status() {
        return status;
    }

    public URI type() {
        return type;
    }

    public String title() {
        return title;
    }
}
