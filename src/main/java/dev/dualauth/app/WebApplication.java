package dev.dualauth.app;

import dev.dualauth.account.Roles;
import dev.dualauth.pages.WebFormsResource;
import dev.dualauth.pages.WebHomeResource;
import dev.dualauth.session.CsrfResource;
import dev.dualauth.session.WebLogoutResource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import java.util.List;
import java.util.Set;

/** {@code /web/**}: authenticated by the session cookie only (container FORM login). */
@ApplicationPath("web")
@DeclareRoles({Roles.USER, Roles.ADMIN})
public class WebApplication extends ConfiguredApplication {

    @Override
    public Set<Class<?>> getClasses() {
        return Resources.of(Resources.SHARED, Resources.PROVIDERS, List.of(WebHomeResource.class, WebFormsResource.class, WebLogoutResource.class, CsrfResource.class));
    }
}
