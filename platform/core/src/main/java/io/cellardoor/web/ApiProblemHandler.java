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
@RestControllerAdvice(basePackages = "io.cellardoor")
class ApiProblemHandler {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ApiProblemHandler.class);

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> problem(ApiProblem e) {
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

    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<ProblemDetail> unexpected(RuntimeException e) {
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
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
