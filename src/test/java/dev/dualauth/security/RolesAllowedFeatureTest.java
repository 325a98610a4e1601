package dev.dualauth.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dualauth.security.RolesAllowedFeature.Access;
import dev.dualauth.security.RolesAllowedFeature.RoleFilter;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RolesAllowedFeatureTest {

    @DenyAll
    static class Denied {
        public void unannotated() {
        }

        @RolesAllowed("user")
        public void forUsers() {
        }

        @PermitAll
        public void open() {
        }
    }

    @RolesAllowed({"admin", "auditor"})
    static class ForAdmins {
        public void unannotated() {
        }

        @DenyAll
        public void closed() {
        }
    }

    @PermitAll
    static class Public {
        public void unannotated() {
        }

        @RolesAllowed("admin")
        public void forAdmins() {
        }
    }

    static class Bare {
        public void unannotated() {
        }
    }

    private static Access access(Class<?> type, String method) throws NoSuchMethodException {
        return Access.to(type.getMethod(method), type);
    }

    @Test
    void theMethodsAnnotationWinsOverItsClasss() throws Exception {
        assertEquals(new Access(false, List.of("user")), access(Denied.class, "forUsers"));
        assertEquals(Access.EVERYONE, access(Denied.class, "open"));
        assertEquals(Access.NOBODY, access(ForAdmins.class, "closed"));
        assertEquals(new Access(false, List.of("admin")), access(Public.class, "forAdmins"));
    }

    @Test
    void anUnannotatedMethodTakesItsClasss() throws Exception {
        assertEquals(Access.NOBODY, access(Denied.class, "unannotated"));
        assertEquals(new Access(false, List.of("admin", "auditor")), access(ForAdmins.class, "unannotated"));
        assertEquals(Access.EVERYONE, access(Public.class, "unannotated"));
    }

    @Test
    void nothingDeclaredMeansNobody() throws Exception {
        assertEquals(Access.NOBODY, access(Bare.class, "unannotated"));
    }

    @Test
    void theFilterLetsThroughOnlyACallerWithOneOfTheRoles() {
        RoleFilter admins = new RoleFilter(List.of("admin", "auditor"));
        assertTrue(admins.allows(Caller.bearer("root", Set.of("user", "auditor"))));
        assertFalse(admins.allows(Caller.session("alice", Set.of("user"), null)));
        assertFalse(admins.allows(null));
        assertFalse(admins.allows("admin"));
    }

    @Test
    void aFilterForNobodyRefusesEveryone() {
        assertFalse(new RoleFilter(Access.NOBODY.roles()).allows(Caller.bearer("root", Set.of("user", "admin"))));
    }
}
