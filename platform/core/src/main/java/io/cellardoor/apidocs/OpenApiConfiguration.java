package io.cellardoor.apidocs;

import io.cellardoor.widget.WidgetCaller;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API description's frame: title, the two ways callers identify themselves (a site key for the chat and widget
 * APIs, a staff bearer token for {@code /api/v1/admin/**}); the resolved {@link WidgetCaller} is not a parameter.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(WidgetCaller.class);
    }

    @Bean
    OpenAPI cellarDoorApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Cellar Door API")
                        .version("v1")
                        .description("The chat and widget APIs (X-Site-Key) and the admin API (staff bearer tokens)."
                                + " Errors are RFC 9457 application/problem+json with a stable type and a requestId."))
                .components(new Components()
                        .addSecuritySchemes(
                                "siteKey",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.APIKEY)
                                        .in(SecurityScheme.In.HEADER)
                                        .name("X-Site-Key"))
                        .addSecuritySchemes(
                                "staffToken",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")));
    }
}
