package dev.dualauth.security;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * A resource method that reads a body ({@code @Consumes}) answers {@code 415} to a request whose
 * {@code Content-Type} is missing or a wildcard ({@code *}{@code /*}, {@code application/*}). The runtimes
 * match such a request to the method as if it had the right type, and then fail reading it: Jersey's
 * {@code @FormParam} throws an {@code IllegalStateException} (a {@code 500}).
 * Runs after authentication and authorization, so that it tells nothing to a caller who may not call the
 * method anyway.
 */
public class ContentTypeRequired implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        if (resource.getResourceMethod().isAnnotationPresent(Consumes.class)
                || resource.getResourceClass().isAnnotationPresent(Consumes.class)) {
            context.register(Filter.class, Priorities.ENTITY_CODER);
        }
    }

    /** Public: the runtime makes it. */
    @Priority(Priorities.ENTITY_CODER)
    public static final class Filter implements ContainerRequestFilter {

        @Override
        public void filter(ContainerRequestContext request) {
            MediaType type = request.getMediaType();
            if (type == null || type.isWildcardType() || type.isWildcardSubtype()) {
                request.abortWith(NoStore.on(Response.status(Response.Status.UNSUPPORTED_MEDIA_TYPE))
                        .type(MediaType.APPLICATION_JSON_TYPE).entity("{\"error\":\"unsupported_media_type\"}").build());
            }
        }
    }
}
