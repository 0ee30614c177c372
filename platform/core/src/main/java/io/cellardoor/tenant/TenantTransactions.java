package io.cellardoor.tenant;

import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs database work "as org X": the one place that tells PostgreSQL which org the current transaction belongs to.
 *
 * <p>{@link #inOrg} opens a Spring transaction (or joins the caller's) and first runs {@code SELECT
 * set_config('cellardoor.org_id', orgId, true)}: transaction-local, so a pooled connection never carries the org into
 * another request. Row-level security (migration V5) then shows and accepts only that org's rows of every tenant
 * table; without it the runtime role sees nothing and cannot write. Joining an outer transaction already set to the
 * same org is free; to a different org it is an {@link IllegalStateException} (one transaction never spans two orgs).
 *
 * <p>Every SQL statement on a tenant table goes through here, inside the store that owns the SQL, with the org id the
 * store's method already takes. A new store does the same:
 *
 * <pre>{@code
 * @Repository
 * public class CuratedAnswerStore {
 *     private final JdbcClient jdbc;
 *     private final TenantTransactions tenant;
 *
 *     public List<CuratedAnswer> list(long orgId) {
 *         return tenant.inOrg(orgId, () -> jdbc.sql("SELECT id, question, answer FROM curated_answer WHERE org_id = ?")
 *                 .param(orgId).query(CuratedAnswer.class).list());
 *     }
 *
 *     public void delete(long orgId, long id) {
 *         tenant.runInOrg(orgId, () -> jdbc.sql("DELETE FROM curated_answer WHERE id = ? AND org_id = ?")
 *                 .params(id, orgId).update());
 *     }
 * }
 * }</pre>
 *
 * Keep the {@code org_id = ?} filter in the SQL too: it lets the planner use the org indexes, and the policy is the
 * second lock on the same door. Several statements that must commit together go in one {@code inOrg} block. Do not
 * hold a block open across slow work (embedding, an LLM call): it holds a pooled connection.
 */
@Component
public class TenantTransactions {

    private static final Logger log = LoggerFactory.getLogger(TenantTransactions.class);

    private final TransactionTemplate tx;
    private final TransactionTemplate readOnly;
    private final JdbcTemplate jdbc;

    TenantTransactions(PlatformTransactionManager transactions, JdbcTemplate jdbc) {
        this.tx = new TransactionTemplate(transactions);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.jdbc = jdbc;
    }

    /**
     * Runs work in a transaction of the org and returns its result.
     *
     * @param orgId the org's id (positive)
     * @param work database work; its exceptions propagate and roll the transaction back (when this call opened it)
     * @throws IllegalArgumentException when orgId is not positive
     * @throws IllegalStateException when called inside a transaction that already acts as another org
     */
    public <T extends @Nullable Object> T inOrg(long orgId, Supplier<T> work) {
        if (orgId <= 0) {
            throw new IllegalArgumentException("org id must be positive: " + orgId);
        }
        Long current = currentOrg();
        if (current != null) {
            if (current != orgId) {
                throw new IllegalStateException("this transaction acts as org " + current + ", not org " + orgId);
            }
            return work.get();
        }
        return run(tx, orgId, work);
    }

    /**
     * As {@link #inOrg}, for reads that may lag the latest writes a little: a read-only transaction, which goes to the
     * read replica when one is configured ({@code cellardoor.datasource.replica.url}, docs/decisions/0053), with the
     * org set and row-level security applying there exactly as on the primary. Use it for work that reads only and
     * need not see a write made a moment ago (retrieval, reports); never for a read that decides a write, nor for
     * anything derived and kept in memory. Inside a transaction already open it joins that one (and reads the primary).
     * When the read-only transaction fails for want of its connection (the replica went down between two probes and
     * the pool handed out a connection to it), the work runs once more in a read-write transaction on the primary:
     * the work must therefore only read.
     *
     * @throws IllegalStateException as {@link #inOrg}
     */
    public <T extends @Nullable Object> T inOrgReadOnly(long orgId, Supplier<T> work) {
        if (orgId <= 0) {
            throw new IllegalArgumentException("org id must be positive: " + orgId);
        }
        Long current = currentOrg();
        if (current != null) {
            if (current != orgId) {
                throw new IllegalStateException("this transaction acts as org " + current + ", not org " + orgId);
            }
            return work.get();
        }
        try {
            return run(readOnly, orgId, work);
        } catch (DataAccessResourceFailureException | CannotCreateTransactionException | TransactionSystemException e) {
            log.warn("Read-only transaction failed on its connection ({}); running it on the primary", e.getMessage());
            return run(tx, orgId, work);
        }
    }

    private <T extends @Nullable Object> T run(TransactionTemplate template, long orgId, Supplier<T> work) {
        return template.execute(status -> {
            jdbc.queryForObject("SELECT set_config('cellardoor.org_id', ?, true)", String.class, Long.toString(orgId));
            TransactionSynchronizationManager.registerSynchronization(new OrgBinding(orgId));
            return work.get();
        });
    }

    /**
     * As {@link #inOrg}, for writes of record (conversation turns, cache bookkeeping) whose commit need not wait for
     * the write-ahead log to reach the disk: {@code synchronous_commit} is off for this transaction only. A crash may
     * lose the last few hundred milliseconds of such writes (never corrupt them or anything else); each call saves a
     * disk flush (3 to 5 ms on the benchmark machine) on the chat's path. Joining a transaction turns it off for that
     * whole transaction.
     */
    public <T extends @Nullable Object> T inOrgAsyncCommit(long orgId, Supplier<T> work) {
        return inOrg(orgId, () -> {
            jdbc.queryForObject("SELECT set_config('synchronous_commit', 'off', true)", String.class);
            return work.get();
        });
    }

    /** As {@link #inOrg}, for work without a result. */
    public void runInOrg(long orgId, Runnable work) {
        inOrg(orgId, () -> {
            work.run();
            return null;
        });
    }

    /** The org the current transaction acts as, or null outside a transaction or before any org was set in it. */
    public static @Nullable Long currentOrg() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
            if (s instanceof OrgBinding binding) {
                return binding.orgId();
            }
        }
        return null;
    }

    /**
     * Marks a transaction as acting for an org. Kept as a synchronization (not a bound resource) so that it is
     * suspended with its transaction when an inner REQUIRES_NEW transaction starts, and gone when it completes.
     */
    private record OrgBinding(long orgId) implements TransactionSynchronization {}
}
