/**
 * The language of visitors' questions: detection ({@link io.cellardoor.language.LanguageDetector}) and the fixed
 * texts the platform says in each language it answers in ({@link io.cellardoor.language.Phrases}).
 */
@NullMarked
package io.cellardoor.language;

import org.jspecify.annotations.NullMarked;
