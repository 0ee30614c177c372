package io.cellardoor.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import tools.jackson.databind.ObjectMapper;

/**
 * Calls the admin API as a demo user of the local Keycloak realm (password grant of {@code cellardoor-cli}, tokens
 * cached per user): JSON, plain-text and multipart requests.
 */
final class AdminClient {

    /** A part of a multipart upload. */
    record Part(String filename, byte[] bytes) {}

    private final URI issuer;
    private final Function<String, URI> app;
    private final ObjectMapper json;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    AdminClient(URI issuer, Function<String, URI> app, ObjectMapper json) {
        this.issuer = issuer;
        this.app = app;
        this.json = json;
    }

    /** An access token for a demo user; fails the test when Keycloak does not answer. */
    String token(String username) {
        return tokens.computeIfAbsent(username, user -> {
            String form = Map.of(
                            "grant_type",
                            "password",
                            "client_id",
                            "cellardoor-cli",
                            "username",
                            user,
                            "password",
                            "demo")
                    .entrySet()
                    .stream()
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            HttpResponse<String> response =
                    send(HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form)));
            assertThat(response.statusCode())
                    .as("token for %s (is Keycloak running?): %s", user, response.body())
                    .isEqualTo(200);
            return json.readTree(response.body()).path("access_token").asString();
        });
    }

    HttpResponse<String> get(String user, String path) {
        return send(request(user, path).GET());
    }

    HttpResponse<String> delete(String user, String path) {
        return send(request(user, path).DELETE());
    }

    HttpResponse<String> post(String user, String path) {
        return send(request(user, path).POST(HttpRequest.BodyPublishers.noBody()));
    }

    HttpResponse<String> putMarkdown(String user, String path, String markdown) {
        return send(request(user, path)
                .header("Content-Type", "text/markdown; charset=utf-8")
                .PUT(HttpRequest.BodyPublishers.ofString(markdown)));
    }

    /** {@code POST} multipart/form-data: every part as {@code file}, plus text fields. */
    HttpResponse<String> upload(String user, String path, Map<String, String> fields, List<Part> files) {
        String boundary = "----cellardoor" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> write(
                body,
                "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
                        + "\r\n"));
        for (Part part : files) {
            write(
                    body,
                    "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + part.filename()
                            + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
            body.writeBytes(part.bytes());
            write(body, "\r\n");
        }
        write(body, "--" + boundary + "--\r\n");
        return send(request(user, path)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** A zip of these entries (name to text), in order. */
    static Part zip(String filename, Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Part(filename, bytes.toByteArray());
    }

    static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder request(String user, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(app.apply(path)).timeout(Duration.ofMinutes(2));
        if (user != null) {
            request.header("Authorization", "Bearer " + token(user));
        }
        return request;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
