package io.cellardoor.app;

import io.cellardoor.embedding.Embeddings;
import io.cellardoor.knowledge.ImportReport;
import io.cellardoor.knowledge.KnowledgeImporter;
import io.cellardoor.plugin.PluginDomains;
import io.cellardoor.retrieval.HybridRetriever;
import io.cellardoor.retrieval.RetrievalMode;
import io.cellardoor.retrieval.RetrievalQuery;
import io.cellardoor.tenant.TenantService;
import io.cellardoor.text.KeywordQuery;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code eval --knowledge DIR --questions FILE.jsonl}: imports DIR into a fresh org, sends every question
 * through the real HTTP API, prints a table per case and, as its last line, one JSON object of figures.
 */
@Component
@ConditionalOnProperty(name = "cellardoor.command", havingValue = "eval")
class EvalCommand {

    private final TenantService tenants;
    private final KnowledgeImporter importer;
    private final HybridRetriever retriever;
    private final Embeddings embeddings;
    private final KeywordQuery keywords;
    private final PluginDomains plugins;
    private final ObjectMapper json;
    private final Path knowledge;
    private final Path questions;

    EvalCommand(
            TenantService tenants,
            KnowledgeImporter importer,
            HybridRetriever retriever,
            Embeddings embeddings,
            KeywordQuery keywords,
            PluginDomains plugins,
            ObjectMapper json,
            @Value("${cellardoor.eval.knowledge}") Path knowledge,
            @Value("${cellardoor.eval.questions}") Path questions) {
        this.tenants = tenants;
        this.importer = importer;
        this.retriever = retriever;
        this.embeddings = embeddings;
        this.keywords = keywords;
        this.plugins = plugins;
        this.json = json;
        this.knowledge = knowledge;
        this.questions = questions;
    }

    record Case(
            String id,
            String question,
            boolean answerable,
            String domain,
            List<String> sources,
            List<Pattern> mustContain) {}

    @EventListener
    void onReady(ApplicationReadyEvent event) {
        ConfigurableApplicationContext context = event.getApplicationContext();
        int code;
        String figures = null;
        try {
            String port = context.getEnvironment().getProperty("local.server.port");
            figures = run(URI.create("http://127.0.0.1:" + port));
            code = 0;
        } catch (Exception e) {
            System.err.println("cellardoor eval: " + e);
            code = 2;
        }
        int exit = code;
        int status = SpringApplication.exit(context, () -> exit);
        if (figures != null) {
            System.out.println(figures); // the last line, after the server has shut down
        }
        System.exit(status);
    }

