package io.cellardoor.testbench;

import io.cellardoor.chat.ChatService;
import io.cellardoor.chat.TurnTrace;
import io.cellardoor.curated.CuratedAnswers;
import io.cellardoor.embedding.Embeddings;
import io.cellardoor.retrieval.RetrievedChunk;
import io.cellardoor.web.ApiProblem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Runs a question through the chat pipeline as a dry run ({@link ChatService#dryRun}): no conversation or message is
 * written, the semantic cache is neither read nor filled, and a curated answer that would be served is reported
 * without counting a hit.
 */
@Service
public class TestBench {

    private final ChatService chat;
    private final CuratedAnswers curated;
    private final Embeddings embeddings;

    TestBench(ChatService chat, CuratedAnswers curated, Embeddings embeddings) {
        this.chat = chat;
        this.curated = curated;
        this.embeddings = embeddings;
    }

    /**
     * @param question 1..2000 characters
     * @throws ApiProblem 400 {@code blank-message}, 413 {@code message-too-long}
     */
    public BenchResult run(long orgId, @Nullable String question) {
        if (question == null || question.isBlank()) {
            throw ApiProblem.blankMessage();
        }
        long started = System.nanoTime();
        TurnTrace run = chat.dryRun(orgId, question);
        var match = Embeddings.questionText(question).isEmpty()
                ? null
                : curated.peek(orgId, question, embeddings.embedQuestion(question))
                        .orElse(null);
        List<BenchChunk> chunks = new ArrayList<>();
        List<RetrievedChunk> passages = run.passages();
        for (int i = 0; i < passages.size(); i++) {
            RetrievedChunk p = passages.get(i);
            chunks.add(new BenchChunk(
                    i + 1,
                    p.fullTextRank() > 0 ? p.fullTextRank() : null,
                    p.vectorRank() > 0 ? p.vectorRank() : null,
                    p.score(),
                    p.cosineSimilarity(),
                    p.path(),
                    p.title(),
                    p.headingPath(),
                    p.text()));
        }
        return new BenchResult(
                question.strip(),
                stages(run),
                run.classification(),
                List.copyOf(chunks),
                run.answer().text(),
                run.answer().answered(),
                run.answer().generator(),
                run.answer().confidence(),
                run.citations(),
                match,
                (System.nanoTime() - started) / 1_000_000,
                Instant.now());
    }

    /** Each stage's output of a dry run, in one line each. */
    static List<BenchStage> stages(TurnTrace run) {
        List<BenchStage> stages = new ArrayList<>();
        stages.add(new BenchStage(
                "guard",
                (run.guard().answers()
                                ? "answers"
                                : "declines (" + run.guard().decline().orElseThrow() + ")")
                        + (run.guard().rules().isEmpty()
                                ? ""
                                : "; matched " + String.join(", ", run.guard().rules()))
                        + (run.guard().answers() && !run.guard().rules().isEmpty()
                                ? "; answers \"" + run.guard().question() + "\""
                                : "")));
        stages.add(new BenchStage("language", run.language()));
        stages.add(new BenchStage(
                "spelling", run.corrections().isEmpty() ? "as typed" : String.join(", ", run.corrections())));
        stages.add(new BenchStage(
                "rewrite",
                run.question().rule()
                        + (run.question().followUp() ? ": \"" + run.question().text() + "\"" : "")));
        if (!run.guard().answers()) {
            return stages;
        }
        stages.add(new BenchStage(
                "classify",
                run.classification().primary()
                        + (run.classification().related().isEmpty()
                                ? ""
                                : " (related "
                                        + String.join(", ", run.classification().related()) + ")")));
        stages.add(new BenchStage("retrieve", run.retrieved().size() + " passages"));
        stages.add(new BenchStage(
                "handle",
                run.handled()
                        .map(h -> (h.directAnswer().isPresent()
                                        ? "direct answer from facts (confidence "
                                                + "%.2f"
                                                        .formatted(h.directAnswer()
                                                                .get()
                                                                .confidence()) + "); "
                                        : "")
                                + "plan k=" + h.plan().k()
                                + (h.plan().domainWeights().isEmpty()
                                        ? ""
                                        : ", weights " + h.plan().domainWeights())
                                + (h.plan().boostPaths().isEmpty()
                                        ? ""
                                        : ", boosts " + h.plan().boostPaths())
                                + ", " + h.promptContributions().size() + " prompt contributions (LLM only)")
                        .orElse("general path (no domain handler)")));
        if (!run.directParts().isEmpty()) {
            stages.add(new BenchStage(
                    "parts", "answered directly: " + String.join(" | ", run.directParts()) + "; the rest generated"));
        }
        stages.add(new BenchStage("rank", run.passages().size() + " passages to answer from"));
        stages.add(new BenchStage(
                "generate",
                run.answer().generator() + ", " + (run.answer().answered() ? "answered" : "declined") + ", confidence "
                        + "%.2f".formatted(run.answer().confidence())));
        stages.add(new BenchStage("cite", run.citations().size() + " citations"));
        return stages;
    }
}
