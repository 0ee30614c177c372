/**
 * Knowledge imports as jobs: {@code POST /api/v1/admin/ingest-jobs} accepts files and answers at once with a job id;
 * the import runs in the background, its progress and outcome are read with {@code GET /api/v1/admin/ingest-jobs/{id}}
 * and in the console's System view; a job whose instance died is marked failed by the next instance.
 */
@NullMarked
package io.cellardoor.ingest;

import org.jspecify.annotations.NullMarked;
