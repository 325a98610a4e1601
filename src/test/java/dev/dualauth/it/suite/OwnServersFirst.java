package dev.dualauth.it.suite;

import java.util.Comparator;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * Runs the {@link OwnServer} classes before all others (junit-platform.properties), the rest in the order
 * they came. Each of them then starts from a new deployment and hands the next a new one, and the shared
 * deployment of everything after them is made once and ended once, at the end of the suite: ending a
 * deployment in mid-suite costs a server start on Payara Micro and, on WildFly, the wait of its session
 * manager's stop (docs/deployment.md).
 */
public final class OwnServersFirst implements ClassOrderer {

    @Override
    public void orderClasses(ClassOrdererContext context) {
        // List.sort is stable: classes that compare equal keep their order.
        context.getClassDescriptors().sort(Comparator.comparingInt((ClassDescriptor c) -> c.isAnnotated(OwnServer.class) ? 0 : 1));
    }
}
