/** The audit log view: who changed what, when, with before and after as a diff; org admins and above. */
@NullMarked
package io.cellardoor.admin.audit.ui;

import org.jspecify.annotations.NullMarked;
