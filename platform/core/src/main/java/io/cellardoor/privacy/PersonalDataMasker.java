package io.cellardoor.privacy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Masks contact details in free text before it is stored or logged: email addresses become {@value #EMAIL}, payment
 * card numbers (13 to 19 digits, spaces or hyphens between groups, Luhn-valid) {@value #CARD}, and phone numbers (7
 * to 15 digits, optionally with {@code +}, spaces, dots, hyphens and parentheses) {@value #PHONE}. Everything else is
 * kept, so a masked question still reads as the question ("call me at [phone]"). Dates ({@code 2026-12-03}), times,
 * prices and years are not phone numbers: a phone needs at least 7 digits and no date shape.
 *
 * <p>Stateless and thread-safe; the whole API is {@link #mask}.
 */
public final class PersonalDataMasker {

    /** What an email address becomes. */
    public static final String EMAIL = "[email]";
    /** What a card number becomes. */
    public static final String CARD = "[card]";
    /** What a phone number becomes. */
    public static final String PHONE = "[phone]";

    private static final Pattern EMAIL_PATTERN = Pattern.compile(
            "[\\p{L}\\p{N}._%+'-]{1,64}@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.\\p{L}{2,}",
            Pattern.UNICODE_CHARACTER_CLASS);
    /** 13 to 19 digits, groups separated by one space or hyphen, not inside a longer number. */
    private static final Pattern CARD_PATTERN = Pattern.compile("(?<![\\d])\\d(?:[ -]?\\d){12,18}(?![\\d])");
    /** A candidate phone number: digits with phone punctuation, starting with a digit, + or (. */
    private static final Pattern PHONE_PATTERN =
            Pattern.compile("(?<![\\w+])(?:\\+|\\(\\+?)?\\d[\\d ().-]{5,22}\\d(?![\\w])");

    private static final Pattern DATE_OR_DECIMAL =
            Pattern.compile("\\d{4}[-./]\\d{1,2}[-./]\\d{1,2}|\\d{1,2}[-./]\\d{1,2}[-./]\\d{2,4}|\\d+\\.\\d{1,2}");

    private PersonalDataMasker() {}

    /** The text with every email address, card number and phone number replaced; null stays null. */
    public static @Nullable String maskNullable(@Nullable String text) {
        return text == null ? null : mask(text);
    }

    /**
     * The text with every email address, Luhn-valid card number and phone number replaced by {@value #EMAIL},
     * {@value #CARD} and {@value #PHONE}.
     */
    public static String mask(String text) {
        if (text.isEmpty()) {
            return text;
        }
        String masked = EMAIL_PATTERN.matcher(text).replaceAll(EMAIL);
        masked = replace(CARD_PATTERN.matcher(masked), CARD, PersonalDataMasker::isCard);
        return replace(PHONE_PATTERN.matcher(masked), PHONE, PersonalDataMasker::isPhone);
    }

    /**
     * A copy of an exception for logging: the same class name, stack trace and cause chain, with every message masked
     * (database errors quote the failing row's values). Log this instead of the original.
     */
    public static Throwable forLog(Throwable e) {
        return forLog(e, 0);
    }

    private static Throwable forLog(Throwable e, int depth) {
        Throwable cause =
                e.getCause() != null && e.getCause() != e && depth < 10 ? forLog(e.getCause(), depth + 1) : null;
        Throwable copy = new MaskedException(e.getClass().getName() + ": " + maskNullable(e.getMessage()), cause);
        copy.setStackTrace(e.getStackTrace());
        return copy;
    }

    /** An exception as logged: its original class name leads the message. */
    static final class MaskedException extends RuntimeException {
        MaskedException(String message, @Nullable Throwable cause) {
            super(message, cause, false, true);
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }

    /** True when the text holds something {@link #mask} would replace. */
    public static boolean containsPersonalData(String text) {
        return !mask(text).equals(text);
    }

    private interface Check {
        boolean test(String candidate);
    }

    private static String replace(Matcher m, String replacement, Check check) {
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, check.test(m.group()) ? Matcher.quoteReplacement(replacement) : "$0");
        }
        m.appendTail(out);
        return out.toString();
    }

    private static boolean isCard(String candidate) {
        String digits = candidate.replaceAll("[ -]", "");
        return digits.length() >= 13 && digits.length() <= 19 && luhn(digits);
    }

    private static boolean isPhone(String candidate) {
        String trimmed = candidate.strip();
        int digits = 0;
        for (int i = 0; i < trimmed.length(); i++) {
            if (Character.isDigit(trimmed.charAt(i))) {
                digits++;
            }
        }
        if (digits < 7 || digits > 15) {
            return false;
        }
        return !DATE_OR_DECIMAL.matcher(trimmed).matches();
    }

    /** The Luhn (mod 10) check of a string of digits. */
    static boolean luhn(String digits) {
        int sum = 0;
        boolean dbl = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (dbl) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            dbl = !dbl;
        }
        return sum % 10 == 0;
    }
}
