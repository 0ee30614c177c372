package io.cellardoor.knowledge;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of one upload ({@code cellardoor.knowledge.upload.*}). Beyond {@code maxFiles} or {@code maxTotalBytes} the
 * whole upload is refused; a single file over {@code maxFileBytes} is skipped and reported, the rest imported.
 *
 * @param maxFiles most files in one upload, counting every zip entry that is not a folder
 * @param maxFileBytes largest markdown file, in bytes (after unzipping)
 * @param maxTotalBytes most bytes in one upload after unzipping (guards against zip bombs)
 */
@ConfigurationProperties("cellardoor.knowledge.upload")
public record UploadLimits(
        @DefaultValue("500") int maxFiles,
        @DefaultValue("2000000") long maxFileBytes,
        @DefaultValue("20000000") long maxTotalBytes) {}
