package dev.dualauth.app;

import dev.dualauth.session.LoginPages;
import dev.dualauth.token.oauth.AuthorizeEndpoint;
import dev.dualauth.token.oauth.RevocationEndpoint;
import dev.dualauth.token.oauth.TokenEndpoint;
import dev.dualauth.token.oauth.WellKnownResource;
import jakarta.ws.rs.ApplicationPath;
import java.util.List;
import java.util.Set;

/**
 * The endpoints outside {@code /web} and {@code /api}: {@code /ping}, the login pages, the OAuth endpoints
 * under {@code /auth} and {@code /.well-known/*}.
 */
@ApplicationPath("")
public class RootApplication extends ConfiguredApplication {

    @Override
    public Set<Class<?>> getClasses() {
        return Resources.of(Resources.PROVIDERS,
                List.of(PingResource.class, LoginPages.class, AuthorizeEndpoint.class, TokenEndpoint.class, RevocationEndpoint.class,
                        WellKnownResource.class));
    }
}
