package dev.dualauth.app;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The OpenAPI document's header and the two security schemes, served at {@code /openapi}. */
@OpenAPIDefinition(info = @Info(title = "dualauth", version = "0.1.0",
        description = "The same resources behind a session cookie (/web, FORM login) and a bearer JWT (/api)."))
@SecurityScheme(securitySchemeName = OpenApiDefinitions.SESSION, type = SecuritySchemeType.APIKEY,
        in = SecuritySchemeIn.COOKIE, apiKeyName = "JSESSIONID",
        description = "Session cookie set by the FORM login: POST /j_security_check with j_username, j_password.")
@SecurityScheme(securitySchemeName = OpenApiDefinitions.BEARER, type = SecuritySchemeType.HTTP,
        scheme = "bearer", bearerFormat = "JWT",
        description = "Access token from POST /auth/token (grant_type=password), sent as Authorization: Bearer.")
final class OpenApiDefinitions {

    static final String SESSION = "session";
    static final String BEARER = "bearer";

    private OpenApiDefinitions() {
    }
}
