/**
 * The visiting domain plugin: hours, directions, tastings, reservations, pets and stays; answers
 * opening-day questions directly from the hours document.
 */
@NullMarked
package io.cellardoor.plugins.visiting;

import org.jspecify.annotations.NullMarked;
