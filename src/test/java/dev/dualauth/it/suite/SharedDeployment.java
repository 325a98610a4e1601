package dev.dualauth.it.suite;

import java.util.logging.Logger;
import org.jboss.arquillian.container.spi.client.container.ContainerConfiguration;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.container.LifecycleException;
import org.jboss.arquillian.container.spi.client.protocol.ProtocolDescription;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.core.api.Injector;
import org.jboss.arquillian.core.api.Instance;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.test.spi.TestClass;
import org.jboss.shrinkwrap.api.Archive;

/**
 * One deployment for the whole suite instead of one per test class. Arquillian deploys and undeploys per
 * class; on Payara Micro a deployment is a server process (about 20 boots a suite), on WildFly a deploy and
 * an undeploy. This container wraps the server's own Arquillian container and deploys the WAR once: a later
 * class deploying the same archive gets the running deployment's address, and undeploying is deferred to
 * the end of the suite. A class marked {@link OwnServer} gets a new deployment before it, and leaves the
 * next class a new one too.
 *
 * <p>The wrapped container is whichever server adapter is on the test class path
 * ({@link SharedDeploymentExtension}). Every class deploys the same packaged WAR
 * ({@code Deployments.packagedWar()}); archives are told apart by name only, so a class deploying an archive
 * of another name gets a new deployment, and one of the same name is assumed to be the same WAR.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
public final class SharedDeployment implements DeployableContainer<ContainerConfiguration> {

    private static final Logger LOG = Logger.getLogger(SharedDeployment.class.getName());

    @Inject
    private Instance<Injector> injector;

    @Inject
    private Instance<TestClass> testClass;

    private final DeployableContainer server = SharedDeploymentExtension.serverContainer();
    private boolean injected;
    private Archive<?> deployed;
    private ProtocolMetaData metaData;
    private boolean spent;

    /** The wrapped container was made here, not by Arquillian: give it what Arquillian injects into containers. */
    private DeployableContainer server() {
        if (!injected) {
            injector.get().inject(server);
            injected = true;
        }
        return server;
    }

    @Override
    public Class<ContainerConfiguration> getConfigurationClass() {
        return server.getConfigurationClass();
    }

    @Override
    public void setup(ContainerConfiguration configuration) {
        server().setup(configuration);
    }

    @Override
    public void start() throws LifecycleException {
        server().start();
    }

    @Override
    public ProtocolDescription getDefaultProtocol() {
        return server.getDefaultProtocol();
    }

    @Override
    public ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
        String own = ownServerReason();
        boolean reuse = deployed != null && !spent && own == null && deployed.getName().equals(archive.getName());
        if (reuse) {
            return metaData;
        }
        endDeployment();
        if (own != null) {
            LOG.info(() -> testClassName() + " gets a deployment of its own: " + own);
        }
        metaData = server().deploy(archive);
        deployed = archive;
        spent = own != null;
        return metaData;
    }

    @Override
    public void undeploy(Archive<?> archive) throws DeploymentException {
        // Kept for the next class, unless this one had it to itself (then it ends now, freeing its resources).
        if (spent) {
            endDeployment();
        }
    }

    @Override
    public void stop() throws LifecycleException {
        try {
            endDeployment();
        } catch (DeploymentException e) {
            LOG.warning("undeploying at the end of the suite failed: " + e.getMessage());
        }
        server().stop();
    }

    private void endDeployment() throws DeploymentException {
        if (deployed != null) {
            Archive<?> ending = deployed;
            deployed = null;
            metaData = null;
            spent = false;
            server().undeploy(ending);
        }
    }

    private String ownServerReason() {
        TestClass current = testClass.get();
        OwnServer own = current == null ? null : current.getJavaClass().getAnnotation(OwnServer.class);
        return own == null ? null : own.value();
    }

    private String testClassName() {
        TestClass current = testClass.get();
        return current == null ? "a test class" : current.getJavaClass().getSimpleName();
    }
}
