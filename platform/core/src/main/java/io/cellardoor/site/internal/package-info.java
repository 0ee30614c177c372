/** SQL of the site feature; every statement is filtered by the org it is given. */
@NullMarked
package io.cellardoor.site.internal;

import org.jspecify.annotations.NullMarked;
