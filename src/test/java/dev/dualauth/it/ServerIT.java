package dev.dualauth.it;

import java.net.URL;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What every integration test class shares: Arquillian runs it as a client of the server it started, and
 * {@link #client} talks to that server. Each subclass declares its {@code @Deployment}, normally
 * {@link Deployments#packagedWar()}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
abstract class ServerIT {

    @ArquillianResource
    URL base;

    Client client;

    @BeforeEach
    void connect() {
        client = new Client(base);
    }
}
