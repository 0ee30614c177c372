package io.cellardoor.admin.console;

import com.vaadin.flow.spring.annotation.EnableVaadin;
import org.springframework.context.annotation.Configuration;

/** Vaadin finds the console's routes here, not below the application class's package. */
@Configuration(proxyBeanMethods = false)
@EnableVaadin("io.cellardoor.admin")
class ConsoleConfiguration {
}
