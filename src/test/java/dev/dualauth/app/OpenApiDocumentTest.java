package dev.dualauth.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Application;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document is the contract, checked without a server: the document the WAR serves at
 * {@code GET /openapi} ({@code META-INF/openapi.yaml}, written by hand, not scanned) is valid OpenAPI 3 for a
 * standard parser and validator (swagger-parser), every operation the three JAX-RS applications serve is in
 * it, and it names no operation that is not served. The served operations are computed by reflection from
 * the applications' own class lists, so a new resource method that the document lacks fails this test.
 * That the server serves this document, and what it adds, is checked against a running server by
 * {@code PublicEndpointsIT}.
 */
public class OpenApiDocumentTest {

    /** The document in the WAR, as the build packages it. */
    public static final String RESOURCE = "/META-INF/openapi.yaml";

    /** Served by the container's FORM mechanism, not by a JAX-RS resource. */
    private static final Set<String> CONTAINER_OPERATIONS = Set.of("POST /j_security_check");

    private static final List<Class<? extends Application>> APPLICATIONS =
            List.of(RootApplication.class, WebApplication.class, ApiApplication.class);

    static OpenAPI document;

    @BeforeAll
    static void parse() throws IOException {
        document = written();
    }

    /** The written document ({@link #RESOURCE}), parsed and validated. */
    public static OpenAPI written() throws IOException {
        try (InputStream in = OpenApiDocumentTest.class.getResourceAsStream(RESOURCE)) {
            return validate(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getOpenAPI();
        }
    }

    /**
     * Parses an OpenAPI document with swagger-parser and fails on any message it reports (an unknown member,
     * a missing required one, a broken {@code $ref}, a wrong type).
     */
    public static SwaggerParseResult validate(String document) {
        SwaggerParseResult result = parse(document);
        assertEquals(List.of(), messages(result), "what the OpenAPI validator reports");
        return result;
    }

    /** Parses an OpenAPI document with swagger-parser, references resolved; fails only if it is no OpenAPI at all. */
    public static SwaggerParseResult parse(String document) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(document, null, options);
        assertTrue(result.getOpenAPI() != null, () -> "not an OpenAPI document: " + result.getMessages());
        return result;
    }

    /** What the validator reported. */
    public static List<String> messages(SwaggerParseResult result) {
        return result.getMessages() == null ? List.of() : List.copyOf(result.getMessages());
    }

    @Test
    void theDocumentIsOpenApi3() {
        assertTrue(document.getOpenapi().startsWith("3."), document.getOpenapi());
    }

    @Test
    void everyServedOperationIsDocumented() throws ReflectiveOperationException {
        SortedSet<String> missing = served();
        missing.removeAll(operations(document));
        assertTrue(missing.isEmpty(), () -> "served but not documented: " + missing);
    }

    @Test
    void everyDocumentedOperationIsServed() throws ReflectiveOperationException {
        SortedSet<String> extra = operations(document);
        extra.removeAll(served());
        assertTrue(extra.isEmpty(), () -> "documented but not served: " + extra);
    }

    /** "METHOD /path" of every operation under {@code paths} of a parsed document. */
    public static SortedSet<String> operations(OpenAPI openApi) {
        SortedSet<String> operations = new TreeSet<>();
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().keySet()
                .forEach((PathItem.HttpMethod method) -> operations.add(method.name().toUpperCase(Locale.ROOT) + " " + normalise(path))));
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
