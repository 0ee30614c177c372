package io.cellardoor.tenant;

import java.util.List;

/**
 * A website of an org that embeds the chat, found by its public site key.
 *
 * @param id site id
 * @param orgId owning org's id
 * @param orgSlug owning org's slug, e.g. {@code demo}
 * @param contactLine how visitors reach a person, e.g. "Call us at (555) 010-0199"; may be empty
 * @param allowedOrigins origins allowed to call the chat API from a browser, besides the server's own origin (always
 *     allowed); empty allows only the server's own
 */
public record Site(long id, long orgId, String orgSlug, String contactLine, List<String> allowedOrigins) {}
