package org.commonweal.platform.internal;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Describes the JSON APIs at {@code /v3/api-docs} (OpenAPI 3.1), browsable at {@code /swagger-ui.html}. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI commonwealOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Commonweal API").version("v1")
                        .description("JSON APIs of the Commonweal digital-government platform. Errors are RFC 9457"
                                + " problem details with a stable snake_case `code`. Departments' systems authenticate"
                                + " with an API token: `Authorization: Bearer <token>`.")
                        .license(new License().name("Apache-2.0")))
                .components(new Components().addSecuritySchemes("apiToken",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("An API token a department administrator made on the department page")))
                .addSecurityItem(new SecurityRequirement().addList("apiToken"));
    }
}
