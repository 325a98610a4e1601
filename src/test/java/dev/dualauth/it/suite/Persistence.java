package dev.dualauth.it.suite;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * An integration test (class or method) whose outcome depends on what the database stores, queries or
 * enforces: accounts, notes, refresh families, authorization codes, the revocation log, concurrent
 * writes. The full suite runs on one database per server; these run on the other database too
 * ({@code -Dit.groups=persistence}), so that each database is covered by everything it can break.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Tag(Persistence.TAG)
public @interface Persistence {

    String TAG = "persistence";
}
