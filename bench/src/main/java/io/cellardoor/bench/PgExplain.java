package io.cellardoor.bench;

import com.pgvector.PGvector;
import io.cellardoor.retrieval.HybridRetriever;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where the production hybrid query spends its time: {@code EXPLAIN (ANALYZE, FORMAT JSON)} of
 * {@code HybridRetriever}'s own SQL text (read from the class, so it cannot drift), with the parameters it binds,
 * averaged over queries: planning, each materialised branch (full text, vector, title trigram when on) and the rest.
 */
final class PgExplain {

    private PgExplain() {}

    /** The statement the app's retriever runs, as configured (GIN or RUM full-text branch). */
    static String productionSql(HybridRetriever retriever) throws ReflectiveOperationException {
        java.lang.reflect.Method m = HybridRetriever.class.getDeclaredMethod("sql");
        m.setAccessible(true);
        return (String) m.invoke(retriever);
    }

    /** The statement of a retriever configured with this full-text index ({@code gin} or {@code rum}). */
    static String sqlWith(
            org.springframework.jdbc.core.simple.JdbcClient jdbc,
            io.cellardoor.tenant.TenantTransactions tenant,
            boolean titleTrigrams,
            String fullTextIndex)
            throws ReflectiveOperationException {
        var constructor = HybridRetriever.class.getDeclaredConstructor(
                org.springframework.jdbc.core.simple.JdbcClient.class,
                io.cellardoor.tenant.TenantTransactions.class,
                boolean.class,
                String.class);
        constructor.setAccessible(true);
        return productionSql(constructor.newInstance(jdbc, tenant, titleTrigrams, fullTextIndex));
    }

    /** Whether the statement's full-text branch reads the RUM index (ranking a pool of its best matches). */
    static boolean rum(String sql) {
        return sql.contains("fts_pool");
    }

    /** Whether the app runs the title trigram branch ({@code cellardoor.retrieval.title-trigrams}, default off). */
    static boolean titleTrigrams(org.springframework.core.env.Environment env) {
        return env.getProperty("cellardoor.retrieval.title-trigrams", Boolean.class, false);
    }

    /** The LIMIT of the title trigram branch: 5 when on, 0 (off) otherwise, as {@code HybridRetriever} binds it. */
    static int trgLimit(boolean on) {
        return on ? 5 : 0;
    }

    /**
     * Mean milliseconds per part: planning, fts, vec, trg, rest of execution, execution; and the mean number of rows the
     * full-text branch ranked.
     */
    static Map<String, Double> breakdown(
            DataSource ds,
            io.cellardoor.tenant.TenantTransactions tenant,
            String productionSql,
            long org,
            List<ScaleBench.Query> queries,
            int k,
            int trgLimit)
            throws Exception {
        NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(ds);
        ObjectMapper json = JsonMapper.builder().build();
        String sql = "EXPLAIN (ANALYZE, FORMAT JSON) " + productionSql;
        Map<String, Double> sum = new LinkedHashMap<>();
        for (String part :
                List.of("planning", "CTE fts", "CTE vec", "CTE trg", "fusion and joins", "execution", "fts rows")) {
            sum.put(part, 0.0);
        }
        for (ScaleBench.Query q : queries) {
            String plan =
                    tenant.inOrg(org, () -> jdbc.queryForObject(sql, parameters(org, q, k, trgLimit), String.class));
            JsonNode root = json.readTree(plan).get(0);
            double planning = root.path("Planning Time").asDouble();
            double execution = root.path("Execution Time").asDouble();
            Map<String, Double> ctes = new LinkedHashMap<>();
            collect(root.path("Plan"), ctes);
            sum.merge("fts rows", ctes.getOrDefault("fts rows", 0.0), Double::sum);
            double inCtes = 0;
            for (String cte : List.of("CTE fts", "CTE vec", "CTE trg")) {
                double t = ctes.getOrDefault(cte, 0.0);
                sum.merge(cte, t, Double::sum);
                inCtes += t;
            }
            sum.merge("planning", planning, Double::sum);
            sum.merge("execution", execution, Double::sum);
            sum.merge("fusion and joins", Math.max(0, execution - inCtes), Double::sum);
        }
        Map<String, Double> mean = new LinkedHashMap<>();
        sum.forEach((key, v) -> mean.put(key, v / queries.size()));
        return mean;
    }

    /** The parameters {@code HybridRetriever} binds for a query without weights or boosts. */
    static MapSqlParameterSource parameters(long org, ScaleBench.Query q, int k, int trgLimit) {
        return new MapSqlParameterSource()
                .addValue("text", q.keywords())
                .addValue("org", org)
                .addValue("folders", new String[0])
                .addValue("embedding", new PGvector(q.embedding()))
                .addValue("fts_limit", Math.max(40, k * 4))
                .addValue("fts_pool", Math.max(200, k * 4))
                .addValue("vec_limit", Math.max(40, k * 4))
                .addValue("trg_limit", trgLimit)
                .addValue("rrf_k", 60)
                .addValue("default_weight", 1.0)
                .addValue("boost", new String[0])
                .addValue("boost_score", 0.06)
                .addValue("weight_folders", new String[0])
                .addValue("weights", new Double[0])
                .addValue("k", k);
    }

    /** The most rows any node below produced: for the full-text branch, the matches ranked by ts_rank_cd. */
    private static long maxRows(JsonNode node) {
        long max = node.path("Actual Rows").asLong()
                * Math.max(1, node.path("Actual Loops").asLong());
        for (JsonNode child : node.path("Plans")) {
            max = Math.max(max, maxRows(child));
        }
        return max;
    }

    private static void collect(JsonNode node, Map<String, Double> ctes) {
        String name = node.path("Subplan Name").asString("");
        if (name.startsWith("CTE ")) {
            ctes.merge(
                    name,
                    node.path("Actual Total Time").asDouble()
                            * Math.max(1, node.path("Actual Loops").asInt()),
                    Double::sum);
            if (name.equals("CTE fts")) {
                ctes.put("fts rows", (double) maxRows(node));
            }
        }
        for (JsonNode child : node.path("Plans")) {
            collect(child, ctes);
        }
    }
}
