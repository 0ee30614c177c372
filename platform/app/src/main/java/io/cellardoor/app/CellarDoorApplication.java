package io.cellardoor.app;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Cellar Door's entry point: {@code serve} (default), {@code ingest}, {@code eval} or {@code migrate}; see
 * {@link Command}.
 */
@SpringBootApplication(scanBasePackages = "io.cellardoor")
public class CellarDoorApplication {

    /** Vaadin's auto-configurations, which need a servlet web application. */
    private static final List<String> VAADIN_AUTO_CONFIGURATIONS = List.of(
            "com.vaadin.flow.spring.SpringBootAutoConfiguration",
            "com.vaadin.flow.spring.SpringSecurityAutoConfiguration",
            "com.vaadin.flow.spring.VaadinScopesConfig");

    public static void main(String[] args) {
        Command command;
        try {
            command = Command.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("cellardoor: " + e.getMessage());
            System.err.println(Command.USAGE);
            System.exit(2);
            return;
        }
        ConfigurableApplicationContext context = start(command);
        if (!command.web()) {
            System.exit(SpringApplication.exit(context));
        }
    }

    /**
     * Starts the application context for a parsed command; commands without HTTP ({@code ingest}) start without the
     * web server, the console and Vaadin; {@code migrate} starts only the data source and Flyway ({@link MigrateCommand}).
     */
    static ConfigurableApplicationContext start(Command command) {
        SpringApplication app = new SpringApplication(
                command.name().equals("migrate") ? MigrateCommand.class : CellarDoorApplication.class);
        List<String> args = new ArrayList<>();
        if (!command.web()) {
            app.setWebApplicationType(WebApplicationType.NONE);
        }
        if (!command.web() && !command.name().equals("migrate")) {
            args.add("--spring.autoconfigure.exclude=" + String.join(",", VAADIN_AUTO_CONFIGURATIONS));
        }
        // As command-line arguments, the options outrank application.yml (server.port, logging levels).
        command.properties().forEach((key, value) -> args.add("--" + key + "=" + value));
        args.addAll(List.of(command.springArgs()));
        return app.run(args.toArray(String[]::new));
    }
}
