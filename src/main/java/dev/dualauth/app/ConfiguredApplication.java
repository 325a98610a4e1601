package dev.dualauth.app;

import jakarta.ws.rs.core.Application;
import java.util.Map;

/** What every JAX-RS application of the WAR shares besides its classes ({@link Resources}). */
abstract class ConfiguredApplication extends Application {

    /**
     * Jersey's WADL off, or {@code OPTIONS} and {@code application.wadl} would describe every resource of
     * the application to anyone who asks. Other servers ignore the property.
     */
    private static final Map<String, Object> PROPERTIES = Map.of("jersey.config.server.wadl.disableWadl", true);

    @Override
    public Map<String, Object> getProperties() {
        return PROPERTIES;
    }
}
