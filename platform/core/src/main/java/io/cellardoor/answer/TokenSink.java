package io.cellardoor.answer;

/** Receives an answer's text as it is produced, piece by piece, in order. */
@FunctionalInterface
public interface TokenSink {

    /** A sink that drops every token. */
    TokenSink NONE = token -> {};

    /** Called with the next piece of the answer (a word or part of one, with its spacing). */
    void token(String token);
}
