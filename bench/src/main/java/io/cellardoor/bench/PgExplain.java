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

    /** The statement the app's retriever runs for an English question ranked by PostgreSQL (GIN or RUM). */
    static String productionSql(HybridRetriever retriever) throws ReflectiveOperationException {
        java.lang.reflect.Method m = HybridRetriever.class.getDeclaredMethod("sql");
        m.setAccessible(true);
        return (String) m.invoke(retriever);
    }

    /** The statement for a keyword source ({@code INDEX}, {@code RUM}, {@code GIN}, {@code GIN_SIMPLE}). */
    static String sql(HybridRetriever retriever, String source) throws ReflectiveOperationException {
        Class<?> sources = Class.forName("io.cellardoor.retrieval.HybridRetriever$KeywordSource");
        java.lang.reflect.Method m = HybridRetriever.class.getDeclaredMethod("sql", sources);
        m.setAccessible(true);
        @SuppressWarnings({"unchecked", "rawtypes"})
        Object value = Enum.valueOf((Class) sources, source);
        return (String) m.invoke(retriever, value);
    }

    /**
     * A retriever like the app's whose keyword branch is always PostgreSQL full text (the in-process keyword index
     * never answers), with this full-text index ({@code auto}, {@code gin} or {@code rum}).
     */
    static HybridRetriever postgresOnly(
            org.springframework.jdbc.core.simple.JdbcClient jdbc,
            io.cellardoor.tenant.TenantTransactions tenant,
            io.cellardoor.text.KeywordQuery keywords,
            boolean titleTrigrams,
            String fullTextIndex)
            throws ReflectiveOperationException {
        Class<?> search = Class.forName("io.cellardoor.retrieval.HybridRetriever$KeywordSearch");
        Object none = java.lang.reflect.Proxy.newProxyInstance(
                search.getClassLoader(), new Class<?>[] {search}, (proxy, method, args) -> switch (method.getName()) {
                    case "search", "candidates" -> java.util.Optional.empty();
                    case "chunks" -> java.util.OptionalInt.empty();
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> "no keyword index";
                });
        var constructor = HybridRetriever.class.getDeclaredConstructor(
                org.springframework.jdbc.core.simple.JdbcClient.class,
                io.cellardoor.tenant.TenantTransactions.class,
                search,
                io.cellardoor.text.KeywordQuery.class,
                boolean.class,
                String.class,
                int.class);
        constructor.setAccessible(true);
        // 0: its vector branch always reads the HNSW index (the proxy knows no chunk counts)
        return constructor.newInstance(jdbc, tenant, none, keywords, titleTrigrams, fullTextIndex, 0);
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
            List<MapSqlParameterSource> queries)
            throws Exception {
        NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(ds);
        ObjectMapper json = JsonMapper.builder().build();
        String sql = "EXPLAIN (ANALYZE, FORMAT JSON) " + productionSql;
        Map<String, Double> sum = new LinkedHashMap<>();
        for (String part : List.of(
                "planning", "CTE fts", "CTE vec", "CTE trg", "fusion and joins", "execution", "fts rows", "jit")) {
            sum.put(part, 0.0);
        }
        for (MapSqlParameterSource q : queries) {
            String plan = tenant.inOrg(org, () -> jdbc.queryForObject(sql, q, String.class));
            JsonNode root = json.readTree(plan).get(0);
            double planning = root.path("Planning Time").asDouble();
            double execution = root.path("Execution Time").asDouble();
            sum.merge("jit", root.path("JIT").path("Timing").path("Total").asDouble(0), Double::sum);
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

    /**
     * The parameters {@code HybridRetriever} (and today's statement) bind for a query without weights or boosts.
     *
     * @param text the keyword text (OR-ed)
     * @param andText the words ANDed first (PostgreSQL full text), may be empty
     * @param keywordIds the keyword index's ranking (when the statement reads it), may be empty
     * @param fts the keyword branch's candidates (0: off)
     * @param vec the vector branch's candidates (0: off)
     */
    static MapSqlParameterSource parameters(
            long org,
            String text,
            String andText,
            long[] keywordIds,
            float[] embedding,
            int k,
            int fts,
            int vec,
            int trgLimit) {
        Long[] ids = new Long[keywordIds.length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = keywordIds[i];
        }
        return new MapSqlParameterSource()
                .addValue("text", text)
                .addValue("and_text", andText)
                .addValue("kw_ids", ids)
                .addValue("org", org)
                .addValue("folders", new String[0])
                .addValue("embedding", new PGvector(embedding))
                .addValue("fts_limit", fts)
                .addValue("fts_pool", Math.max(200, fts))
                .addValue("vec_limit", vec)
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
