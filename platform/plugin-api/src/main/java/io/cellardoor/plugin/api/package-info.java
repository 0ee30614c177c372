/**
 * The contract between the Cellar Door host and its domain plugins.
 *
 * <p>Framework-free: records and interfaces only, no Spring, JDBC or LangChain4j types. A plugin is a
 * PF4J jar whose {@link io.cellardoor.plugin.api.DomainPlugin} extension contributes a descriptor, a
 * classifier and a handler. The API evolves only by added {@code default} methods marked {@code @since};
 * its semantic version is {@link io.cellardoor.plugin.api.PluginApi#VERSION}.
 */
@NullMarked
package io.cellardoor.plugin.api;

import org.jspecify.annotations.NullMarked;
