/** The knowledge editor: the org's documents by folder, a markdown editor with preview, save and re-index. */
@NullMarked
package io.cellardoor.admin.knowledge.ui;

import org.jspecify.annotations.NullMarked;
