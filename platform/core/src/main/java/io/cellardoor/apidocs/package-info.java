/** The OpenAPI 3 description of the public and admin APIs (springdoc): {@code /v3/api-docs}, {@code /docs}. */
@NullMarked
package io.cellardoor.apidocs;

import org.jspecify.annotations.NullMarked;
