package io.cellardoor.app;

import java.util.Map;
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
        app.setDefaultProperties(Map.copyOf(command.properties()));
        if (!command.web()) {
            app.setWebApplicationType(WebApplicationType.NONE);
        }
        app.run(command.springArgs());
    }
}
