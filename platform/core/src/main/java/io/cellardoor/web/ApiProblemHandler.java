package io.cellardoor.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Renders refused API requests as RFC 9457 problem+json with stable {@code type} URIs. */
@RestControllerAdvice
class ApiProblemHandler {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ApiProblemHandler.class);

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> problem(ApiProblem e) {
        if (org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()
                instanceof org.springframework.web.context.request.ServletRequestAttributes attributes) {
            attributes.getRequest().setAttribute(ApiProblem.TYPE_ATTRIBUTE, e.type()); // for the request's metrics
        }
        ResponseEntity<ProblemDetail> response = render(e.status(), e.type(), e.title(), e.getMessage());
        if (e.retryAfterSeconds() > 0) {
            return ResponseEntity.status(response.getStatusCode())
                    .headers(response.getHeaders())
                    .header("Retry-After", Long.toString(e.retryAfterSeconds()))
                    .body(response.getBody());
        }
        return response;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        RequestSizeFilter.BodyTooLargeException tooLarge = cause(e, RequestSizeFilter.BodyTooLargeException.class);
        if (tooLarge != null) {
            return problem(RequestSizeFilter.tooLarge(tooLarge.limit));
        }
        return render(
                HttpStatus.BAD_REQUEST,
                URI.create(ApiProblem.TYPE_BASE + "malformed-request"),
                "Malformed request",
                "The body must be JSON like {\"message\": \"...\", \"conversationId\": null}.");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
        return render(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                URI.create(ApiProblem.TYPE_BASE + "unsupported-media-type"),
                "Unsupported media type",
                "Send the body as application/json.");
    }

    @ExceptionHandler(org.springframework.web.multipart.MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> uploadTooLarge(org.springframework.web.multipart.MaxUploadSizeExceededException e) {
        return render(
                HttpStatus.CONTENT_TOO_LARGE,
                URI.create(ApiProblem.TYPE_BASE + "upload-too-large"),
                "Upload too large",
                "The request is larger than the server accepts; upload fewer or smaller files.");
    }

    /**
     * Spring MVC's own refusals (missing or mistyped parameters, unknown paths, wrong methods, unacceptable types,
     * broken multipart bodies) with their status and a stable type per status.
     */
    @ExceptionHandler({
        jakarta.servlet.ServletException.class,
        org.springframework.beans.TypeMismatchException.class,
        org.springframework.web.ErrorResponseException.class
    })
    ResponseEntity<ProblemDetail> framework(Exception e) {
        if (e instanceof org.springframework.beans.TypeMismatchException) {
            return render(
                    HttpStatus.BAD_REQUEST,
                    URI.create(ApiProblem.TYPE_BASE + "bad-request"),
                    "Bad request",
                    "A parameter has the wrong type.");
        }
        if (!(e instanceof org.springframework.web.ErrorResponse error)) {
            return unexpected(new IllegalStateException(e));
        }
        HttpStatus status = HttpStatus.resolve(error.getStatusCode().value());
        if (status == null || status.is5xxServerError()) {
            return unexpected(new IllegalStateException(e));
        }
        String detail = error.getBody().getDetail();
        return render(
                status,
                URI.create(ApiProblem.TYPE_BASE + typeOf(status)),
                status.getReasonPhrase(),
                detail == null ? status.getReasonPhrase() : detail);
    }

    /** A Content-Type that is not a media type ({@code *}{@code /*}, {@code a/b;c=}) is unsupported. */
    @ExceptionHandler({
        org.springframework.http.InvalidMediaTypeException.class,
        org.springframework.util.InvalidMimeTypeException.class
    })
    ResponseEntity<ProblemDetail> badContentType(RuntimeException e) {
        return render(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                URI.create(ApiProblem.TYPE_BASE + "unsupported-media-type"),
                "Unsupported media type",
                "The Content-Type header is not a usable media type.");
    }

    /**
     * The firewall's refusals raised while the request is read (parameter names or values with control characters,
     * checked lazily by Spring Security's firewall): 400 {@code rejected-request}.
     */
    @ExceptionHandler(org.springframework.security.web.firewall.RequestRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(RuntimeException e) {
        return render(
                HttpStatus.BAD_REQUEST,
                URI.create(ApiProblem.TYPE_BASE + "rejected-request"),
                "Request rejected",
                "The request's path, headers or parameters hold characters this server does not accept.");
    }

    /** Multipart bodies that cannot be parsed (truncated, no boundary) are bad requests. */
    @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
    ResponseEntity<ProblemDetail> multipart(org.springframework.web.multipart.MultipartException e) {
        RequestSizeFilter.BodyTooLargeException tooLarge = cause(e, RequestSizeFilter.BodyTooLargeException.class);
        if (tooLarge != null) {
            return problem(RequestSizeFilter.tooLarge(tooLarge.limit));
        }
        return render(
                HttpStatus.BAD_REQUEST,
                URI.create(ApiProblem.TYPE_BASE + "malformed-request"),
                "Malformed request",
                "The body is not a readable multipart/form-data request.");
    }

    /**
     * Values PostgreSQL refuses (characters it cannot store, values over a column's limit, a check constraint) are the
     * caller's fault: 400; anything else from the database stays a 500.
     */
    @ExceptionHandler(org.springframework.dao.DataAccessException.class)
    ResponseEntity<ProblemDetail> database(org.springframework.dao.DataAccessException e) {
        if (ApiProblem.isOutage(e)) {
            log.warn("Database unreachable: {}", e.toString());
            return problem(ApiProblem.serviceUnavailable(5));
        }
        java.sql.SQLException sql = cause(e, java.sql.SQLException.class);
        String state = sql == null || sql.getSQLState() == null ? "" : sql.getSQLState();
        return switch (state) {
            case "22021", "22P05", "22P02" ->
                render(
                        HttpStatus.BAD_REQUEST,
                        URI.create(ApiProblem.TYPE_BASE + "invalid-characters"),
                        "Invalid characters",
                        "The request holds characters or values that cannot be stored.");
            case "22001", "54000" ->
                render(
                        HttpStatus.BAD_REQUEST,
                        URI.create(ApiProblem.TYPE_BASE + "value-too-long"),
                        "Value too long",
                        "A value of the request is longer than can be stored.");
            case "23514", "23502" ->
                render(
                        HttpStatus.BAD_REQUEST,
                        URI.create(ApiProblem.TYPE_BASE + "invalid-value"),
                        "Invalid value",
                        "A value of the request is not allowed.");
            default -> unexpected(e);
        };
    }

    private static String typeOf(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "not-found";
            case METHOD_NOT_ALLOWED -> "method-not-allowed";
            case NOT_ACCEPTABLE -> "not-acceptable";
            case UNSUPPORTED_MEDIA_TYPE -> "unsupported-media-type";
            case CONTENT_TOO_LARGE -> "request-too-large";
            case UNAUTHORIZED -> "unauthorized";
            case FORBIDDEN -> "forbidden";
            case CONFLICT -> "conflict";
            default -> "bad-request";
        };
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** No transaction could be opened: the database is unreachable. */
    @ExceptionHandler(org.springframework.transaction.CannotCreateTransactionException.class)
    ResponseEntity<ProblemDetail> noTransaction(RuntimeException e) {
        return ApiProblem.isOutage(e) ? problem(ApiProblem.serviceUnavailable(5)) : unexpected(e);
    }

    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<ProblemDetail> unexpected(RuntimeException e) {
        if (ApiProblem.isOutage(e)) {
            log.warn("Database unreachable: {}", e.toString());
            return problem(ApiProblem.serviceUnavailable(5));
        }
        if (e.getClass().getName().equals("org.apache.tomcat.util.http.InvalidParameterException")) {
            return render( // more parameters than server.tomcat.max-parameter-count, or unreadable ones
                    HttpStatus.BAD_REQUEST,
                    URI.create(ApiProblem.TYPE_BASE + "bad-request"),
                    "Bad request",
                    "The request's parameters could not be read (too many, or malformed).");
        }
        if (e instanceof org.springframework.web.ErrorResponse
                || e instanceof org.springframework.beans.TypeMismatchException) {
            ResponseEntity<ProblemDetail> known = framework(e);
            if (known.getStatusCode().is4xxClientError()) {
                return known;
            }
        }
        log.error("Request failed", io.cellardoor.privacy.PersonalDataMasker.forLog(e));
        return render(
                HttpStatus.INTERNAL_SERVER_ERROR,
                URI.create(ApiProblem.TYPE_BASE + "internal-error"),
                "Internal error",
                "The answer could not be produced; please try again.");
    }

    private static ResponseEntity<ProblemDetail> render(HttpStatus status, URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        String requestId = org.slf4j.MDC.get(ApiProblem.REQUEST_ID);
        if (requestId != null) {
            problem.setProperty(ApiProblem.REQUEST_ID, requestId);
        }
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
