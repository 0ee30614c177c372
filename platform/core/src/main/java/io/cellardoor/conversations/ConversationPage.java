package io.cellardoor.conversations;

import java.util.List;

/**
 * One page of conversations, newest activity first.
 *
 * @param items the page's conversations
 * @param page 0-based page number
 * @param size page size asked for
 * @param total conversations matching the filter, over all pages
 */
public record ConversationPage(List<ConversationSummary> items, int page, int size, long total) {}
