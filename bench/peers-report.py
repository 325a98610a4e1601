#!/usr/bin/env python3
"""The table of bench/peers: reads RESULTS/run<N>/<system>/round<r>-{ping,session,jwt}.txt (raw `wrk
--latency` output, the same files for every system) and rss.txt, prints one markdown table (median of
the rounds per run: req/s, p50, p99, the ratios to the system's own /ping, RSS, errors), then the
issue's targets checked for each dualauth row against the peers of the same run, and writes table.md
and chart.svg (median req/s over the runs, per path and system) into RESULTS.

    bench/peers-report.py RESULTS
"""
import pathlib
import re
import statistics
import sys

PATHS = ["ping", "session", "jwt"]
UNIT = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}
NAMES = {
    "dualauth": "dualauth (Payara Micro 7)",
    "bare": "bare JAX-RS /ping (same Payara Micro)",
    "wildfly": "dualauth (WildFly Preview 39)",
    "spring": "Spring Boot 3.5.7 / Security 6.5.6",
    "quarkus": "Quarkus 3.33.2",
}
ORDER = ["dualauth", "bare", "wildfly", "spring", "quarkus"]


def ms(value):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value).groups()
    return float(number) * UNIT[unit]


def parse(path):
    text = path.read_text()
    errors = 0
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
    if non2xx:
        errors += int(non2xx.group(1))
    sockets = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    if sockets:
        errors += sum(int(n) for n in sockets.groups())
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)),
        "p50": ms(re.search(r"^\s+50%\s+(\S+)", text, re.M).group(1)),
        "p99": ms(re.search(r"^\s+99%\s+(\S+)", text, re.M).group(1)),
        "errors": errors,
    }


def system_result(folder):
    rounds = sorted({int(m.group(1)) for p in folder.glob("round*-ping.txt") for m in [re.match(r"round(\d+)-", p.name)]})
    if not rounds:
        return None
    # the bare server has /ping only: its other paths are None
    data = {p: [parse(folder / f"round{r}-{p}.txt") for r in rounds] for p in PATHS if (folder / f"round{rounds[0]}-{p}.txt").exists()}
    result = {p: {k: statistics.median(x[k] for x in data[p]) for k in ("rps", "p50", "p99")} if p in data else None for p in PATHS}
    result["errors"] = sum(x["errors"] for p in data for x in data[p])
    rss = folder / "rss.txt"
    match = re.search(r"VmRSS:\s+(\d+) kB", rss.read_text()) if rss.exists() else None
    result["rss_mib"] = int(match.group(1)) / 1024 if match else None
    result["rounds"] = len(rounds)
    return result


def load(results):
    runs = {}
    for run in sorted(results.glob("run*"), key=lambda p: int(re.sub(r"\D", "", p.name) or 0)):
        systems = {s: system_result(run / s) for s in ORDER if (run / s).is_dir()}
        runs[run.name] = {s: r for s, r in systems.items() if r}
    return runs


def latencies(result, key, digits):
    return " / ".join(f"{result[p][key]:.{digits}f}" if result[p] else "–" for p in PATHS)


def rps(result, path):
    return f"{result[path]['rps']:.0f}" if result[path] else "–"


def ratio(result, path):
    return f"{result[path]['rps'] / result['ping']['rps']:.2f}" if result[path] else "–"


def table(runs):
    lines = [
        "| system | run | ping req/s | session req/s | token req/s | session/ping | token/ping "
        "| p50 ms ping / session / token | p99 ms ping / session / token | RSS MiB | errors |",
        "|---|---|---:|---:|---:|---:|---:|---|---|---:|---:|",
    ]
    for system in ORDER:
        for run, systems in runs.items():
            r = systems.get(system)
            if not r:
                continue
            rss = f"{r['rss_mib']:.0f}" if r["rss_mib"] else "–"
            lines.append(
                f"| {NAMES[system]} | {run.removeprefix('run')} | {rps(r, 'ping')} | {rps(r, 'session')} "
                f"| {rps(r, 'jwt')} | {ratio(r, 'session')} | {ratio(r, 'jwt')} "
                f"| {latencies(r, 'p50', 2)} | {latencies(r, 'p99', 1)} | {rss} | {r['errors']} |")
    return "\n".join(lines)


