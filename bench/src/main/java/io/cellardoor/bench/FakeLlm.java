package io.cellardoor.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OpenAI-compatible chat completions endpoint that streams {@code chat.completion.chunk} events at a fixed rate:
 * the first chunk as soon as the request is read, then one every {@value #INTERVAL_MS} ms. It records, per request
 * (found by the {@code [ref N]} tag the load generator puts in each question), when it received the request and when
 * it sent the first chunk, on the same clock as the load generator (this process's {@code System.nanoTime()}).
 */
final class FakeLlm implements AutoCloseable {

    static final int INTERVAL_MS = 20;
    /** First chunk: longer than NO_ANSWER (9 characters) and not its start, so the platform forwards it at once. */
    static final String FIRST = "Here is what I found: ";

    private static final String[] REST = {
        "our ",
        "tasting ",
        "room ",
        "pours ",
        "estate ",
        "wines ",
        "daily, ",
        "and ",
        "the ",
        "team ",
        "is ",
        "happy ",
        "to ",
        "help ",
        "[1]."
    };
    private static final Pattern REF = Pattern.compile("\\[ref (\\d+)]");

    /** Times on this process's nanoTime clock. */
    record Timing(long received, long firstSent) {}

    private final HttpServer server;
    private final Map<Long, Timing> timings = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();

    private FakeLlm(HttpServer server) {
        this.server = server;
    }

    static FakeLlm start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
        FakeLlm fake = new FakeLlm(server);
        server.createContext("/v1/chat/completions", fake::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        return fake;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    Timing timing(long ref) {
        return timings.get(ref);
    }

    int requests() {
        return requests.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        long received = System.nanoTime();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.incrementAndGet();
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(chunk(FIRST, "{\"role\":\"assistant\",\"content\":\"" + FIRST + "\"}"));
            out.flush();
            long first = System.nanoTime();
            Matcher m = REF.matcher(body);
            if (m.find()) {
                timings.put(Long.parseLong(m.group(1)), new Timing(received, first));
            }
            for (String piece : REST) {
                Thread.sleep(INTERVAL_MS);
                out.write(chunk(piece, "{\"content\":\"" + piece + "\"}"));
                out.flush();
            }
            out.write(("data: {\"id\":\"fake\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"fake\","
                            + "\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n")
                    .getBytes(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] chunk(String text, String delta) {
        return ("data: {\"id\":\"fake\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"fake\","
                        + "\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":null}]}\n\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
