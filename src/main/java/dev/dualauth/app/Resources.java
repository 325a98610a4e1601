package dev.dualauth.app;

import dev.dualauth.admin.AdminAccountsResource;
import dev.dualauth.caller.MeResource;
import dev.dualauth.notes.NotesResource;
import dev.dualauth.security.ContentTypeRequired;
import dev.dualauth.security.RolesAllowedFeature;
import dev.dualauth.security.UnreadableBody;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which classes each JAX-RS application serves. Listing them keeps every resource out of the other
 * applications: without it each application would mount every resource.
 */
final class Resources {

    /** Served under both {@code /web} and {@code /api}: one implementation, two ways in. */
    static final List<Class<?>> SHARED = List.of(MeResource.class, NotesResource.class, AdminAccountsResource.class);

    /** Every application's role check, error handling and JSON binding. */
    static final List<Class<?>> PROVIDERS = List.of(RolesAllowedFeature.class, ContentTypeRequired.class, UnreadableBody.class,
            ErrorMapper.class, SharedJsonb.class);

    private Resources() {
    }

    @SafeVarargs
    static Set<Class<?>> of(List<Class<?>>... groups) {
        Set<Class<?>> all = new HashSet<>();
        for (List<Class<?>> group : groups) {
            all.addAll(group);
        }
        return all;
    }
}
