package io.cellardoor.chat.internal;

import java.util.regex.Pattern;

/**
 * Spots questions that try to re-program the assistant (persona switches, "ignore your instructions")
 * or ask for things it must never grant (discount codes), so they are declined before retrieval.
 */
public final class InjectionGuard {

    private static final Pattern ATTEMPT =
            Pattern.compile("(?i)\\b(you are now|from now on you|pretend (to be|you)|act as|"
                    + "ignore (all |any |your |the )?(previous |prior |above )?(instructions|rules|prompt)|"
                    + "(system|developer) prompt|jailbreak|don'?t follow (the |any |your )?rules|"
                    + "100\\s*%\\s*(discount|off))");

    private InjectionGuard() {}

    /** Whether the text looks like a prompt-injection or fraud attempt. */
    public static boolean isAttempt(String text) {
        return ATTEMPT.matcher(text).find();
    }
}
