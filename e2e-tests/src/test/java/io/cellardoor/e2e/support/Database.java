package io.cellardoor.e2e.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/** Plain JDBC on the app's database, for arranging site settings, orgs and documents and checking what the app stored. */
public final class Database {

    private Database() {}

    /** A row of {@code message} with its feedback. */
    public record Feedback(long messageId, String conversationId, String question, String feedback, String comment) {}

    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(E2eConfig.dbUrl(), E2eConfig.dbUser(), E2eConfig.dbPassword());
    }

    public static List<String> allowedOrigins(String siteKey) {
        try (Connection c = connect();
                PreparedStatement s = c.prepareStatement("SELECT allowed_origins FROM site WHERE site_key = ?")) {
            s.setString(1, siteKey);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no site with key " + siteKey + " in " + E2eConfig.dbUrl());
                }
                Array a = rs.getArray(1);
                return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the allowed origins of " + siteKey + " failed", e);
        }
    }

    public static void setAllowedOrigins(String siteKey, List<String> origins) {
        try (Connection c = connect();
                PreparedStatement s = c.prepareStatement("UPDATE site SET allowed_origins = ? WHERE site_key = ?")) {
            s.setArray(1, c.createArrayOf("text", origins.toArray()));
            s.setString(2, siteKey);
            if (s.executeUpdate() != 1) {
                throw new IllegalStateException("no site with key " + siteKey + " in " + E2eConfig.dbUrl());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("updating the allowed origins of " + siteKey + " failed", e);
        }
    }

    /** Messages whose feedback comment is exactly this text. */
    public static List<Feedback> feedbackWithComment(String comment) {
        try (Connection c = connect();
                PreparedStatement s = c.prepareStatement("""
                        SELECT id, conversation_id::text, question, feedback, feedback_comment
                        FROM message WHERE feedback_comment = ? ORDER BY id""")) {
            s.setString(1, comment);
            List<Feedback> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Feedback(
                            rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("reading message feedback failed", e);
        }
    }

    /** The id of the org with this slug, created (as the app's tenant service does) when missing. */
    public static long ensureOrg(String slug, String name) {
        try (Connection c = connect();
                PreparedStatement insert =
                        c.prepareStatement("INSERT INTO org (slug, name) VALUES (?, ?) ON CONFLICT (slug) DO NOTHING");
                PreparedStatement select = c.prepareStatement("SELECT id FROM org WHERE slug = ?")) {
            insert.setString(1, slug);
            insert.setString(2, name);
            insert.executeUpdate();
            select.setString(1, slug);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("creating org " + slug + " failed", e);
        }
    }

    /**
     * Stores a document row for an org as an editor's list shows it (path, title, folder, markdown), replacing one at
     * the same path. No chunks: the document is listed and opened in the console, not searched by the chat.
     */
    public static void putDocument(long orgId, String path, String title, String markdown) {
        String folder = path.contains("/") ? path.substring(0, path.indexOf('/')) : "";
        try (Connection c = connect();
                PreparedStatement s = c.prepareStatement("""
                        INSERT INTO kb_document (org_id, path, title, folder, content, plain_text, content_hash)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (org_id, path) DO UPDATE SET title = excluded.title, content = excluded.content,
                            plain_text = excluded.plain_text, content_hash = excluded.content_hash, updated_at = now()""")) {
            s.setLong(1, orgId);
            s.setString(2, path);
            s.setString(3, title);
            s.setString(4, folder);
            s.setString(5, markdown);
            s.setString(6, markdown);
            s.setString(7, sha256(markdown));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("storing document " + path + " of org " + orgId + " failed", e);
        }
    }

    public static void deleteDocument(long orgId, String path) {
        try (Connection c = connect();
                PreparedStatement s = c.prepareStatement("DELETE FROM kb_document WHERE org_id = ? AND path = ?")) {
            s.setLong(1, orgId);
            s.setString(2, path);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("deleting document " + path + " of org " + orgId + " failed", e);
        }
    }

    /** The stored markdown of the document at a path in the org with this slug, or null when there is none. */
    public static String documentContent(String orgSlug, String path) {
        try (Connection c = connect();
                PreparedStatement s = c.prepareStatement("""
                        SELECT d.content FROM kb_document d JOIN org o ON o.id = d.org_id WHERE o.slug = ? AND d.path = ?""")) {
            s.setString(1, orgSlug);
            s.setString(2, path);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading document " + path + " of org " + orgSlug + " failed", e);
        }
    }

    /** Paths and titles of the documents of the org with this slug, one {@code "path|title"} string each, in path order. */
    public static List<String> documents(String orgSlug) {
        try (Connection c = connect();
                PreparedStatement s = c.prepareStatement("""
                        SELECT d.path, d.title FROM kb_document d JOIN org o ON o.id = d.org_id WHERE o.slug = ? ORDER BY d.path""")) {
            s.setString(1, orgSlug);
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + "|" + rs.getString(2));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("listing the documents of org " + orgSlug + " failed", e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many open handoff requests the org with this slug has. */
    public static int openHandoffCount(String orgSlug) {
        try (Connection c = connect();
                PreparedStatement s = c.prepareStatement("""
                        SELECT count(*) FROM handoff_request h JOIN org o ON o.id = h.org_id
                        WHERE o.slug = ? AND h.status = 'open'""")) {
            s.setString(1, orgSlug);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("counting the open handoffs of org " + orgSlug + " failed", e);
        }
    }

    /** Runs one statement as the owner; returns the rows it changed. */
    public static int update(String sql, Object... params) {
        try (Connection c = connect();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed", e);
        }
    }

    /** The first column of the first row, as text, or null when there is no row. */
    public static String queryString(String sql, Object... params) {
        try (Connection c = connect();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed", e);
        }
    }
}
