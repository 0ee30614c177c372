package io.cellardoor.chat;

import io.cellardoor.answer.Citation;
import io.cellardoor.answer.GeneratedAnswer;
import io.cellardoor.guard.GuardVerdict;
import io.cellardoor.plugin.Classification;
import io.cellardoor.plugin.api.HandlerResult;
import io.cellardoor.retrieval.RetrievedChunk;
import java.util.List;
import java.util.Optional;

/**
 * What each stage of the answer path made of one question, in order: the chat API answers from it, the console's test
 * bench shows all of it.
 *
 * @param guard the guard's verdict (instructions removed, or why it was declined)
 * @param language ISO 639-1 code of the question
 * @param corrections the misspelt words of an English question and what they were read as ({@code "tastin -> tasting"}),
 *     in order; empty when none
 * @param question the question after the follow-up resolver
 * @param shortcut {@code curated} or {@code cache} when an earlier answer was served, else empty
 * @param classification every plugin's score and evidence, and the domain chosen
 * @param retrieved the passages of the turn's one retrieval, best (fused rank 1) first, with their full-text and vector
 *     ranks
 * @param handled what the domain's handler returned (plan, prompt contributions, direct answer), empty for the general
 *     domain or when the handler failed
 * @param directParts the parts of a question asking several things that a handler answered directly alone, in the
 *     order asked (the generator answered the others); empty when the question was answered as a whole
 * @param passages the passages the answer was made from: the retrieved ones re-ranked by the handler's plan
 * @param answer the answer
 * @param citations the citations the chat shows
 */
public record TurnTrace(
        GuardVerdict guard,
        String language,
        List<String> corrections,
        ResolvedQuestion question,
        Optional<String> shortcut,
        Classification classification,
        List<RetrievedChunk> retrieved,
        Optional<HandlerResult> handled,
        List<String> directParts,
        List<RetrievedChunk> passages,
        GeneratedAnswer answer,
        List<Citation> citations) {}
