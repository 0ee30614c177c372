package io.cellardoor.e2e.support;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Plain JDBC on the app's database, for arranging site settings and checking what the app stored. */
public final class Database {

    private Database() {
    }

    /** A row of {@code message} with its feedback. */
    public record Feedback(long messageId, String conversationId, String question, String feedback, String comment) {
    }

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
                    rows.add(new Feedback(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("reading message feedback failed", e);
        }
    }
}
