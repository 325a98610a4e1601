package dev.dualauth.app;

import dev.dualauth.account.Roles;
import dev.dualauth.session.WebHomeResource;
import dev.dualauth.session.WebLogoutResource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** {@code /web/**}: authenticated by the session cookie only (container FORM login). */
@ApplicationPath("web")
@DeclareRoles({Roles.USER, Roles.ADMIN})
@SecurityRequirement(name = OpenApiDefinitions.SESSION)
public class WebApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Resources.of(Resources.SHARED, Resources.PROVIDERS, List.of(WebHomeResource.class, WebLogoutResource.class));
    }
}
