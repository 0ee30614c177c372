/**
 * The console's frame: Vaadin set-up (served under {@code /admin}, behind the console's OIDC sign-in), the layout with
 * its navigation, and the signed-in staff member with the org the views act on.
 */
@NullMarked
package io.cellardoor.admin.console;

import org.jspecify.annotations.NullMarked;
