/**
 * Sites and their widget, for staff: site keys (create, rotate with a grace period, revoke), allowed origins,
 * greeting, suggested questions, theme and locale, a live preview page and the embed snippet. {@link
 * io.cellardoor.site.SiteService} is the API the admin REST API and the console share.
 */
@NullMarked
package io.cellardoor.site;

import org.jspecify.annotations.NullMarked;
