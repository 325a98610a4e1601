package dev.dualauth;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package dependency order, checked on the compiled classes: each package may use only the packages
 * listed for it (and its own), so the graph stays acyclic and a newcomer can read it bottom up.
 *
 * <pre>
 * security ◄── account ◄── revocation ◄── session
 *                                     ◄── token ◄── token.oauth   (token also uses token.keys, token.refresh,
 *                                                                  token.code, which use security only)
 * caller, notes, admin: use account and security only;  pages: session, notes, account, security
 * app: uses everything, used by nothing
 * </pre>
 */
class ArchitectureTest {

    static final String ROOT = "dev.dualauth.";

    /** Package (relative to {@code dev.dualauth}) → the packages it may depend on besides itself. */
    static final Map<String, Set<String>> ALLOWED = new LinkedHashMap<>();

    static {
        ALLOWED.put("security", Set.of());
        ALLOWED.put("account", Set.of("security"));
        ALLOWED.put("revocation", Set.of("security", "account"));
        ALLOWED.put("session", Set.of("security", "account", "revocation"));
        ALLOWED.put("token.keys", Set.of("security"));
        ALLOWED.put("token.refresh", Set.of("security"));
        ALLOWED.put("token.code", Set.of("security"));
        ALLOWED.put("token", Set.of("security", "account", "token.keys", "revocation", "token.refresh", "token.code"));
        ALLOWED.put("token.oauth", Set.of("security", "account", "token.keys", "revocation", "token.refresh", "token",
                "token.code"));
        ALLOWED.put("caller", Set.of("security", "account"));
        ALLOWED.put("notes", Set.of("security", "account"));
        ALLOWED.put("admin", Set.of("security", "account"));
        ALLOWED.put("pages", Set.of("security", "account", "session", "notes"));
        ALLOWED.put("app", Set.of("security", "account", "session", "token.keys", "revocation", "token.refresh",
                "token.code", "token", "token.oauth", "caller", "notes", "admin", "pages"));
    }

    static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.dualauth");
    }

    @Test
    void everyPackageIsInTheOrder() {
        List<String> unknown = classes.stream()
                .map(c -> c.getPackageName().substring(ROOT.length()))
                .distinct()
                .filter(p -> !ALLOWED.containsKey(p))
                .toList();
        org.junit.jupiter.api.Assertions.assertEquals(List.of(), unknown, "packages missing from ALLOWED");
    }

    @Test
    void noPackageDependsOnOneItMayNotUse() {
        for (Map.Entry<String, Set<String>> entry : ALLOWED.entrySet()) {
            String[] forbidden = ALLOWED.keySet().stream()
                    .filter(p -> !p.equals(entry.getKey()) && !entry.getValue().contains(p))
                    .map(p -> ROOT + p)
                    .toArray(String[]::new);
            if (forbidden.length > 0) {
                noClasses().that().resideInAPackage(ROOT + entry.getKey())
                        .should().dependOnClassesThat().resideInAnyPackage(forbidden)
                        .because(entry.getKey() + " may use only " + entry.getValue())
                        .check(classes);
            }
        }
    }

    @Test
    void thereAreNoCycles() {
        slices().matching("dev.dualauth.(**)").should().beFreeOfCycles().check(classes);
    }
}
