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
                : curated.peek(orgId, embeddings.embedQuestion(question)).orElse(null);
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
}
