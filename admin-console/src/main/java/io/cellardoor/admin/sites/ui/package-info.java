/** Sites and their widget: keys, allowed origins, greeting, suggestions, theme, locale, live preview, embed snippet. */
@NullMarked
package io.cellardoor.admin.sites.ui;

import org.jspecify.annotations.NullMarked;
