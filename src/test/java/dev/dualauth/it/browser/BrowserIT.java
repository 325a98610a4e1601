package dev.dualauth.it.browser;

import dev.dualauth.it.Client;
import dev.dualauth.it.Deployments;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the browser test classes share: Arquillian runs each as a client of the server it started with the
 * packaged WAR, {@link BrowserExtension} gives each test a Chromium, and the page server of the other
 * origin runs from the first test of a class to its end.
 */
@ExtendWith(ArquillianExtension.class)
@ExtendWith(BrowserExtension.class)
@RunAsClient
abstract class BrowserIT {

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.packagedWar();
    }

    static OtherOrigin otherOrigin;

    @ArquillianResource
    URL url;

    Client client;
    String base;

    @BeforeEach
    void connect() {
        client = new Client(url);
        base = client.base();
        if (otherOrigin == null) {
            otherOrigin = OtherOrigin.start(base);
        }
    }

    @AfterAll
    static void stopOtherOrigin() {
        if (otherOrigin != null) {
            otherOrigin.close();
            otherOrigin = null;
        }
    }
}
