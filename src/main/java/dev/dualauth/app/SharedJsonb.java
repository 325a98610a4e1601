package dev.dualauth.app;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * One JSON-B instance for every answer of every application. Without it RESTEasy (WildFly) builds a new
 * one per response, and with it the mapping model of each class (what that cost is in docs/benchmarks.md).
 * A {@link Jsonb} is thread-safe and caches what it learns per class.
 */
@Provider
public class SharedJsonb implements ContextResolver<Jsonb> {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }
}
