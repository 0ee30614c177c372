package io.cellardoor.e2e.support;

import java.security.SecureRandom;

/**
 * A random marker for text a test finds again in the database or the console. Letters only: the app masks runs of
 * digits that look like phone or card numbers in what visitors write, and a UUID's digit groups sometimes do, so a
 * UUID marker made such tests fail now and then.
 */
public final class UniqueText {

    private static final SecureRandom RANDOM = new SecureRandom();

    private UniqueText() {}

    /** 16 random lower-case letters (about 75 bits). */
    public static String marker() {
        StringBuilder s = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            s.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return s.toString();
    }
}
