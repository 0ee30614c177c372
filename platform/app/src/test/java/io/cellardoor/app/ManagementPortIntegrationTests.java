package io.cellardoor.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * With a separate management port (as the image and the chart run it), {@code /actuator/prometheus} is open there for
 * the scraper and absent from the visitor port.
 */
@TestPropertySource(properties = "management.server.port=0")
// Its own configuration: close the context afterwards, so its connections go back to the shared PostgreSQL.
@DirtiesContext
class ManagementPortIntegrationTests extends IntegrationTestSupport {

    @LocalManagementPort
    int managementPort;

    @Test
    void prometheusIsScrapedOnTheManagementPortAndAbsentFromTheVisitorPort() {
        var scraped = send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/actuator/prometheus"))
                        .GET(),
                null);
        assertThat(scraped.statusCode()).isEqualTo(200);
        assertThat(scraped.body()).contains("jvm_memory_used_bytes", "cellardoor_readiness_up 1.0");
        assertThat(send(HttpRequest.newBuilder(uri("/actuator/prometheus")).GET(), null)
                        .statusCode())
                .isIn(401, 403, 404);
        assertThat(send(
                                HttpRequest.newBuilder(URI.create(
                                                "http://127.0.0.1:" + managementPort + "/actuator/health/readiness"))
                                        .GET(),
                                null)
                        .statusCode())
                .isEqualTo(200);
    }
}
