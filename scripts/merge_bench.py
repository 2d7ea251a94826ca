#!/usr/bin/env python3
"""Merges the benchmark parts (target/bench/*.json) into target/bench/results.json and prints the
figures and the budget table of issue 5.

    merge_bench.py [DIR] [--failed NAME,NAME]

Every part's top-level numbers, booleans and strings become top-level keys of results.json (a
name two parts both give is an error); each part is also kept whole under "parts". `--failed`
names parts whose expected-count check failed (scripts/bench.sh passes it): they are recorded
and the exit status is 1. A missed budget only prints ✗ (the figures are noisy on a shared
machine); it never fails.
"""
import json
import os
import platform
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

args = sys.argv[1:]
failed = []
if "--failed" in args:
    i = args.index("--failed")
    failed = [x for x in args[i + 1].split(",") if x]
    del args[i : i + 2]
out_dir = Path(args[0] if args else "target/bench")

MB = 1_000_000
KB = 1_000

# (key, what, direction, budget, unit) — from issue 5; budgets in the units of the key.
BUDGETS = [
    ("native_mb_per_s", "native throughput, 1.4 MB news corpus", ">=", 150, "MB/s"),
    ("wasm_mb_per_s", "wasm in Chromium, 1 MB", ">=", 50, "MB/s"),
    ("wasm_vs_compromise", "wasm ÷ compromise throughput, 1 MB, same page", ">=", 200, "×"),
    ("cold_start_ms", "cold start → first annotation (Chromium)", "<=", 50, "ms"),
    ("keystroke_p95_ms", "keystroke → highlighted, p95 (page)", "<=", 4, "ms"),
    ("download_gz_bytes", "page download for the first annotation, gzip", "<=", 150 * KB, "bytes"),
    ("scaling_10mb_over_1mb", "native 10 MB time ÷ 1 MB time", "<=", 12, "×"),
    ("wasm_scaling_10mb_over_1mb", "wasm 10 MB time ÷ 1 MB time (Chromium)", "<=", 12, "×"),
    ("wasm_memory_over_text_10mb", "wasm memory ÷ text size, 10 MB", "<=", 4, "×"),
    # Not issue 5's: the same memory bound held to the 1 MB text (stricter; our own check) and
    # issue 4's widget budget. They are listed, and counted apart.
    ("wasm_memory_over_text_1mb", "wasm memory ÷ text size, 1 MB (own, stricter check)", "<=", 4, "×"),
    ("widget_js_gzip_bytes", "widget JS on top of the engine, gzip (issue 4)", "<=", 15 * 1024, "bytes"),
]
EXTRA = {"wasm_memory_over_text_1mb", "widget_js_gzip_bytes"}
REQUIRED = [
    "native_mb_per_s", "wasm_mb_per_s", "compromise_mb_per_s", "wasm_vs_compromise", "cold_start_ms",
    "keystroke_p95_ms", "download_gz_bytes", "compromise_gz_bytes", "scaling_10mb_over_1mb",
    "wasm_memory_bytes_10mb", "machine",
]


def sh(*cmd):
    try:
        return subprocess.run(cmd, capture_output=True, text=True, timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


def cpu():
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def ram_gib():
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 2**20)
    except (OSError, ValueError):
        pass
    return "?"


parts = {}
merged = {}
owner = {}
for part in sorted(out_dir.glob("*.json")):
    if part.name == "results.json":
        continue
    name = part.stem
    data = json.loads(part.read_text())
    parts[name] = data
    for k, v in data.items():
        if k == "machine" or isinstance(v, (dict, list)) or v is None:
            continue
        if k in ("provenance", "definition"):  # too vague at the top level: say whose
            k = f"{name}_{k}"
        if k in merged and merged[k] != v:
            sys.exit(f"merge_bench: {k} comes from both {owner[k]}.json and {name}.json")
        merged[k] = v
        owner[k] = name

browser = next((p.get("browser_version") for p in parts.values() if p.get("browser_version")), None)
node = sh("node", "--version")
machine = (
    f"{cpu()} × {os.cpu_count()} logical CPUs (shared), {ram_gib()} GiB RAM, "
    f"{platform.system()} {platform.release()}; {sh('rustc', '--version') or 'rustc ?'}; "
    f"Chromium {browser or '?'} (headless, Debian); Node {node or '?'}"
)
merged["machine"] = machine
merged["load_average_1min_at_end"] = round(os.getloadavg()[0], 2)
merged["generated_at"] = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
commit = sh("git", "rev-parse", "--short", "HEAD")
dirty = sh("git", "status", "--porcelain", "--untracked-files=no")
merged["git_commit"] = f"{commit}{' + uncommitted changes' if dirty else ''}" if commit else "?"
merged["failed_checks"] = failed

