package io.cellardoor.chat.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.cellardoor.answer.AnswerLinkPolicy;
import io.cellardoor.answer.GeneratedAnswer;
import io.cellardoor.tenant.Site;
import io.cellardoor.tenant.TenantTransactions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Applies {@link AnswerLinkPolicy} to a turn's answer: links only to the site's allowed origins and the org's
 * documents' {@code source_url}s (read once a minute per org), never images.
 */
@Component
public class AnswerLinks {

    private final JdbcClient jdbc;
    private final TenantTransactions tenant;
    private final Cache<Long, List<String>> sourceUrls = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(1))
            .maximumSize(10_000)
            .build();

    AnswerLinks(JdbcClient jdbc, TenantTransactions tenant) {
        this.jdbc = jdbc;
        this.tenant = tenant;
    }

    /** The answer with its text sanitized for this site; the same answer when nothing had to go. */
    public GeneratedAnswer sanitize(Site site, GeneratedAnswer answer) {
        List<String> allowed = new ArrayList<>(site.allowedOrigins());
        allowed.addAll(sourceUrls.get(site.orgId(), this::load));
        String text = AnswerLinkPolicy.sanitize(answer.text(), allowed);
        return text.equals(answer.text())
                ? answer
                : new GeneratedAnswer(
                        text, answer.answered(), answer.sourcePaths(), answer.confidence(), answer.generator());
    }

    private List<String> load(long orgId) {
        return tenant.inOrg(
                orgId, () -> jdbc.sql("""
                        SELECT DISTINCT metadata->>'source_url' FROM kb_document
                        WHERE org_id = ? AND metadata->>'source_url' LIKE 'https://%'""").param(orgId).query(String.class).list());
    }
}
