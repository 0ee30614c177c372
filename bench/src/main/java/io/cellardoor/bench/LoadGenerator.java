package io.cellardoor.bench;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A closed-loop load generator on loopback: N clients (virtual threads) each send a request, wait for the whole
 * answer and send the next, for a fixed time. Questions are taken round-robin from a list.
 */
final class LoadGenerator {

    private static final Pattern GENERATOR = Pattern.compile("\"generator\"\\s*:\\s*\"([a-z]+)\"");

    /** One concurrency level's figures; TTFT arrays are empty for the JSON endpoint. */
    record Level(
            int clients,
            int ok,
            int errors,
            String firstError,
            double seconds,
            long[] nanos,
            long rssMaxMiB,
            Map<String, Integer> generators,
            long[] clientTtft,
            long[] platformTtft,
            long[] beforeLlm,
            long[] afterFirstChunk,
            long[] fakeFirstChunk) {

        double perSecond() {
            return ok / seconds;
        }

        Stats.Latency latency() {
            return Stats.Latency.of(nanos);
        }

        int viaLlm() {
            return platformTtft.length;
        }
    }

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .build();
    private final URI base;
    private final String siteKey;
    private final AtomicLong refs = new AtomicLong();

    LoadGenerator(URI base, String siteKey) {
        this.base = base;
        this.siteKey = siteKey;
    }

    /** One {@code POST /api/v1/chat}; returns the generator named in the answer's usage, or null on error. */
    String ask(String question) throws Exception {
        HttpResponse<String> r = http.send(request("/api/v1/chat", question), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            return null;
        }
        Matcher m = GENERATOR.matcher(r.body());
        return m.find() ? m.group(1) : "?";
    }

    /** {@code POST /api/v1/chat} with {@code clients} clients for {@code duration}. */
    Level json(List<String> questions, int clients, Duration duration, AppProcess app) throws Exception {
        return run(clients, duration, app, questions, (q, rec) -> {
            long t0 = System.nanoTime();
            String generator;
            try {
                generator = ask(q);
                if (generator == null) {
                    rec.error("HTTP error status");
                }
            } catch (Exception e) {
                generator = null;
                rec.error(e.toString());
            }
            rec.done(System.nanoTime() - t0, generator);
        });
    }

    /**
     * {@code POST /api/v1/chat/stream} against an app whose LLM is the fake: per answer via the LLM, the time to the
     * first {@code token} event at this client and the part of it the platform adds (everything but the fake's own
     * time from receiving the request to sending its first chunk).
     */
    Level stream(List<String> questions, int clients, Duration duration, AppProcess app, FakeLlm fake)
            throws Exception {
        return run(clients, duration, app, questions, (q, rec) -> {
            long ref = refs.incrementAndGet();
            long t0 = System.nanoTime();
            long firstToken = 0;
            String generator = null;
            try {
                HttpResponse<InputStream> r = http.send(
                        request("/api/v1/chat/stream", q + " [ref " + ref + "]"),
                        HttpResponse.BodyHandlers.ofInputStream());
                try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
                    if (r.statusCode() == 200) {
                        String event = "";
                        for (String line = in.readLine(); line != null; line = in.readLine()) {
                            if (line.startsWith("event:")) {
                                event = line.substring(6).trim();
                            } else if (line.startsWith("data:")) {
                                if (event.equals("token") && firstToken == 0) {
                                    firstToken = System.nanoTime();
                                } else if (event.equals("done")) {
                                    Matcher m = GENERATOR.matcher(line);
                                    generator = m.find() ? m.group(1) : "?";
                                } else if (event.equals("error")) {
                                    generator = null;
                                    rec.error("error event: " + line);
                                    break;
                                }
                            }
                        }
                    } else {
                        rec.error("HTTP " + r.statusCode());
                        in.transferTo(java.io.Writer.nullWriter());
                    }
                }
            } catch (Exception e) {
                generator = null;
                rec.error(e.toString());
            }
            long end = System.nanoTime();
            rec.done(end - t0, generator);
            FakeLlm.Timing t = fake.timing(ref);
            if (generator != null && generator.equals("llm") && t != null && firstToken > 0) {
                long fakeOwn = t.firstSent() - t.received();
                rec.ttft(
                        firstToken - t0,
                        firstToken - t0 - fakeOwn,
                        t.received() - t0,
                        firstToken - t.firstSent(),
                        fakeOwn);
            }
        });
    }

    private HttpRequest request(String path, String question) {
        String body = "{\"message\":\"" + question.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
        return HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/json")
                .header("X-Site-Key", siteKey)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    /** What one client records per request. */
    interface Recorder {
        void done(long nanos, String generatorOrNullOnError);

        void error(String what);

        void ttft(long client, long platform, long beforeLlm, long afterFirstChunk, long fakeOwn);
    }

    interface Call {
        void call(String question, Recorder rec) throws Exception;
    }

    private static Level run(int clients, Duration duration, AppProcess app, List<String> questions, Call call)
            throws Exception {
        List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
        List<long[]> ttfts = Collections.synchronizedList(new ArrayList<>());
        Map<String, Integer> generators = new ConcurrentHashMap<>();
        AtomicInteger errors = new AtomicInteger();
        java.util.concurrent.atomic.AtomicReference<String> firstError =
                new java.util.concurrent.atomic.AtomicReference<>("");
        AtomicInteger next = new AtomicInteger();
        AtomicLong rss = new AtomicLong(app.rssMiB());
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> rss.accumulateAndGet(app.rssMiB(), Math::max), 0, 200, TimeUnit.MILLISECONDS);
        Recorder recorder = new Recorder() {
            @Override
            public void done(long n, String generator) {
                if (generator == null) {
                    errors.incrementAndGet();
                } else {
                    nanos.add(n);
                    generators.merge(generator, 1, Integer::sum);
                }
            }

            @Override
            public void error(String what) {
                firstError.compareAndSet("", what);
            }

            @Override
            public void ttft(long client, long platform, long beforeLlm, long afterFirstChunk, long fakeOwn) {
                ttfts.add(new long[] {client, platform, beforeLlm, afterFirstChunk, fakeOwn});
            }
        };
        long t0 = System.nanoTime();
        long deadline = t0 + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            threads.add(Thread.ofVirtual().start(() -> {
                while (System.nanoTime() < deadline) {
                    String q = questions.get(Math.floorMod(next.getAndIncrement(), questions.size()));
                    try {
                        call.call(q, recorder);
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        firstError.compareAndSet("", e.toString());
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        sampler.shutdownNow();
        rss.accumulateAndGet(app.rssMiB(), Math::max);
        long[][] cols = new long[5][ttfts.size()];
        for (int i = 0; i < ttfts.size(); i++) {
            for (int j = 0; j < 5; j++) {
                cols[j][i] = ttfts.get(i)[j];
            }
        }
        return new Level(
                clients,
                nanos.size(),
                errors.get(),
                firstError.get(),
                seconds,
                nanos.stream().mapToLong(Long::longValue).toArray(),
                rss.get(),
                Map.copyOf(generators),
                cols[0],
                cols[1],
                cols[2],
                cols[3],
                cols[4]);
    }
}
