package io.cellardoor.chat;

import java.net.URI;
import org.springframework.http.HttpStatus;

/** A chat request the platform refuses, rendered as RFC 9457 problem+json with a stable type. */
public class ChatProblem extends RuntimeException {

    /** Base of every problem type URI. */
    public static final String TYPE_BASE = "https://cellardoor.io/problems/";

    private final HttpStatus status;
    private final URI type;
    private final String title;

    ChatProblem(HttpStatus status, String type, String title, String detail) {
        super(detail);
        this.status = status;
        this.type = URI.create(TYPE_BASE + type);
        this.title = title;
    }

    static ChatProblem blankMessage() {
        return new ChatProblem(HttpStatus.BAD_REQUEST, "blank-message", "Message is blank", "The message must contain text.");
    }

    static ChatProblem tooLong(int length, int max) {
        return new ChatProblem(HttpStatus.CONTENT_TOO_LARGE, "message-too-long", "Message too long",
                "The message has " + length + " characters; at most " + max + " are accepted.");
    }

    static ChatProblem unknownSiteKey() {
        return new ChatProblem(HttpStatus.UNAUTHORIZED, "unknown-site-key", "Unknown site key",
                "The X-Site-Key header is missing or names no site.");
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
