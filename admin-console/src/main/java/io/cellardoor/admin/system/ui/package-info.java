/**
 * The system view: the LLM providers' circuit breakers (platform admins reset them), the org's semantic cache (org
 * admins clear it) and the ingest jobs; org admins and above.
 */
@NullMarked
package io.cellardoor.admin.system.ui;

import org.jspecify.annotations.NullMarked;
