package io.cellardoor.admin.console;

import com.vaadin.flow.spring.annotation.EnableVaadin;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;

/**
 * Vaadin finds the console's routes here, not below the application class's package. Only in a servlet web
 * application: the {@code ingest} and {@code eval} commands start without the console.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableVaadin("io.cellardoor.admin")
class ConsoleConfiguration {}
