package io.cellardoor.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The largest request body each route accepts, checked before anything reads it: a declared {@code Content-Length}
 * over the limit gets 413 {@code request-too-large} at once, and a body sent without one (chunked) stops being read at
 * the limit (also 413); a wildcard Content-Type ({@code *}{@code /*}) gets 415. Limits, first match wins:
 *
 * <table>
 *   <caption>Body limits</caption>
 *   <tr><td>{@code POST /api/v1/admin/plugins}, {@code POST /api/v1/admin/documents} (multipart uploads)</td>
 *       <td>64 MB (the multipart limit; unpacked zips have their own limits)</td></tr>
 *   <tr><td>{@code PUT /api/v1/admin/documents} (markdown)</td><td>4 MB</td></tr>
 *   <tr><td>other {@code /api/v1/admin/**}</td><td>256 KB</td></tr>
 *   <tr><td>the console ({@code /admin/**}: Vaadin's requests and uploads)</td><td>64 MB</td></tr>
 *   <tr><td>everything else (chat, widget, feedback, handoffs)</td><td>64 KB</td></tr>
 * </table>
 */
public final class RequestSizeFilter extends OncePerRequestFilter {

    /** A route's limit. */
    record Limit(String method, String pathPrefix, long maxBytes) {

        boolean matches(HttpServletRequest request) {
            return (method.equals("*") || method.equals(request.getMethod()))
                    && request.getRequestURI().startsWith(pathPrefix);
        }
    }

    static final long UPLOAD = 64L * 1024 * 1024;
    static final long MARKDOWN = 4L * 1024 * 1024;
    static final long ADMIN_JSON = 256L * 1024;
    static final long PUBLIC = 64L * 1024;

    static final List<Limit> LIMITS = List.of(
            new Limit("POST", "/api/v1/admin/plugins", UPLOAD),
            new Limit("POST", "/api/v1/admin/documents", UPLOAD),
            new Limit("PUT", "/api/v1/admin/documents", MARKDOWN),
            new Limit("*", "/api/v1/admin/", ADMIN_JSON),
            new Limit("*", "/admin", UPLOAD),
            new Limit("*", "/", PUBLIC));

    /** The limit of a request, in bytes. */
    static long limitOf(HttpServletRequest request) {
        return LIMITS.stream()
                .filter(l -> l.matches(request))
                .findFirst()
                .map(Limit::maxBytes)
                .orElse(PUBLIC);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType();
        if (contentType != null && contentType.strip().startsWith("*")) {
            // A wildcard is a pattern for Accept, never the type of a body; Spring cannot even represent it.
            new ApiProblem(
                            HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                            "unsupported-media-type",
                            "Unsupported media type",
                            "The Content-Type header must name a concrete media type.")
                    .writeTo(response);
            return;
        }
        long limit = limitOf(request);
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            tooLarge(limit).writeTo(response);
            return;
        }
        chain.doFilter(declared >= 0 ? request : new Limited(request, limit), response);
    }

    static ApiProblem tooLarge(long limit) {
        return new ApiProblem(
                HttpStatus.CONTENT_TOO_LARGE,
                "request-too-large",
                "Request too large",
                "This endpoint accepts bodies of at most " + limit + " bytes.");
    }

    /** Thrown while reading a body without a declared length past its limit; rendered as 413. */
    static final class BodyTooLargeException extends IOException {
        final long limit;

        BodyTooLargeException(long limit) {
            super("request body over " + limit + " bytes");
            this.limit = limit;
        }
    }

    /** A request whose body stops at the limit. */
    private static final class Limited extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0) {
                            count(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int off, int len) throws IOException {
                        int n = in.read(buffer, off, len);
                        if (n > 0) {
                            count(n);
                        }
                        return n;
                    }

                    private void count(int n) throws IOException {
                        read += n;
                        if (read > limit) {
                            throw new BodyTooLargeException(limit);
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            Charset charset = StandardCharsets.UTF_8;
            try {
                if (getCharacterEncoding() != null) {
                    charset = Charset.forName(getCharacterEncoding());
                }
            } catch (IllegalArgumentException e) {
                // an unknown charset in Content-Type: read as UTF-8
            }
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }
}
