package dev.dualauth.security;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;

/**
 * A body the runtime's reader cannot read is the client's mistake: {@code 400}, not a {@code 500}. The
 * readers fail with plain runtime exceptions on some malformed bodies — RESTEasy's form reader on a
 * percent sign not followed by two hex digits ({@code IllegalArgumentException}), parsers on their own
 * limits — which would otherwise reach the error mapper as the server's fault.
 */
@Provider
public class UnreadableBody implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        try {
            return context.proceed();
        } catch (WebApplicationException alreadyAnswered) {
            throw alreadyAnswered;
        } catch (RuntimeException unreadable) {
            throw new BadRequestException("unreadable request body", unreadable);
        }
    }
}
