package io.cellardoor.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local OpenAI-compatible server for tests: {@code POST /v1/chat/completions} streams real SSE chunks (with a final
 * usage chunk) or answers plain JSON when not streaming, {@code GET /v1/models} lists its model. Its {@link Mode} says
 * whether it answers, fails with 500 or hangs (until {@link #stop}); it counts the completions asked of it.
 */
final class FakeOpenAi implements AutoCloseable {

    /** How the fake answers completions. */
    enum Mode {
        OK,
        FAIL_500,
        HANG
    }

    final String model;
    final String answer;
    final AtomicInteger completions = new AtomicInteger();
    volatile Mode mode = Mode.OK;
    private final HttpServer server;
    private final CountDownLatch stopped = new CountDownLatch(1);

    /**
     * @param model the model name it reports
     * @param answer what it answers, streamed word by word
     */
    FakeOpenAi(String model, String answer) {
        this.model = model;
        this.answer = answer;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/v1/models", this::models);
        server.createContext("/v1/chat/completions", this::completion);
        server.start();
    }

    /** The base URL to configure, ending in {@code /v1}. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    private void models(HttpExchange exchange) throws IOException {
        byte[] body = ("{\"object\":\"list\",\"data\":[{\"id\":\"" + model + "\",\"object\":\"model\"}]}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private void completion(HttpExchange exchange) throws IOException {
        String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        completions.incrementAndGet();
        switch (mode) {
            case FAIL_500 -> {
                byte[] body = "{\"error\":{\"message\":\"internal error\",\"type\":\"server_error\"}}"
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(500, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            case HANG -> {
                try {
                    stopped.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.close();
            }
            case OK -> {
                if (request.matches("(?s).*\"stream\"\\s*:\\s*true.*")) {
                    stream(exchange);
                } else {
                    byte[] body = ("{\"id\":\"c1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"" + model
                                    + "\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\""
                                    + answer + "\"},\"finish_reason\":\"stop\"}],"
                                    + "\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":5,\"total_tokens\":17}}")
                            .getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                }
            }
        }
    }

    private void stream(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            for (String piece : answer.split("(?<= )")) {
                out.write(chunk("{\"content\":\"" + piece + "\"}", "null").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            out.write(chunk("{}", "\"stop\"").getBytes(StandardCharsets.UTF_8));
            out.write(("data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"" + model
                            + "\",\"choices\":[],\"usage\":{\"prompt_tokens\":120,\"completion_tokens\":9,"
                            + "\"total_tokens\":129}}\n\ndata: [DONE]\n\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
    }

    private String chunk(String delta, String finish) {
        return "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"" + model
                + "\",\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":" + finish + "}]}\n\n";
    }

    /** Releases hanging calls and stops the server. */
    void stop() {
        stopped.countDown();
        server.stop(0);
    }

    @Override
    public void close() {
        stop();
    }
}
