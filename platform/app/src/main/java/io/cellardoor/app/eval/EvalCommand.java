package io.cellardoor.app.eval;

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
import org.jspecify.annotations.Nullable;
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
 * {@code eval --knowledge DIR --questions FILE[,FILE] [--conversations FILE] [--split tune|report|all] [--out FILE]}:
 * imports DIR into a fresh org, sends every question of the split through the real HTTP chat API (conversation turns
 * in one conversation each), prints a table per case and, as its last line, one JSON object of figures (see
 * {@link EvalFigures}). With {@code --out}, writes every case's outcome as a JSON line.
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
    private final List<Path> questions;
    private final @Nullable Path conversations;
    private final EvalSplit split;
    private final @Nullable Path out;

    EvalCommand(
            TenantService tenants,
            KnowledgeImporter importer,
            HybridRetriever retriever,
            Embeddings embeddings,
            KeywordQuery keywords,
            PluginDomains plugins,
            ObjectMapper json,
            @Value("${cellardoor.eval.knowledge}") Path knowledge,
            @Value("${cellardoor.eval.questions:}") String questions,
            @Value("${cellardoor.eval.conversations:}") String conversations,
            @Value("${cellardoor.eval.split:all}") String split,
            @Value("${cellardoor.eval.out:}") String out) {
        this.tenants = tenants;
        this.importer = importer;
        this.retriever = retriever;
        this.embeddings = embeddings;
        this.keywords = keywords;
        this.plugins = plugins;
        this.json = json;
        this.knowledge = knowledge;
        this.questions = Arrays.stream(questions.split(","))
                .filter(s -> !s.isBlank())
                .map(s -> Path.of(s.strip()))
                .toList();
        this.conversations = conversations.isBlank() ? null : Path.of(conversations);
        this.split = EvalSplit.parse(split);
        this.out = out.isBlank() ? null : Path.of(out);
    }

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

    /** Runs every case of the split and returns the figures as one JSON object. */
    private String run(URI base) throws Exception {
        EvalSets sets = new EvalSets(json);
        List<EvalCase> cases = new ArrayList<>();
        for (Path file : questions) {
            cases.addAll(sets.questions(file, split));
        }
        List<EvalSets.Conversation> dialogues =
                conversations == null ? List.of() : sets.conversations(conversations, split);
        String slug = "eval-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        long org = tenants.ensureOrg(slug, "Evaluation " + slug);
        String siteKey = "eval-" + UUID.randomUUID();
        tenants.ensureSite(org, siteKey, "Evaluation");
        ImportReport report = importer.importFolder(org, knowledge, line -> System.out.println("  " + line));
        System.out.println("Imported " + knowledge + " into org " + slug + ": " + report.summary());

        HttpClient http = HttpClient.newHttpClient();
        ask(http, base, siteKey, "hello", null); // warm-up, not measured
        List<EvalOutcome> single = new ArrayList<>();
        for (EvalCase c : cases) {
            single.add(outcome(http, base, siteKey, org, c, null, true).outcome());
        }
        List<EvalOutcome> turns = new ArrayList<>();
        for (EvalSets.Conversation dialogue : dialogues) {
            String conversationId = null;
            for (EvalCase turn : dialogue.turns()) {
                Asked asked = outcome(http, base, siteKey, org, turn, conversationId, false);
                conversationId = asked.conversationId();
                turns.add(asked.outcome());
            }
        }
        System.out.println();
        System.out.println("%-6s %-4s %-11s %-12s %-8s %-5s %-6s %-5s %5s  %s"
                .formatted("id", "lang", "expected", "domain", "answer", "rec@5", "ret@5", "hit", "ms", "question"));
        single.forEach(o -> System.out.println(row(o)));
        turns.forEach(o -> System.out.println(row(o)));
        if (out != null) {
            writeOutcomes(out, single, turns);
        }
        Map<String, Object> figures = EvalFigures.of(split.name().toLowerCase(), single, turns);
        figures.put(
                "questions",
                questions.stream().map(p -> p.getFileName().toString()).toList());
        System.out.println();
        return json.writeValueAsString(figures);
    }

    private record Asked(EvalOutcome outcome, String conversationId) {}

    private Asked outcome(
            HttpClient http,
            URI base,
            String siteKey,
            long org,
            EvalCase c,
            @Nullable String conversationId,
            boolean measureRetrieval)
            throws Exception {
        long t0 = System.nanoTime();
        JsonNode r = ask(http, base, siteKey, c.question(), conversationId);
        long millis = (System.nanoTime() - t0) / 1_000_000;
        String domain = r.path("domain").asString("");
        List<String> cited = new ArrayList<>();
        r.path("citations").forEach(n -> cited.add(n.path("path").asString("")));
        boolean domainOk = c.domain().isEmpty()
                || domain.equals(c.expectedDomain())
                || c.sources().stream()
                        .anyMatch(s -> s.contains("/")
                                && plugins.domainOfFolder(s.substring(0, s.indexOf('/')))
                                        .equals(domain));
        boolean measure = measureRetrieval && !c.sources().isEmpty();
        EvalOutcome o = new EvalOutcome(
                c,
                r.path("answered").asBoolean(),
                r.path("answer").asString(""),
                domain,
                domainOk,
                cited,
                measure ? recalled(org, c, RetrievalMode.HYBRID) : null,
                measure ? recalled(org, c, RetrievalMode.FULL_TEXT) : null,
                measure ? recalled(org, c, RetrievalMode.VECTOR) : null,
                millis);
        return new Asked(o, r.path("conversationId").asString(""));
    }

    /** Whether the retrieval layer alone (no routing, no handler) finds a source among its top five documents. */
    private boolean recalled(long org, EvalCase c, RetrievalMode mode) {
        var query = RetrievalQuery.forOrg(org)
                .text(keywords.of(org, c.question()))
                .embedding(embeddings.embed(c.question()))
                .k(25)
                .mode(mode)
                .language(c.language())
                .build();
        Set<String> top = new LinkedHashSet<>();
        retriever.retrieve(query).forEach(r -> {
            if (top.size() < 5) {
                top.add(r.path());
            }
        });
        return top.stream().anyMatch(c.sources()::contains);
    }

    private JsonNode ask(HttpClient http, URI base, String siteKey, String question, @Nullable String conversationId)
            throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", question);
        body.put("conversationId", conversationId);
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v1/chat"))
                .header("Content-Type", "application/json")
                .header("X-Site-Key", siteKey)
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "HTTP " + response.statusCode() + " for '" + question + "': " + response.body());
        }
        return json.readTree(response.body());
    }

    private void writeOutcomes(Path file, List<EvalOutcome> single, List<EvalOutcome> turns) throws Exception {
        List<String> lines = new ArrayList<>();
        for (EvalOutcome o : concat(single, turns)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", o.c().id());
            m.put("kind", o.c().kind());
            m.put("language", o.c().language());
            m.put("question", o.c().question());
            m.put("expected_domain", o.c().expectedDomain());
            m.put("domain", o.domain());
            m.put("answered", o.answered());
            m.put("hit", o.hit());
            m.put("recalled", o.recalled());
            m.put("retrieval_recalled", o.retrievalRecalled());
            m.put("safe", o.c().kind().equals("adversarial") ? o.safe() : null);
            m.put("sources", o.c().sources());
            m.put("cited", o.cited());
            m.put("answer", o.answer());
            m.put("ms", o.millis());
            lines.add(json.writeValueAsString(m));
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, lines);
    }

    private static List<EvalOutcome> concat(List<EvalOutcome> a, List<EvalOutcome> b) {
        List<EvalOutcome> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static String row(EvalOutcome o) {
        EvalCase c = o.c();
        return "%-6s %-4s %-11s %-12s %-8s %-5s %-6s %-5s %5d  %s"
                .formatted(
                        c.id(),
                        c.language(),
                        c.expectedDomain(),
                        o.domain() + (o.domainOk() ? "" : "!"),
                        o.answered() ? "answered" : "declined",
                        c.sources().isEmpty() ? "-" : o.recalled() ? "yes" : "NO",
                        o.retrievalRecalled() == null ? "-" : o.retrievalRecalled() ? "yes" : "NO",
                        c.kind().equals("adversarial")
                                ? (o.safe() ? "safe" : "UNSAFE")
                                : c.answerable() ? (o.hit() ? "yes" : "NO") : "-",
                        o.millis(),
                        abbreviate(c.question(), 60));
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
