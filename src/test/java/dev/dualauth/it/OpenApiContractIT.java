package dev.dualauth.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dualauth.app.ApiApplication;
import dev.dualauth.app.RootApplication;
import dev.dualauth.app.WebApplication;
import io.restassured.http.ContentType;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Application;
import java.io.StringReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document is the contract: every operation the three JAX-RS applications serve is in the
 * document the server serves at {@code GET /openapi}, and the document names no operation that is not
 * served. The served operations are computed by reflection from the applications' own class lists, so a
 * new resource method that the document lacks fails this test.
 *
 * <p>What Payara Micro 7 adds to the document it serves ({@code META-INF/openapi.yaml}, not scanned): a
 * {@code servers} list (its own URLs: http, and https when it listens for it) and a non-standard top-level
 * member {@code "endpoints": {"/": [every key of paths]}}, whose one key is the application's context root
 * (Payara's {@code OpenAPISupplier} builds it from the context root and the keys of {@code paths}). That
 * {@code "/"} is not a path entry: both additions sit outside {@code paths}, which is all this test
 * reads, so neither needs filtering. (Payara also drops the operations' empty {@code security: []},
 * which changes nothing: the document has no top-level {@code security} for them to override.)
 */
class OpenApiContractIT extends ServerIT {

    /** Served by the container's FORM mechanism, not by a JAX-RS resource. */
    private static final Set<String> CONTAINER_OPERATIONS = Set.of("POST /j_security_check");

    private static final List<Class<? extends Application>> APPLICATIONS =
            List.of(RootApplication.class, WebApplication.class, ApiApplication.class);

    /** The keys of an OpenAPI path item that name operations (OpenAPI 3.0 §4.7.9). */
    private static final Set<String> OPERATION_KEYS =
            Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.packagedWar();
    }

    @Test
    void everyServedOperationIsDocumented() throws ReflectiveOperationException {
        SortedSet<String> missing = served();
        missing.removeAll(documented());
        assertTrue(missing.isEmpty(), () -> "served but not documented: " + missing);
    }

    @Test
    void everyDocumentedOperationIsServed() throws ReflectiveOperationException {
        SortedSet<String> extra = documented();
        extra.removeAll(served());
        assertTrue(extra.isEmpty(), () -> "documented but not served: " + extra);
    }

    /** "METHOD /path" of every operation under {@code paths} of the served document (as JSON). */
    private SortedSet<String> documented() {
        String body = client.request().accept(ContentType.JSON).get("/openapi")
                .then().statusCode(200).contentType(ContentType.JSON)
                .extract().asString();
        JsonObject document;
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            document = reader.readObject();
        }
        SortedSet<String> operations = new TreeSet<>();
        for (var path : document.getJsonObject("paths").entrySet()) {
            for (String key : path.getValue().asJsonObject().keySet()) {
                if (OPERATION_KEYS.contains(key)) {
                    operations.add(key.toUpperCase(Locale.ROOT) + " " + normalise(path.getKey()));
                }
            }
        }
        return operations;
    }

    /** "METHOD /path" of every resource method of the three applications, and the container's own. */
    private static SortedSet<String> served() throws ReflectiveOperationException {
        SortedSet<String> operations = new TreeSet<>(CONTAINER_OPERATIONS);
        for (Class<? extends Application> type : APPLICATIONS) {
            String applicationPath = type.getAnnotation(ApplicationPath.class).value();
            for (Class<?> resource : type.getDeclaredConstructor().newInstance().getClasses()) {
                Path classPath = resource.getAnnotation(Path.class);
                if (classPath == null) {
                    continue; // a provider (feature, exception mapper, context resolver), not a resource
                }
                // Public methods, inherited ones too. Bridge methods stay: javac gives a public class one for
                // each public method it inherits from a package-private superclass, and a generic override's
                // bridge only repeats an operation the set already holds.
                for (Method method : resource.getMethods()) {
                    Optional<Method> declaration = declaration(resource, method);
                    if (declaration.isEmpty()) {
                        continue;
                    }
                    Path methodPath = declaration.get().getAnnotation(Path.class);
                    List<String> httpMethods = httpMethods(declaration.get());
                    if (httpMethods.isEmpty()) {
                        throw new IllegalStateException(resource.getName() + "." + method.getName()
                                + " is a sub-resource locator: teach this test to follow it");
                    }
                    String path = normalise("/" + applicationPath + "/" + classPath.value() + "/"
                            + (methodPath == null ? "" : methodPath.value()));
                    httpMethods.forEach(http -> operations.add(http + " " + path));
                }
            }
        }
        return operations;
    }

    /**
     * The declaration whose JAX-RS annotations the method has (Jakarta REST 4.0 §3.6): its own if it
     * carries any, else those of the method it overrides, in a superclass first, then in an interface.
     */
    private static Optional<Method> declaration(Class<?> resource, Method method) {
        Deque<Class<?>> interfaces = new ArrayDeque<>();
        for (Class<?> type = resource; type != null; type = type.getSuperclass()) {
            Optional<Method> found = annotatedIn(type, method);
            if (found.isPresent()) {
                return found;
            }
            interfaces.addAll(List.of(type.getInterfaces()));
        }
        while (!interfaces.isEmpty()) {
            Class<?> type = interfaces.poll();
            Optional<Method> found = annotatedIn(type, method);
            if (found.isPresent()) {
                return found;
            }
            interfaces.addAll(List.of(type.getInterfaces()));
        }
        return Optional.empty();
    }

    private static Optional<Method> annotatedIn(Class<?> type, Method method) {
        try {
            Method candidate = type.getDeclaredMethod(method.getName(), method.getParameterTypes());
            return candidate.isAnnotationPresent(Path.class) || !httpMethods(candidate).isEmpty()
                    ? Optional.of(candidate) : Optional.empty();
        } catch (NoSuchMethodException e) {
            return Optional.empty();
        }
    }

    /** The values of the method's annotations whose type is meta-annotated {@code @HttpMethod}: GET, POST, … */
    private static List<String> httpMethods(Method method) {
        List<String> names = new ArrayList<>();
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                names.add(http.value());
            }
        }
        return names;
    }

    /**
     * One slash between segments, a leading one, no trailing one (JAX-RS matches a path with or without
     * it: {@code @Path("")} under {@code /web} is the documented {@code /web/}), and templates by name only
     * ({@code {id: [0-9]+}} is {@code {id}}).
     */
    private static String normalise(String path) {
        String p = ("/" + path).replaceAll("/{2,}", "/").replaceAll("\\{\\s*([^:}\\s]+)\\s*(:[^}]*)?}", "{$1}");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