budgets = []
for key, what, op, budget, unit in BUDGETS:
    v = merged.get(key)
    ok = None if not isinstance(v, (int, float)) else (v >= budget if op == ">=" else v <= budget)
    budgets.append({"key": key, "what": what, "value": v, "op": op, "budget": budget, "unit": unit, "ok": ok})
merged["budgets"] = budgets
merged["parts"] = parts
(out_dir / "results.json").write_text(json.dumps(merged, indent=2, sort_keys=False, ensure_ascii=False) + "\n")


# ---- printing: the same tables as text (stdout) and Markdown (target/bench/results.md) -------

def fmt(v, unit=""):
    if v is None:
        return "—"
    if unit == "bytes" and isinstance(v, (int, float)):
        return f"{v:,.0f} B"
    if unit == "size" and isinstance(v, (int, float)):
        return f"{v / 2**20:.1f} MiB" if v >= 2**20 else f"{v / 1024:.1f} KiB"
    if isinstance(v, float):
        return f"{v:,.3f}" if abs(v) < 1 else f"{v:,.1f}" if abs(v) < 1000 else f"{v:,.0f}"
    if isinstance(v, int):
        return f"{v:,}"
    return str(v)


def with_unit(v, unit, kind=""):
    return "—" if v is None else f"{fmt(v, kind)}{unit}"


g = merged.get
sections = []  # (title, header, rows, notes)

cmp_parts = parts.get("compare", {}).get("compare", {})
if cmp_parts:
    rows = []
    for k, label in [("article", "2.5 KB article"), ("words2000", "2,000-word article"), ("mb1", "1 MB"), ("mb10", "10 MB (ours only)")]:
        c = cmp_parts.get(k)
        if not c:
            continue
        theirs = "compromise_ms" in c
        ours_mbps = c.get("wasm_mb_per_s") or (c["bytes"] / 1e6 / (c["wasm_ms"] / 1e3))
        rows.append([
            label, f"{c['bytes']:,}", fmt(c["wasm_ms"]), fmt(float(ours_mbps)),
            fmt(c["compromise_ms"]) if theirs else "", fmt(c["compromise_mb_per_s"]) if theirs else "",
            f"{c['wasm_vs_compromise']:,.0f}×" if theirs else "",
            f"{c['wasm_annotations']:,} / {c['compromise_matches']:,} / {c['gold_spans']:,}" if theirs else f"{c['wasm_annotations']:,} / — / {c['gold_spans']:,}",
        ])
    sections.append((
        f"Throughput in one Chromium page, side by side (compromise {g('compromise_version', '?')})",
        ["text", "bytes", "ours ms", "ours MB/s", "compromise ms", "compromise MB/s", "ratio", "found: ours / compromise / gold"],
        rows,
        "Median time of one call. Ours: `annotate(text)`, all three labels, plain JS objects out. compromise: "
        "`nlp(text)` then `.people()`, `.places()`, `.organizations()` each `.out('array')`. "
        "Ratio = compromise time ÷ our time on the same text in the same page.",
    ))

