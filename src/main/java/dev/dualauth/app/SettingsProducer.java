package dev.dualauth.app;

import dev.dualauth.account.AccountSettings;
import dev.dualauth.security.ClusterSettings;
import dev.dualauth.security.CorsSettings;
import dev.dualauth.security.HostSettings;
import dev.dualauth.session.SessionSettings;
import dev.dualauth.token.keys.TokenSettings;
import dev.dualauth.token.oauth.OAuthSettings;
import dev.dualauth.token.refresh.RefreshSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

/**
 * The one place where beans' settings come from: each settings record is read from MicroProfile Config
 * once, when the application starts (a wrong value fails the deployment with a message naming the key),
 * and injected wherever it is needed. Token settings are the instance the key ring and the MP-JWT
 * configuration were built from.
 */
@ApplicationScoped
public class SettingsProducer {

    @Inject
    Config config;

    private AccountSettings account;
    private SessionSettings session;
    private RefreshSettings refresh;
    private ClusterSettings cluster;
    private OAuthSettings oauth;
    private CorsSettings cors;
    private HostSettings hosts;

    @PostConstruct
    void read() {
        account = AccountSettings.from(config);
        session = SessionSettings.from(config);
        refresh = RefreshSettings.from(config);
        cluster = ClusterSettings.from(config);
        oauth = OAuthSettings.from(config, TokenSettings.current().issuer());
        cors = CorsSettings.from(config);
        hosts = HostSettings.from(config, TokenSettings.current().issuer());
    }

    @Produces
    OAuthSettings oauth() {
        return oauth;
    }

    @Produces
    CorsSettings cors() {
        return cors;
    }

    @Produces
    HostSettings hosts() {
        return hosts;
    }

    @Produces
    AccountSettings account() {
        return account;
    }

    @Produces
    SessionSettings session() {
        return session;
    }

    @Produces
    RefreshSettings refresh() {
        return refresh;
    }

    @Produces
    ClusterSettings cluster() {
        return cluster;
    }

    @Produces
    TokenSettings token() {
        return TokenSettings.current();
    }
}
