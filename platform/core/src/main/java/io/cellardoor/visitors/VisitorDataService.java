package io.cellardoor.visitors;

import io.cellardoor.audit.AuditLog;
import io.cellardoor.handoff.HandoffRequest;
import io.cellardoor.handoff.HandoffService;
import io.cellardoor.tenant.TenantTransactions;
import io.cellardoor.visitors.internal.VisitorDataStore;
import io.cellardoor.web.ApiProblem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Data subject requests (GDPR articles 15 and 17) for one org: everything stored about a visitor, found by the
 * visitor token's id or by an email address left with a handoff, exported or erased. Both are audited without the
 * email address itself (the audit log is kept forever): the target is {@code visitor:<uuid>} or
 * {@code visitor:email:<first 12 hex digits of its SHA-256>}.
 */
@Service
public class VisitorDataService {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");

    /**
     * Everything stored about a visitor.
     *
     * @param subject the id or email asked about, as given
     * @param visitorIds the visitor ids found (the asked id, and those of handoffs left with the email)
     * @param visitors the visitor records (anonymous token ids with their site and first visit)
     * @param conversations their conversations with every turn, feedback included
     * @param handoffs questions left for the team, email and name decrypted
     */
    public record Export(
            String subject,
            Instant exportedAt,
            Set<UUID> visitorIds,
            List<VisitorDataStore.ExportedVisitor> visitors,
            List<VisitorDataStore.ExportedConversation> conversations,
            List<HandoffRequest> handoffs) {}

    /** What an erasure deleted. */
    public record Erasure(String subject, int conversations, int messages, int handoffs, int visitors) {}

    private final VisitorDataStore store;
    private final HandoffService handoffs;
    private final AuditLog audit;
    private final TenantTransactions tenant;

    VisitorDataService(VisitorDataStore store, HandoffService handoffs, AuditLog audit, TenantTransactions tenant) {
        this.store = store;
        this.handoffs = handoffs;
        this.audit = audit;
        this.tenant = tenant;
    }

    /**
     * Exports what the org stores about a visitor, and records who asked.
     *
     * @param subject a visitor id (UUID) or an email address
     * @throws ApiProblem 400 {@code invalid-visitor} when it is neither
     */
    public Export export(long orgId, String actor, String subject) {
        Found found = find(orgId, subject);
        Export export = new Export(
                subject.strip(),
                Instant.now(),
                found.visitorIds(),
                store.visitors(orgId, found.visitorIds()),
                store.conversations(orgId, found.visitorIds(), found.conversationIds()),
                found.handoffs());
        audit.record(
                orgId,
                actor,
                "visitor.export",
                target(subject),
                null,
                "{\"conversations\": %d, \"handoffs\": %d}"
                        .formatted(
                                export.conversations().size(), export.handoffs().size()));
        return export;
    }

    /**
     * Erases a visitor's conversations (with their messages and feedback), handoff requests and visitor records in one
     * transaction with its audit record.
     *
     * @throws ApiProblem 400 {@code invalid-visitor}
     */
    public Erasure erase(long orgId, String actor, String subject) {
        return tenant.inOrg(orgId, () -> {
            Found found = find(orgId, subject);
            Set<UUID> conversations = new LinkedHashSet<>(found.conversationIds());
            store.conversations(orgId, found.visitorIds(), List.of()).forEach(c -> conversations.add(c.id()));
            VisitorDataStore.Erased erased = store.erase(orgId, conversations, found.visitorIds());
            int handoffCount = handoffs.delete(
                    orgId, found.handoffs().stream().map(HandoffRequest::id).toList());
            Erasure erasure = new Erasure(
                    subject.strip(), erased.conversations(), erased.messages(), handoffCount, erased.visitors());
            audit.record(
                    orgId,
                    actor,
                    "visitor.erase",
                    target(subject),
                    null,
                    "{\"conversations\": %d, \"messages\": %d, \"handoffs\": %d, \"visitors\": %d}"
                            .formatted(
                                    erasure.conversations(),
                                    erasure.messages(),
                                    erasure.handoffs(),
                                    erasure.visitors()));
            return erasure;
        });
    }

    private record Found(Set<UUID> visitorIds, Set<UUID> conversationIds, List<HandoffRequest> handoffs) {}

    private Found find(long orgId, String subject) {
        String s = subject.strip();
        UUID visitor = uuid(s);
        String email = visitor == null && s.length() <= 254 && EMAIL.matcher(s).matches() ? s : null;
        if (visitor == null && email == null) {
            throw ApiProblem.invalid(
                    "invalid-visitor",
                    "Invalid visitor",
                    "Name the visitor by the id of their visitor token (a UUID) or by the email address they left.");
        }
        List<HandoffRequest> left = handoffs.ofVisitor(orgId, visitor, email);
        Set<UUID> visitorIds = new LinkedHashSet<>();
        if (visitor != null) {
            visitorIds.add(visitor);
        }
        left.stream().map(HandoffRequest::visitorId).filter(Objects::nonNull).forEach(visitorIds::add);
        Set<UUID> conversations = new LinkedHashSet<>();
        left.stream()
                .map(HandoffRequest::conversationId)
                .filter(Objects::nonNull)
                .forEach(conversations::add);
        return new Found(visitorIds, conversations, left);
    }

    private static @Nullable UUID uuid(String text) {
        try {
            return text.length() == 36 ? UUID.fromString(text) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The audit target: the visitor id, or a short hash of the email (the log is kept; the address is not). */
    static String target(String subject) {
        String s = subject.strip();
        UUID visitor = uuid(s);
        if (visitor != null) {
            return "visitor:" + visitor;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(s.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return "visitor:email:" + HexFormat.of().formatHex(digest).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
