package io.cellardoor.insights;

import java.util.List;

/**
 * Unanswered or low-confidence questions of a period that ask the same thing.
 *
 * @param questions how many questions (messages) the group holds
 * @param examples distinct questions of the group, most asked first, at most 5
 * @param domain the domain most of them were routed to
 * @param suggestedPath a path for a new document answering them, e.g. {@code visiting/can-i-bring-my-dog.md}
 * @param draft a markdown draft of that document: a title and the questions as a comment outline
 */
public record KnowledgeGap(int questions, List<String> examples, String domain, String suggestedPath, String draft) {}