    /** Runs every case and returns the figures as one JSON object. */
    private String run(URI base) throws Exception {
        List<Case> cases = readCases();
        String slug = "eval-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        long org = tenants.ensureOrg(slug, "Evaluation " + slug);
        String siteKey = "eval-" + UUID.randomUUID();
        tenants.ensureSite(org, siteKey, "Evaluation");
        ImportReport report = importer.importFolder(org, knowledge, line -> System.out.println("  " + line));
        System.out.println("Imported " + knowledge + " into org " + slug + ": " + report.summary());

        HttpClient http = HttpClient.newHttpClient();
        ask(http, base, siteKey, "hello"); // warm-up, not measured
        List<String> rows = new ArrayList<>();
        int recall = 0, hits = 0, answerable = 0, unanswerable = 0, refused = 0, falseRefused = 0, domainOk = 0;
        int ftsRecall = 0, vecRecall = 0, withSources = 0;
        long[] latencies = new long[cases.size()];
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            long t0 = System.nanoTime();
            JsonNode r = ask(http, base, siteKey, c.question());
            latencies[i] = (System.nanoTime() - t0) / 1_000_000;
            boolean answered = r.path("answered").asBoolean();
            String answer = r.path("answer").asString("");
            String domain = r.path("domain").asString("");
            List<String> cited = new ArrayList<>();
            r.path("citations").forEach(n -> cited.add(n.path("path").asString("")));
            boolean rec = cited.stream().limit(5).anyMatch(c.sources()::contains);
            boolean hit = c.answerable()
                    && !c.mustContain().isEmpty()
                    && c.mustContain().stream().allMatch(p -> p.matcher(answer).find());
            String expected = c.domain().equals("about") ? "general" : c.domain();
            boolean domOk = domain.equals(expected)
                    || c.sources().stream()
                            .anyMatch(s -> s.contains("/")
                                    && plugins.domainOfFolder(s.substring(0, s.indexOf('/')))
                                            .equals(domain));
            domainOk += domOk ? 1 : 0;
            if (c.answerable()) {
                answerable++;
                hits += hit ? 1 : 0;
                falseRefused += answered ? 0 : 1;
            } else {
                unanswerable++;
                refused += answered ? 0 : 1;
            }
            if (!c.sources().isEmpty()) {
                withSources++;
                recall += rec ? 1 : 0;
                ftsRecall += recalled(org, c, RetrievalMode.FULL_TEXT) ? 1 : 0;
                vecRecall += recalled(org, c, RetrievalMode.VECTOR) ? 1 : 0;
            }
            rows.add("%-5s %-11s %-11s %-8s %-6s %-5s %5d  %s"
                    .formatted(
                            c.id(),
                            expected,
                            domain + (domOk ? "" : "!"),
                            answered ? "answered" : "declined",
                            c.sources().isEmpty() ? "-" : rec ? "yes" : "NO",
                            c.answerable() ? (hit ? "yes" : "NO") : "-",
                            latencies[i],
                            abbreviate(c.question(), 60)));
        }
        System.out.println();
        System.out.println("%-5s %-11s %-11s %-8s %-6s %-5s %5s  %s"
                .formatted("id", "expected", "domain", "answer", "rec@5", "hit", "ms", "question"));
        rows.forEach(System.out::println);
        Arrays.sort(latencies);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("cases", cases.size());
        figures.put("recall_at_5", ratio(recall, withSources));
        figures.put("answer_hit_rate", ratio(hits, answerable));
        figures.put("refusal_rate", ratio(refused, unanswerable));
        figures.put("false_refusal_rate", ratio(falseRefused, answerable));
        figures.put("domain_accuracy", ratio(domainOk, cases.size()));
        figures.put("p50_ms", percentile(latencies, 0.50));
        figures.put("p95_ms", percentile(latencies, 0.95));
        figures.put("fts_recall_at_5", ratio(ftsRecall, withSources));
        figures.put("vector_recall_at_5", ratio(vecRecall, withSources));
        System.out.println();
        return json.writeValueAsString(figures);
    }

    /** Whether a single retrieval branch finds a listed source among its top five distinct documents. */
    private boolean recalled(long org, Case c, RetrievalMode mode) {
        var query = RetrievalQuery.forOrg(org)
                .text(keywords.of(org, c.question()))
                .embedding(embeddings.embed(c.question()))
                .k(25)
                .mode(mode)
                .build();
        Set<String> top = new LinkedHashSet<>();
        retriever.retrieve(query).forEach(r -> {
            if (top.size() < 5) {
                top.add(r.path());
            }
        });
        return top.stream().anyMatch(c.sources()::contains);
    }

    private JsonNode ask(HttpClient http, URI base, String siteKey, String question) throws Exception {
        String body = json.writeValueAsString(Map.of("message", question));
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v1/chat"))
                .header("Content-Type", "application/json")
                .header("X-Site-Key", siteKey)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "HTTP " + response.statusCode() + " for '" + question + "': " + response.body());
        }
        return json.readTree(response.body());
    }

    private List<Case> readCases() throws Exception {
        List<Case> cases = new ArrayList<>();
        for (String line : Files.readAllLines(questions)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = json.readTree(line);
            List<String> sources = new ArrayList<>();
            n.path("sources").forEach(s -> sources.add(s.asString()));
            List<Pattern> patterns = new ArrayList<>();
            n.path("must_contain")
                    .forEach(s -> patterns.add(
                            Pattern.compile(s.asString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)));
            cases.add(new Case(
                    n.path("id").asString(),
                    n.path("question").asString(),
                    n.path("answerable").asBoolean(),
                    n.path("domain").asString("general"),
                    sources,
                    patterns));
        }
        return cases;
    }

    private static double ratio(int n, int d) {
        return d == 0 ? 0 : Math.round(1000.0 * n / d) / 1000.0;
    }

    private static long percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
