package dev.dualauth.app;

import dev.dualauth.session.LoginPages;
import dev.dualauth.token.oauth.RevocationEndpoint;
import dev.dualauth.token.oauth.TokenEndpoint;
import dev.dualauth.token.oauth.WellKnownResource;
import jakarta.ws.rs.ApplicationPath;
import java.util.List;
import java.util.Set;

/** The public endpoints: {@code /ping}, the login pages, {@code /auth/token} and {@code /.well-known/*}. */
@ApplicationPath("")
public class RootApplication extends ConfiguredApplication {

    @Override
    public Set<Class<?>> getClasses() {
        return Resources.of(Resources.PROVIDERS,
                List.of(PingResource.class, LoginPages.class, TokenEndpoint.class, RevocationEndpoint.class,
                        WellKnownResource.class));
    }
}
