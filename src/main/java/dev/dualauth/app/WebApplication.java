package dev.dualauth.app;

import dev.dualauth.account.Roles;
import dev.dualauth.session.CsrfResource;
import dev.dualauth.session.WebHomeResource;
import dev.dualauth.session.WebLogoutResource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code /web/**}: authenticated by the session cookie only (container FORM login). */
@ApplicationPath("web")
@DeclareRoles({Roles.USER, Roles.ADMIN})
public class WebApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Resources.of(Resources.SHARED, Resources.PROVIDERS, List.of(WebHomeResource.class, WebLogoutResource.class, CsrfResource.class));
    }

    @Override
    public Map<String, Object> getProperties() {
        return Resources.PROPERTIES;
    }
}
