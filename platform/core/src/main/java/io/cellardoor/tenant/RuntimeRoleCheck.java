package io.cellardoor.tenant;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Refuses to start the app when the database would not isolate tenants: its runtime role (the connection pool's user)
 * is a superuser, has BYPASSRLS, owns (or is a member of the owner of) a tenant table, or a tenant table (one with an
 * {@code org_id} column, and {@code org}) has no row-level security. Runs once all beans exist, so after Flyway.
 *
 * <p>{@code cellardoor.tenant.allow-rls-bypass=true} turns the refusal into a warning, for setups that cannot give the
 * app a plain role; tenants are then separated only by the queries' {@code org_id} filters.
 */
@Component
public class RuntimeRoleCheck implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(RuntimeRoleCheck.class);

    private final JdbcTemplate jdbc;
    private final boolean allowBypass;

    RuntimeRoleCheck(JdbcTemplate jdbc, @Value("${cellardoor.tenant.allow-rls-bypass:false}") boolean allowBypass) {
        this.jdbc = jdbc;
        this.allowBypass = allowBypass;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!fullTextMatchIsLeakproof(jdbc)) {
            log.warn(
                    "Full-text queries of the runtime role cannot use their index: row-level security lets the planner "
                            + "use a condition's index only when its function is LEAKPROOF. As a superuser, run "
                            + "ALTER FUNCTION pg_catalog.ts_match_vq(tsvector, tsquery) LEAKPROOF (README 'Database roles').");
        }
        List<String> problems = problems(jdbc);
        if (problems.isEmpty()) {
            return;
        }
        String message =
                "The database role of the app does not enforce tenant isolation: " + String.join("; ", problems)
                        + ". Connect as a plain runtime role (CELLARDOOR_DB_APP_USER, see README 'Database roles'), or set "
                        + "cellardoor.tenant.allow-rls-bypass=true to run without database isolation.";
        if (!allowBypass) {
            throw new IllegalStateException(message);
        }
        log.warn("{} (allowed by cellardoor.tenant.allow-rls-bypass)", message);
    }

    /**
     * Whether {@code tsvector @@ tsquery} ({@code ts_match_vq}) is marked LEAKPROOF in this database, which row-level
     * security needs before the planner may use the GIN or RUM index for it (PostgreSQL's default is not).
     */
    public static boolean fullTextMatchIsLeakproof(JdbcTemplate jdbc) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT proleakproof FROM pg_proc WHERE oid = 'pg_catalog.ts_match_vq(tsvector, tsquery)'::regprocedure",
                Boolean.class));
    }

    /**
     * What is wrong with the connection's role, empty when nothing is.
     *
     * @param jdbc a connection as the role to check
     * @return human-readable problems, e.g. "role cellardoor owns the tenant tables site, kb_chunk"
     */
    public static List<String> problems(JdbcTemplate jdbc) {
        List<String> problems = new ArrayList<>();
        jdbc.query("SELECT rolname, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user", rs -> {
            if (rs.getBoolean(2)) {
                problems.add("role " + rs.getString(1) + " is a superuser");
            }
            if (rs.getBoolean(3)) {
                problems.add("role " + rs.getString(1) + " has BYPASSRLS");
            }
        });
        List<String> owned = jdbc.queryForList("""
                SELECT c.relname FROM pg_class c
                WHERE c.relnamespace = (SELECT n.oid FROM pg_namespace n WHERE n.nspname = current_schema()) AND c.relkind IN ('r', 'p')
                  AND (c.relname = 'org' OR EXISTS (SELECT FROM pg_attribute a
                        WHERE a.attrelid = c.oid AND a.attname = 'org_id' AND NOT a.attisdropped))
                  AND pg_has_role(current_user, c.relowner, 'MEMBER')
                ORDER BY c.relname""", String.class);
        if (!owned.isEmpty()) {
            problems.add("role " + jdbc.queryForObject("SELECT current_user", String.class) + " owns the tenant tables "
                    + String.join(", ", owned));
        }
        List<String> open = jdbc.queryForList("""
                SELECT c.relname FROM pg_class c
                WHERE c.relnamespace = (SELECT n.oid FROM pg_namespace n WHERE n.nspname = current_schema()) AND c.relkind IN ('r', 'p')
                  AND (c.relname = 'org' OR EXISTS (SELECT FROM pg_attribute a
                        WHERE a.attrelid = c.oid AND a.attname = 'org_id' AND NOT a.attisdropped))
                  AND NOT c.relrowsecurity
                ORDER BY c.relname""", String.class);
        if (!open.isEmpty()) {
            problems.add("tenant tables without row-level security: " + String.join(", ", open));
        }
        return problems;
    }
}
