#!/usr/bin/env python3
"""The table of bench/profile: reads a JFR recording's CPU samples (jdk.ExecutionSample, through the JDK's
`jfr print --json`) and prints the inclusive share of all samples for each part docs/benchmarks.md tracks
(a sample counts for a part when any frame of its stack belongs to it), then the hottest frames by
inclusive and by self share.

    bench/profile-report.py RECORDING.jfr
"""
import collections
import json
import os
import subprocess
import sys

# part -> predicate on "package.Class.method"
PARTS = [
    ("servlet pipeline (StandardPipeline)", lambda f: f.startswith("org.apache.catalina.core.StandardPipeline.")),
    ("Jersey request processing (ServerRuntime)", lambda f: f.startswith("org.glassfish.jersey.server.ServerRuntime")),
    ("Payara OpenTelemetry listener", lambda f: "OpenTelemetryRequestEventListener" in f or f.startswith("io.opentelemetry.")),
    ("Soteria bridge (HttpBridgeServerAuthModule)", lambda f: f.startswith("org.glassfish.soteria.mechanisms.jaspic.HttpBridgeServerAuthModule.")),
    ("  of which a JNDI InitialContext", lambda f: f.startswith("javax.naming.InitialContext.<init>")),
    ("  of which a NamingException built", lambda f: f.startswith("javax.naming.NamingException.<init>")),
    ("Exousia constraint checks", lambda f: f.startswith("org.glassfish.exousia.")),
    ("Weld (CDI)", lambda f: f.startswith("org.jboss.weld.")),
    ("Payara MP-JWT", lambda f: f.startswith("fish.payara.microprofile.jwtauth.")),
    ("MicroProfile Metrics", lambda f: f.startswith("fish.payara.microprofile.metrics.")),
    ("request tracing / notification (Payara)", lambda f: f.startswith("fish.payara.nucleus.requesttracing.") or f.startswith("fish.payara.notification.")),
    ("dualauth", lambda f: f.startswith("dev.dualauth.")),
    ("  of which PathRoutingHandler", lambda f: f.startswith("dev.dualauth.app.PathRoutingHandler.")),
    ("  of which SessionGate", lambda f: f.startswith("dev.dualauth.session.SessionGate.")),
    ("  of which TokenGate", lambda f: f.startswith("dev.dualauth.token.TokenGate.")),
    ("  of which SecurityHeaders", lambda f: f.startswith("dev.dualauth.security.SecurityHeaders.")),
    ("Grizzly (HTTP)", lambda f: f.startswith("org.glassfish.grizzly.")),
    ("JSON-B / JSON-P", lambda f: f.startswith("org.eclipse.yasson.") or f.startswith("org.eclipse.parsson.")),
    ("logging", lambda f: f.startswith("java.util.logging.") or f.startswith("com.sun.enterprise.server.logging.")),
]


def frames(event):
    out = []
    for frame in event["values"]["stackTrace"]["frames"]:
        method = frame["method"]
        out.append(f"{method['type']['name'].replace('/', '.')}.{method['name']}")
    return out


def main():
    recording = sys.argv[1]
    jfr = os.path.join(os.environ.get("JAVA_HOME", "/usr"), "bin", "jfr")
    text = subprocess.run([jfr, "print", "--json", "--stack-depth", "256", "--events", "jdk.ExecutionSample", recording],
                          check=True, capture_output=True, text=True).stdout
    events = json.loads(text)["recording"]["events"]
    total = len(events)
    if not total:
        sys.exit("no CPU samples in " + recording)
    parts = collections.Counter()
    inclusive = collections.Counter()
    self_time = collections.Counter()
    for event in events:
        stack = frames(event)
        if not stack:
            continue
        self_time[stack[0]] += 1
        for f in set(stack):
            inclusive[f] += 1
        for name, match in PARTS:
            if any(match(f) for f in stack):
                parts[name] += 1
    print(f"{total} CPU samples")
    print("| part | share of samples, inclusive |")
    print("|---|---:|")
    for name, _ in PARTS:
        print(f"| {name} | {100 * parts[name] / total:.1f} % |")
    print("\nhottest frames, self:")
    for f, n in self_time.most_common(15):
        print(f"  {100 * n / total:5.1f} %  {f}")
    print("\nhottest application-server frames, inclusive (outside the JDK, Grizzly's loop and the thread pool):")
    skip = ("java.", "jdk.", "sun.", "org.glassfish.grizzly.", "com.sun.enterprise.web.connector.grizzly.", "org.glassfish.web.valve.")
    shown = 0
    for f, n in inclusive.most_common():
        if f.startswith(skip) or n == total:
            continue
        print(f"  {100 * n / total:5.1f} %  {f}")
        shown += 1
        if shown == 40:
            break


if __name__ == "__main__":
    main()
