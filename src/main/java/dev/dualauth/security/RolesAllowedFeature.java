package dev.dualauth.security;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Enforces {@code @RolesAllowed}, {@code @PermitAll} and {@code @DenyAll} on every resource method, the
 * same way on every server, and denies by default: a method with none of them, on itself or its class,
 * answers 403 to everyone. The method's annotation wins over its class's (as Jakarta Annotations define).
 * Answers the server generates itself, such as the {@code Allow} list for {@code OPTIONS}, run no
 * application code and are not checked.
 *
 * <p>The roles checked are those of the {@link Caller} the path's gate stored in the request, which are
 * exactly the groups it handed to the container, so the answer is the one {@code isUserInRole} would give,
 * without asking the container's authorization module per request (what that cost on Payara is in
 * docs/benchmarks.md). Payara's own filter is turned off in {@code payara-web.xml}; it also ignored
 * {@code @DenyAll} on a class.
 */
@Provider
public class RolesAllowedFeature implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        Access access = Access.to(resource.getResourceMethod(), resource.getResourceClass());
        if (!access.everyone()) {
            context.register(new RoleFilter(access.roles()), Priorities.AUTHORIZATION);
        }
    }

    /** Who may call a method: everyone, or callers holding one of {@code roles} (none: nobody). */
    record Access(boolean everyone, List<String> roles) {

        static final Access EVERYONE = new Access(true, List.of());
        static final Access NOBODY = new Access(false, List.of());

        static Access to(Method method, Class<?> resourceClass) {
            if (method == null) {
                return NOBODY; // nothing to read the rules from
            }
            if (!isResourceMethod(method)) {
                return EVERYONE; // the server's own answer, such as Jersey's to OPTIONS: no application code runs
            }
            Access own = declaredOn(method);
            if (own != null) {
                return own;
            }
            Access inherited = declaredOn(resourceClass);
            return inherited != null ? inherited : NOBODY;
        }

        /**
         * Whether the method, or one it overrides or implements (JAX-RS annotations are inherited), carries a
         * request method designator such as {@code @GET}: every method of the application that JAX-RS calls
         * does, handlers the server generates do not.
         */
        static boolean isResourceMethod(Method method) {
            for (Class<?> type : hierarchyOf(method.getDeclaringClass())) {
                try {
                    Method candidate = type.getDeclaredMethod(method.getName(), method.getParameterTypes());
                    for (Annotation annotation : candidate.getAnnotations()) {
                        if (annotation.annotationType().isAnnotationPresent(HttpMethod.class)) {
                            return true;
                        }
                    }
                } catch (NoSuchMethodException notDeclaredHere) {
                    // look further up
                }
            }
            return false;
        }

        private static Set<Class<?>> hierarchyOf(Class<?> type) {
            Set<Class<?>> all = new LinkedHashSet<>();
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                all.add(c);
                addInterfaces(c, all);
            }
            return all;
        }

        private static void addInterfaces(Class<?> type, Set<Class<?>> all) {
            for (Class<?> implemented : type.getInterfaces()) {
                if (all.add(implemented)) {
                    addInterfaces(implemented, all);
                }
            }
        }

        private static Access declaredOn(AnnotatedElement element) {
            if (element.isAnnotationPresent(DenyAll.class)) {
                return NOBODY;
            }
            if (element.isAnnotationPresent(PermitAll.class)) {
                return EVERYONE;
            }
            RolesAllowed roles = element.getAnnotation(RolesAllowed.class);
            return roles == null ? null : new Access(false, List.of(roles.value()));
        }
    }

    /** Lets a request through only if its caller holds one of the roles. */
    static final class RoleFilter implements ContainerRequestFilter {

        private final List<String> roles;

        RoleFilter(List<String> roles) {
            this.roles = roles;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            if (!allows(request.getProperty(Caller.ATTRIBUTE))) {
                throw new ForbiddenException();
            }
        }

        /** No caller cannot happen under /web or /api, whose gates refuse anonymous requests first. */
        boolean allows(Object caller) {
            return caller instanceof Caller known && known.hasAnyRole(roles);
        }
    }
}