def targets(runs):
    """The issue's targets, for each run that measured dualauth (Payara Micro) and the peers."""
    lines = []
    for run, s in runs.items():
        d = s.get("dualauth")
        if not d:
            continue
        checks = [  # (target, measured, bar): met when measured >= bar
            ("session/ping ≥ 0.90", d["session"]["rps"] / d["ping"]["rps"], 0.90),
            ("token/ping ≥ 0.95", d["jwt"]["rps"] / d["ping"]["rps"], 0.95),
        ]
        if "spring" in s:
            checks.append(("session req/s ÷ Spring's ≥ 1", d["session"]["rps"] / s["spring"]["session"]["rps"], 1.0))
            for p in PATHS:
                checks.append((f"2 × Spring's p99 ÷ dualauth's, {p}, ≥ 1", 2 * s["spring"][p]["p99"] / d[p]["p99"], 1.0))
        if "quarkus" in s:
            checks.append(("(stretch) session req/s ÷ Quarkus's ≥ 1", d["session"]["rps"] / s["quarkus"]["session"]["rps"], 1.0))
        best = max((s[p]["jwt"]["rps"] for p in ("spring", "quarkus") if p in s), default=None)
        if best:
            checks.append(("token req/s ÷ (2 × best peer's) ≥ 1", d["jwt"]["rps"] / (2 * best), 1.0))
        if "bare" in s:
            checks.append(("ping req/s ÷ (0.9 × the bare server's) ≥ 1", d["ping"]["rps"] / (0.9 * s["bare"]["ping"]["rps"]), 1.0))
        checks.append(("errors = 0", 0.0 if d["errors"] else 1.0, 1.0))
        for name, value, bar in checks:
            verdict = "met" if value >= bar else f"MISSED by {100 * (1 - value / bar):.0f} %"
            lines.append(f"- run {run.removeprefix('run')}: {name}: {value:.2f} → {verdict}")
    return "\n".join(lines)


def chart(runs):
    """A grouped bar chart (SVG, no dependencies): median req/s over the runs, per path and system."""
    systems = [s for s in ORDER if any(s in r for r in runs.values())]
    values = {s: {p: statistics.median(r[s][p]["rps"] if r[s][p] else 0 for r in runs.values() if s in r) for p in PATHS} for s in systems}
    top = max(v for s in values.values() for v in s.values())
    scale = 10 ** len(str(int(top))) / 10
    top = (int(top / scale) + 1) * scale
    height, left, bottom, bar = 340, 70, 60, 34
    colours = {"ping": "#8a8f98", "session": "#2f6fb0", "jwt": "#c0632b"}
    group = bar * len(PATHS) + 30
    width = max(760, left + 40 + len(systems) * (group + 20))
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="sans-serif" font-size="12">',
           f'<rect width="{width}" height="{height}" fill="#fff"/>',
           f'<text x="{left}" y="18" font-size="14">req/s, median of {len(runs)} run(s), 2 cores shared with wrk -t2 -c32</text>']
    plot = height - bottom - 30
    for i in range(6):
        y = height - bottom - plot * i / 5
        out.append(f'<line x1="{left}" x2="{width - 10}" y1="{y:.0f}" y2="{y:.0f}" stroke="#e3e3e3"/>')
        out.append(f'<text x="{left - 6}" y="{y + 4:.0f}" text-anchor="end">{top * i / 5:,.0f}</text>')
    for g, s in enumerate(systems):
        x0 = left + 20 + g * (group + 20)
        for b, p in enumerate(PATHS):
            if not values[s][p]:
                continue
            h = plot * values[s][p] / top
            x = x0 + b * bar
            out.append(f'<rect x="{x}" y="{height - bottom - h:.0f}" width="{bar - 4}" height="{h:.0f}" fill="{colours[p]}"/>')
            out.append(f'<text x="{x + (bar - 4) / 2}" y="{height - bottom - h - 4:.0f}" text-anchor="middle" font-size="10">{values[s][p] / 1000:.1f}k</text>')
        label = NAMES[s].split(" (")[0] if s in ("spring", "quarkus", "bare") else NAMES[s]
        out.append(f'<text x="{x0 + group / 2 - 15}" y="{height - bottom + 18}" text-anchor="middle" font-size="11">{label.split(" /")[0]}</text>')
    for i, p in enumerate(PATHS):
        x = left + 20 + i * 150
        name = {"ping": "GET /ping", "session": "GET /web/me (session)", "jwt": "GET /api/me (token)"}[p]
        out.append(f'<rect x="{x}" y="{height - 22}" width="12" height="12" fill="{colours[p]}"/>')
        out.append(f'<text x="{x + 16}" y="{height - 12}">{name}</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def main():
    results = pathlib.Path(sys.argv[1])
    runs = {k: v for k, v in load(results).items() if v}
    if not runs:
        sys.exit(f"no results under {results}")
    text = table(runs) + "\n\nTargets (issues 15 and 20), per run:\n" + targets(runs) + "\n"
    print(text)
    (results / "table.md").write_text(text)
    (results / "chart.svg").write_text(chart(runs))
    if any(r["errors"] for s in runs.values() for r in s.values()):
        sys.exit("FAILED: some answers were errors (see the errors column)")


if __name__ == "__main__":
    main()
