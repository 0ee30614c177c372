package io.cellardoor.answer;

/** Turns retrieved passages into an answer with citations, or declines. */
public interface AnswerGenerator {

    /**
     * Answers from the request's passages only, streaming the text to the sink as it is produced.
     *
     * @return the whole answer; its text equals the concatenated tokens sent to the sink
     */
    GeneratedAnswer generate(AnswerRequest request, TokenSink sink);

    /** Sends a finished text to a sink word by word, as a generator that streams would. */
    static void stream(String text, TokenSink sink) {
        var m = java.util.regex.Pattern.compile("\\S+\\s*|\\s+").matcher(text);
        while (m.find()) {
            sink.token(m.group());
        }
    }
}
