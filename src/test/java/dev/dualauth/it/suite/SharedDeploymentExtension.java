package dev.dualauth.it.suite;

import java.lang.reflect.InvocationTargetException;
import java.util.List;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * Puts {@link SharedDeployment} in place of the server's own Arquillian container. A build has one server
 * adapter on the test class path (failsafe leaves the other out: pom.xml), named here so that neither is a
 * compile-time dependency of the tests.
 */
public final class SharedDeploymentExtension implements LoadableExtension {

    /** The managed containers of Payara Micro and WildFly, as their adapters name them. */
    static final List<String> SERVER_CONTAINERS = List.of(
            "fish.payara.arquillian.container.payara.managed.PayaraMicroDeployableContainer",
            "org.jboss.as.arquillian.container.managed.ManagedDeployableContainer");

    @Override
    public void register(ExtensionBuilder builder) {
        builder.override(DeployableContainer.class, serverContainerClass(), SharedDeployment.class);
    }

    static Class<? extends DeployableContainer<?>> serverContainerClass() {
        for (String name : SERVER_CONTAINERS) {
            try {
                @SuppressWarnings("unchecked")
                Class<? extends DeployableContainer<?>> type = (Class<? extends DeployableContainer<?>>)
                        Class.forName(name, false, SharedDeploymentExtension.class.getClassLoader()).asSubclass(DeployableContainer.class);
                return type;
            } catch (ClassNotFoundException e) {
                // not this server's build
            }
        }
        throw new IllegalStateException("no server adapter on the test class path: expected one of " + SERVER_CONTAINERS);
    }

    static DeployableContainer<?> serverContainer() {
        try {
            return serverContainerClass().getDeclaredConstructor().newInstance();
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException | NoSuchMethodException e) {
            throw new IllegalStateException("cannot make the server's Arquillian container", e);
        }
    }
}
