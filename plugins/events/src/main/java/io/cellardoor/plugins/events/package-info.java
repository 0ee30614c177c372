/** The events domain plugin: dinners, parties, concerts, festivals, weddings and private events. */
@NullMarked
package io.cellardoor.plugins.events;

import org.jspecify.annotations.NullMarked;
