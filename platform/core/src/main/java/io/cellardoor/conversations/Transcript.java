package io.cellardoor.conversations;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A conversation with all its turns, oldest first.
 *
 * @param id conversation id
 * @param startedAt when it began
 * @param messages its turns
 */
public record Transcript(UUID id, Instant startedAt, List<TranscriptMessage> messages) {}
