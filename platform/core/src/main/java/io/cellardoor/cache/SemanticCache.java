package io.cellardoor.cache;

import com.pgvector.PGvector;
import io.cellardoor.audit.AuditLog;
import io.cellardoor.knowledge.KnowledgeImported;
import io.cellardoor.observability.RagMetrics;
import io.cellardoor.tenant.TenantTransactions;
import io.cellardoor.text.DecisiveWords;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Answers to earlier questions, found again by embedding similarity within one org.
 *
 * <p>A question whose embedding has cosine similarity of at least {@code cellardoor.cache.min-similarity}
 * (default 0.95) with a cached question gets that answer. Only answered turns from the generators are cached
 * (not declines, not turns that failed over, not a plugin's direct answer, which may depend on the time of day).
 *
 * <p>A cached answer never outlives the pages and plugin settings it came from, on any instance: each entry carries
 * the org's generation (migration V52: the count of transactions that changed the org's knowledge or plugin settings)
 * read before the turn retrieved, is stored only if that is still the primary's generation when the turn ends, and is
 * found only while it is current. The org's outdated entries are also deleted after a change, and loading or
 * unloading a domain plugin empties every cache. Nor is it served by other code than computed it: each entry also
 * carries the {@link AnswerCode} of the turn's start (migration V56), so a new release or a plugin jar replaced before a
 * restart does not serve the old code's answers, and a turn in flight across a hot load stores nothing findable.
 *
 * <p>Each entry also expires {@code cellardoor.cache.ttl} (default 7 days) after it was written; expired entries are
 * never served and are deleted when the org's next answer is cached. Look-ups are counted in
 * {@code rag_cache_requests_total{result=hit|miss|bypass}}; an operator empties an org's cache with {@link #clear}
 * ({@code DELETE /api/v1/admin/cache}, the console's system view).
 */
@Component
public class SemanticCache {

    /**
     * A cached answer.
     *
     * @param id cache entry id
     * @param question the question it was first given to
     * @param answer the answer text
     * @param domain the domain it was routed to
     * @param citations the citations, as the chat API returned them
     * @param similarity cosine similarity between the new question and the cached one
     */
    public record Hit<C>(
            long id, String question, String answer, String domain, List<C> citations, double similarity) {}

    /**
     * What a turn's answer is computed from, read before it retrieves.
     *
     * @param generation the org's generation ({@link #generation})
     * @param code the answering code ({@link AnswerCode#current()})
     */
    public record Inputs(long generation, String code) {}

    private final JdbcClient jdbc;
    private final TenantTransactions tenant;
    private final ObjectMapper json;
    private final double minSimilarity;
    private final boolean enabled;
    private final Duration ttl;
    private final RagMetrics metrics;
    private final AuditLog audit;
    private final AnswerCode code;

    SemanticCache(
            JdbcClient jdbc,
            TenantTransactions tenant,
            ObjectMapper json,
            @Value("${cellardoor.cache.min-similarity:0.95}") double minSimilarity,
            @Value("${cellardoor.cache.enabled:true}") boolean enabled,
            @Value("${cellardoor.cache.ttl:7d}") Duration ttl,
            RagMetrics metrics,
            AuditLog audit,
            AnswerCode code) {
        this.audit = audit;
        this.code = code;
        this.jdbc = jdbc;
        this.tenant = tenant;
        this.json = json;
        this.minSimilarity = minSimilarity;
        this.enabled = enabled;
        this.ttl = ttl;
        this.metrics = metrics;
    }

    /** A turn that skipped the cache on an admin's request: counted, nothing found. */
    public <C> Optional<Hit<C>> bypassed() {
        metrics.cache("bypass");
        return Optional.empty();
    }

    /**
     * Empties an org's cache on a staff member's request (audited as {@code cache.cleared}).
     *
     * @param actor the staff member's username
     * @return the number of entries deleted
     */
    public int clear(long orgId, String actor) {
        int deleted = tenant.inOrg(
                orgId,
                () -> jdbc.sql("DELETE FROM semantic_cache WHERE org_id = ?")
                        .param(orgId)
                        .update());
        audit.record(orgId, actor, "cache.cleared", "semantic-cache", null, deleted + " entries");
        return deleted;
    }

    /** Entries of an org that can still be served. */
    public long size(long orgId) {
        return tenant.inOrg(
                orgId,
                () -> jdbc.sql("SELECT count(*) FROM semantic_cache WHERE org_id = ? AND expires_at > now()")
                        .param(orgId)
                        .query(Long.class)
                        .single());
    }

    /**
     * The closest cached answer for the org when it is similar enough; counts the hit.
     *
     * @param embedding the question's embedding, 384 floats, L2-normalised
     * @param citationType the citation record the stored JSON is read as
     */
    public <C> Optional<Hit<C>> find(long orgId, float[] embedding, Class<C> citationType) {
        return find(orgId, null, embedding, citationType);
    }

    /**
     * As {@link #find(long, float[], Class)}, for a question that must also name no other day of the week, month or
     * number than the cached one ({@link DecisiveWords}: "... on Sunday?" is not "... on Saturday?", though as close as
     * a rewording); such a near miss is neither served nor counted.
     *
     * @param question the question as embedded, or null for no such check
     */
    public <C> Optional<Hit<C>> find(long orgId, @Nullable String question, float[] embedding, Class<C> citationType) {
        if (!enabled) {
            return Optional.empty();
        }
        PGvector vector = new PGvector(embedding);
        Optional<Hit<C>> found = tenant.inOrgAsyncCommit(orgId, () -> {
            Optional<Hit<C>> hit = jdbc.sql("""
                            SELECT id, question, answer, domain, citations::text, 1 - (embedding <=> ?) AS similarity
                            FROM semantic_cache
                            WHERE org_id = ? AND expires_at > now()
                              AND generation = (SELECT count(*) FROM answer_change WHERE org_id = ?)
                              AND answered_by = ?
                            ORDER BY embedding <=> ? LIMIT 1""")
                    .params(vector, orgId, orgId, code.current(), vector)
                    .query((rs, n) -> new Hit<>(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            citations(rs.getString(5), citationType),
                            rs.getDouble(6)))
                    .optional()
                    .filter(h -> h.similarity() >= minSimilarity)
                    .filter(h -> question == null || !DecisiveWords.contrast(question, h.question()));
            hit.ifPresent(h -> jdbc.sql(
                            "UPDATE semantic_cache SET hits = hits + 1, last_hit_at = now() WHERE id = ? AND org_id = ?")
                    .params(h.id(), orgId)
                    .update());
            return hit;
        });
        metrics.cache(found.isPresent() ? "hit" : "miss");
        return found;
    }

    /**
     * The org's generation as a turn about to retrieve sees it: read the way retrieval reads (from the read replica when
     * one is configured), so that an answer computed from a replica that lags a change is never stored under the
     * change's generation. A turn passes it to {@link #put(long, Inputs, String, float[], String, String, List)} in
     * {@link #inputs}.
     */
    public long generation(long orgId) {
        if (!enabled) {
            return -1;
        }
        return tenant.inOrgReadOnly(
                orgId,
                () -> jdbc.sql("SELECT count(*) FROM answer_change WHERE org_id = ?")
                        .param(orgId)
                        .query(Long.class)
                        .single());
    }

    /** The org's generation and the answering code, as a turn about to retrieve reads them. */
    public Inputs inputs(long orgId) {
        return new Inputs(generation(orgId), code.current());
    }

    /**
     * Caches an answered turn, if the org's knowledge and plugin settings are still those of the inputs' generation;
     * it is found only by the code that computed it.
     *
     * @param inputs from {@link #inputs}, read before the turn retrieved
     * @return whether it was stored
     */
    public boolean put(
            long orgId,
            Inputs inputs,
            String question,
            float[] embedding,
            String answer,
            String domain,
            List<?> citations) {
        if (!enabled || io.cellardoor.privacy.PersonalDataMasker.containsPersonalData(question)) {
            return false; // a question with contact details is never kept, nor its answer served to someone else
        }
        return tenant.inOrgAsyncCommit(orgId, () -> {
                    jdbc.sql("DELETE FROM semantic_cache WHERE org_id = ? AND expires_at <= now()")
                            .param(orgId)
                            .update();
                    return jdbc.sql("""
                                    INSERT INTO semantic_cache
                                      (org_id, question, embedding, answer, domain, citations, generation, answered_by,
                                       expires_at)
                                    SELECT ?, ?, ?, ?, ?, ?::jsonb, ?, ?, now() + make_interval(secs => ?)
                                    WHERE (SELECT count(*) FROM answer_change WHERE org_id = ?) = ?""")
                            .params(
                                    orgId,
                                    question,
                                    new PGvector(embedding),
                                    answer,
                                    domain,
                                    json.writeValueAsString(citations),
                                    inputs.generation(),
                                    inputs.code(),
                                    (double) ttl.toSeconds(),
                                    orgId,
                                    inputs.generation())
                            .update();
                })
                > 0;
    }

    /** Caches an answer under the org's current generation (tools and tests; a turn uses the other {@code put}). */
    public void put(long orgId, String question, float[] embedding, String answer, String domain, List<?> citations) {
        put(orgId, inputs(orgId), question, embedding, answer, domain, citations);
    }

    /** The org's knowledge changed here: its entries are outdated (no longer found); delete them. */
    @EventListener
    void onKnowledgeImported(KnowledgeImported event) {
        if (event.report().added() + event.report().updated() + event.report().deleted() > 0) {
            tenant.runInOrg(
                    event.orgId(),
                    () -> jdbc.sql("""
                                    DELETE FROM semantic_cache WHERE org_id = ?
                                    AND generation IS DISTINCT FROM (SELECT count(*) FROM answer_change WHERE org_id = ?)""").params(event.orgId(), event.orgId()).update());
        }
    }

    /**
     * Routing changed: answers cached under the old plugins may name the wrong domain or miss a better one. Every org's
     * cache goes, through the database function made for it (no org is set, so a plain DELETE would see no rows).
     */
    @EventListener
    void onDomainPluginsChanged(io.cellardoor.plugin.DomainPluginsChanged event) {
        jdbc.sql("SELECT cellardoor_clear_semantic_caches()").query(Long.class).single();
    }

    /** An org enabled, disabled or set up a plugin: its cached answers may come from a domain or setting it no longer uses. */
    @EventListener
    void onOrgPluginsChanged(io.cellardoor.plugin.OrgPluginsChanged event) {
        tenant.runInOrg(
                event.orgId(),
                () -> jdbc.sql("DELETE FROM semantic_cache WHERE org_id = ?")
                        .param(event.orgId())
                        .update());
    }

    private <C> List<C> citations(String text, Class<C> type) {
        return json.readValue(text, json.getTypeFactory().constructCollectionType(List.class, type));
    }
}
