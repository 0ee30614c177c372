package io.cellardoor.knowledge;

import io.cellardoor.tenant.TenantService;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gives an org the contact line of its own knowledge after each import: the first phone number and e-mail address,
 * looking in documents whose path mentions "contact" first. The line is what a declined answer
 * offers visitors ("You can reach us at (555) 010-0199 or hello@example.com.").
 */
@Component
class ContactLineFinder {

    private static final Pattern PHONE = Pattern.compile("\\(?\\b\\d{3}\\)?[\\s.-]\\d{3}[\\s.-]\\d{4}\\b");
    private static final Pattern EMAIL = Pattern.compile("\\b[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+\\b");

    private final KnowledgeStore store;
    private final TenantService tenants;

    ContactLineFinder(KnowledgeStore store, TenantService tenants) {
        this.store = store;
        this.tenants = tenants;
    }

    /**
     * After every import the org's line is found again in its knowledge as it is now, so a knowledge folder imported into
     * an org that held another folder before never keeps the previous business's contact details; with none found the
     * line is emptied (declines then give a neutral line). A site's own contact line, set in the console, outranks it.
     */
    @EventListener
    void onKnowledgeImported(KnowledgeImported event) {
        List<String> texts = store.plainTextsContactFirst(event.orgId());
        String line = contactLine(texts).orElse("");
        if (!line.equals(tenants.contactLine(event.orgId()))) {
            tenants.updateContactLine(event.orgId(), line);
        }
    }

    /** "You can reach us at PHONE or EMAIL." from the first texts that have them, if any. */
    static Optional<String> contactLine(List<String> texts) {
        String phone = first(PHONE, texts);
        String email = first(EMAIL, texts);
        if (phone == null && email == null) {
            return Optional.empty();
        }
        String how = phone != null && email != null ? phone + " or " + email : phone != null ? phone : email;
        return Optional.of("You can reach us at " + how + ".");
    }

    private static @org.jspecify.annotations.Nullable String first(Pattern pattern, List<String> texts) {
        for (String text : texts) {
            Matcher m = pattern.matcher(text);
            if (m.find()) {
                return m.group();
            }
        }
        return null;
    }
}
