package dev.dualauth.session;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.TreeMap;

/** An {@link HttpServletRequest} that knows only its method and headers. */
final class FakeRequests {

    private FakeRequests() {
    }

    static HttpServletRequest of(String method, Map<String, String> headers) {
        Map<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        byName.putAll(headers);
        return (HttpServletRequest) Proxy.newProxyInstance(FakeRequests.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getHeader" -> byName.get((String) args[0]);
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }
}
