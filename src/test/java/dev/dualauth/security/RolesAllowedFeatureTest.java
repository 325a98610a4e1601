package dev.dualauth.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dualauth.security.RolesAllowedFeature.Access;
import dev.dualauth.security.RolesAllowedFeature.RoleFilter;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RolesAllowedFeatureTest {

    @DenyAll
    static class Denied {
        @GET
        public void unannotated() {
        }

        @GET
        @RolesAllowed("user")
        public void forUsers() {
        }

        @GET
        @PermitAll
        public void open() {
        }
    }

    @RolesAllowed({"admin", "auditor"})
    static class ForAdmins {
        @GET
        public void unannotated() {
        }

        @GET
        @DenyAll
        public void closed() {
        }
    }

    @PermitAll
    static class Public {
        @GET
        public void unannotated() {
        }

        @GET
        @RolesAllowed("admin")
        public void forAdmins() {
        }
    }

    static class Bare {
        @GET
        public void unannotated() {
        }
    }

    interface Api {
        @GET
        String get();
    }

    @DenyAll
    static class Implementation implements Api {
        @Override
        public String get() {
            return "";
        }

        public String generated() {
            return "";
        }
    }

    @Test
    void aMethodWithoutARequestMethodIsTheServersOwnAndUnchecked() throws Exception {
        assertFalse(Access.isResourceMethod(Implementation.class.getMethod("generated")));
        assertEquals(Access.EVERYONE, access(Implementation.class, "generated"));
    }

    @Test
    void aRequestMethodDeclaredOnAnInterfaceStillCounts() throws Exception {
        assertTrue(Access.isResourceMethod(Implementation.class.getMethod("get")));
        assertEquals(Access.NOBODY, access(Implementation.class, "get"));
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
