package dev.dualauth.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

class RequestBodiesTest {

    /** A request with that type and length; a length of -1 is a chunked body, -2 no body at all. */
    static HttpServletRequest post(String contentType, long length) {
        return (HttpServletRequest) Proxy.newProxyInstance(RequestBodiesTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getContentType" -> contentType;
                    case "getContentLengthLong" -> Math.max(length, -1);
                    case "getHeader" -> "Transfer-Encoding".equals(args[0]) && length == -1 ? "chunked" : null;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    @Test
    void aRequestWithoutABodyNeedsNoLengthWhateverItsContentType() {
        assertEquals(0, RequestBodies.refusal(post("application/json", -2)), "GET /api/me with a Content-Type");
        assertEquals(0, RequestBodies.refusal(post("application/x-www-form-urlencoded", -2)));
    }

    @Test
    void aFormOrJsonBodyMustSayItsLengthAndKeepWithinTheLimit() {
        assertEquals(0, RequestBodies.refusal(post("application/x-www-form-urlencoded", 120)));
        assertEquals(0, RequestBodies.refusal(post("application/x-www-form-urlencoded;charset=UTF-8", RequestBodies.MAX_BYTES)));
        assertEquals(413, RequestBodies.refusal(post("Application/X-WWW-Form-Urlencoded", RequestBodies.MAX_BYTES + 1)));
        assertEquals(411, RequestBodies.refusal(post("application/x-www-form-urlencoded", -1)), "chunked");
        assertEquals(0, RequestBodies.refusal(post("application/json", 2_000)));
        assertEquals(413, RequestBodies.refusal(post("application/json", 5_000_000)));
        assertEquals(411, RequestBodies.refusal(post("application/json; charset=utf-8", -1)));
    }

    @Test
    void itsCharsetMustBeOneItsReaderDecodesReliably() {
        assertEquals(0, RequestBodies.refusal(post("application/x-www-form-urlencoded; charset=ISO-8859-1", 10)), "REST-assured, HttpClient");
        assertEquals(415, RequestBodies.refusal(post("application/json; charset=ISO-8859-1", 10)), "JSON is UTF-8");
        assertEquals(0, RequestBodies.refusal(post("application/json; charset=\"UTF-8\"", 10)));
        assertEquals(415, RequestBodies.refusal(post("application/json; charset=utf-16", 10)));
        assertEquals(415, RequestBodies.refusal(post("application/x-www-form-urlencoded; charset=nope", 10)));
        assertEquals(415, RequestBodies.refusal(post("application/x-www-form-urlencoded;charset=UTF-16", 10)));
    }

    @Test
    void otherBodiesAreLeftToTheirReaders() {
        assertEquals(0, RequestBodies.refusal(post("text/plain; charset=nope", 5_000_000)));
        assertEquals(0, RequestBodies.refusal(post(null, -1)));
    }
}
