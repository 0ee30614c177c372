package io.cellardoor.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's error report for requests it refuses before the application sees them (a malformed request line, an
 * encoded slash or a {@code ..} above the root in the path, headers over {@code server.max-http-request-header-size}):
 * problem+json with a stable type instead of Tomcat's HTML page, never with the exception or server details.
 */
final class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String type = status == 400
                ? "rejected-request"
                : status == 404
                        ? "not-found"
                        : status == 413 ? "request-too-large" : status >= 500 ? "internal-error" : "bad-request";
        String title = known == null ? "Error" : known.getReasonPhrase();
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"type\":\"" + ApiProblem.TYPE_BASE + type + "\",\"title\":\"" + title + "\",\"status\":"
                        + status + ",\"detail\":\"The server could not read this request.\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client went away
        }
    }
}