share = g("wasm_1mb_results_to_js_share")
sections.append(("Figures", ["figure", "ours", "compromise"], [
    ["native throughput, 1.4 MB news corpus", with_unit(g("native_mb_per_s"), " MB/s"), ""],
    ["native 10 MB ÷ 1 MB time", with_unit(g("scaling_10mb_over_1mb"), "×"), ""],
    ["Chromium throughput, 1 MB", with_unit(g("wasm_mb_per_s"), " MB/s"), with_unit(g("compromise_mb_per_s"), " MB/s")],
    ["Chromium, 2.5 KB article", with_unit(g("wasm_article_ms"), " ms"), with_unit(g("compromise_article_ms"), " ms")],
    ["Chromium, 2,000-word article", with_unit(g("wasm_2000_words_ms"), " ms"), with_unit(g("compromise_2000_words_ms"), " ms")],
    ["Chromium 10 MB ÷ 1 MB time", with_unit(g("wasm_scaling_10mb_over_1mb"), "×"), ""],
    ["cold start → first annotation", with_unit(g("cold_start_ms"), " ms"), with_unit(g("compromise_cold_start_ms"), " ms")],
    ["page: navigation → first highlights", with_unit(g("page_first_highlight_ms"), " ms"), ""],
    ["keystroke → highlighted, p50 / p95", f"{fmt(g('keystroke_p50_ms'))} / {fmt(g('keystroke_p95_ms'))} ms", ""],
    ["download for the first annotation, gzip / brotli", f"{fmt(g('download_gz_bytes'), 'size')} / {fmt(g('download_br_bytes'), 'size')}",
     f"{fmt(g('compromise_gz_bytes'), 'size')} / {fmt(g('compromise_br_bytes'), 'size')}"],
    ["of which the engine (wasm + glue), gzip", fmt(g("engine_gz_bytes"), "size"), ""],
    ["widget + engine, gzip", fmt(g("widget_download_gz_bytes"), "size"), ""],
    ["wasm memory after 1 MB / 10 MB", f"{fmt(g('wasm_memory_bytes_1mb'), 'size')} / {fmt(g('wasm_memory_bytes_10mb'), 'size')}", ""],
    ["share of the 1 MB call spent handing results to JS (diagnostic)", "—" if share is None else f"{share * 100:.0f} %", ""],
], None))

rows = []
for b in budgets:
    unit = {"bytes": "", "×": "×"}.get(b["unit"], f" {b['unit']}")
    shown = "—" if b["value"] is None else fmt(b["value"], b["unit"]) + unit
    bshown = f"{'≥' if b['op'] == '>=' else '≤'} {fmt(b['budget'], b['unit'])}{unit}"
    rows.append([b["what"], f"`{b['key']}`", shown, bshown, {True: "✓", False: "✗", None: "missing"}[b["ok"]]])
own = [b for b in budgets if b["key"] not in EXTRA]
extra = [b for b in budgets if b["key"] in EXTRA]
met = sum(1 for b in own if b["ok"])
extra_met = sum(1 for b in extra if b["ok"])
sections.append(("Budgets (issue 5)", ["figure", "key", "value", "budget", ""], rows,
                 f"{met} of issue 5's {len(own)} budgets met (and {extra_met} of the {len(extra)} other checks). "
                 "A ✗ is reported, not an error: the machine is shared and the figures noisy."))


def text_table(header, rows):
    rows = [[str(c).replace("`", "") for c in r] for r in [header, *rows]]
    w = [max(len(r[i]) for r in rows) for i in range(len(header))]
    for r in rows:
        print("  " + "  ".join(c.ljust(w[i]) if i == 0 else c.rjust(w[i]) for i, c in enumerate(r)))


def md_table(header, rows):
    out = ["| " + " | ".join(header) + " |", "| " + " | ".join(["---"] + ["---:"] * (len(header) - 1)) + " |"]
    out += ["| " + " | ".join(str(c) for c in r) + " |" for r in rows]
    return "\n".join(out)


intro = [
    f"Machine: {machine}.",
    f"Commit {merged['git_commit']}, {merged['generated_at']}; 1-minute load average at the end {merged['load_average_1min_at_end']}.",
]
if g("compare_provenance"):
    intro.append(f"Texts: {g('compare_provenance')}")

print(f"Annotator benchmark — {machine}")
print(intro[1])
if len(intro) > 2:
    print(intro[2])
md = ["<!-- Generated by scripts/merge_bench.py from target/bench/results.json -->", *[f"{line}\n" for line in intro]]
for title, header, rows, note in sections:
    print(f"\n{title}:")
    text_table(header, rows)
    if note:
        print(f"  {note}")
    md += [f"### {title}\n", md_table(header, rows), ""]
    if note:
        md += [note, ""]
(out_dir / "results.md").write_text("\n".join(md) + "\n")

missing = [k for k in REQUIRED if k not in merged]
print(f"\nwrote {out_dir / 'results.json'} ({len(merged) - 1} top-level figures + parts) and {out_dir / 'results.md'}")
if missing:
    print(f"missing figures: {', '.join(missing)}")
if failed:
    print(f"FAILED expected-count checks or crashed parts (a wrong answer fails the run): {', '.join(failed)}")
    sys.exit(1)
if missing:
    sys.exit(1)
