package dev.dualauth.it.suite;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An integration test class that does not share the suite's server: it gets a deployment of its own (on
 * Payara Micro a new server process, on WildFly a new deployment), and the class after it gets a fresh one
 * again. For the few classes that must see a start (key rotation), measure the server alone (heap), or use
 * up what a node allows per period (the pre-login budget). Every other class shares one deployment per
 * suite ({@link SharedDeployment}).
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface OwnServer {

    /** Why the class cannot share the server: shown in the test log when its server starts. */
    String value();
}
