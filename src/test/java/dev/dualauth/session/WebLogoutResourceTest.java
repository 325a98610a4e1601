package dev.dualauth.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.http.Cookie;
import java.lang.reflect.Proxy;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebLogoutResourceTest {

    /** The session cookie as the container was configured; nothing about the request. */
    static SessionCookieConfig cookieConfig(String name, String path, boolean secure) {
        Map<String, Object> values = new java.util.HashMap<>();
        values.put("getName", name);
        values.put("getPath", path);
        values.put("isSecure", secure);
        return (SessionCookieConfig) Proxy.newProxyInstance(WebLogoutResourceTest.class.getClassLoader(),
                new Class<?>[] {SessionCookieConfig.class}, (proxy, m, args) -> {
                    if (!values.containsKey(m.getName())) {
                        throw new UnsupportedOperationException(m.getName());
                    }
                    return values.get(m.getName());
                });
    }

    @Test
    void behindATlsProxyTheClearingCookieIsSecureLikeTheSecureSessionCookie() {
        SessionCookieConfig secure = cookieConfig(SessionCookieSetup.SECURE_NAME, "/", true);
        Cookie clearing = WebLogoutResource.expiredSessionCookie(secure, "");
        assertEquals(SessionCookieSetup.SECURE_NAME, clearing.getName());
        assertTrue(clearing.getSecure(), "a plain-HTTP request behind the proxy must not drop Secure");
        assertEquals("/", clearing.getPath());
        assertEquals(0, clearing.getMaxAge());
        assertTrue(clearing.isHttpOnly());
    }

    @Test
    void theDemoCookieIsClearedWithoutSecure() {
        Cookie clearing = WebLogoutResource.expiredSessionCookie(cookieConfig(null, null, false), "");
        assertEquals("JSESSIONID", clearing.getName());
        assertFalse(clearing.getSecure());
        assertEquals("/", clearing.getPath());
    }
}
