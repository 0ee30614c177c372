package io.cellardoor.app;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Cellar Door's entry point: {@code serve} (default), {@code ingest} or {@code eval}; see {@link Command}.
 */
@SpringBootApplication(scanBasePackages = "io.cellardoor")
public class CellarDoorApplication {

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
        SpringApplication app = new SpringApplication(CellarDoorApplication.class);
        if (!command.web()) {
            app.setWebApplicationType(WebApplicationType.NONE);
        }
        // As command-line arguments, the options outrank application.yml (server.port, logging levels).
        List<String> args2 = new ArrayList<>();
        command.properties().forEach((key, value) -> args2.add("--" + key + "=" + value));
        args2.addAll(List.of(command.springArgs()));
        app.run(args2.toArray(String[]::new));
    }
}
