package dev.dualauth.app;

import dev.dualauth.account.Roles;
import dev.dualauth.token.ApiLogoutResource;
import dev.dualauth.token.TokenRejectionsResource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * {@code /api/**}: authenticated by bearer tokens only (MicroProfile JWT). A CDI bean, because Payara
 * installs its MP-JWT mechanism only when it sees {@code @LoginConfig} on a bean.
 */
@ApplicationScoped
@ApplicationPath("api")
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({Roles.USER, Roles.ADMIN})
public class ApiApplication extends ConfiguredApplication {

    @Override
    public Set<Class<?>> getClasses() {
        return Resources.of(Resources.SHARED, Resources.PROVIDERS,
                List.of(ApiLogoutResource.class, TokenRejectionsResource.class));
    }
}
