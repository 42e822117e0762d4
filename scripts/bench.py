#!/usr/bin/env python3
"""Benchmark: build the site at N = 100, 1,000 and 3,000 synthetic practices.

    python3 scripts/dev.py bench            # full run (median of 3; about 16 minutes on 2 cores)
    python3 scripts/dev.py bench --quick    # smoke test: 1 run, N = 30 and 300
    python3 scripts/dev.py bench --sizes 1000 --runs 1 --no-search
    python3 scripts/dev.py bench --no-today --sizes "" --big 10000   # build and memory only

For each size it prints our own steps (load, link, render, jieba user words: the hook's work), the
whole ``mkdocs build`` on an empty page cache (cold) and again on the cache it left (warm),
peak memory of that child process (with its workers' CPU), site size, site bytes per
practice, search index size, the same pages built as plain Markdown without our hook
(``build.py pages --out`` + a copy of mkdocs.yml without ``hooks``), and the ``mkdocs
serve`` refresh after one record is edited. Sizes above 1,000 run once. Then search in Chromium: time until the
search is ready after the first page load, and from the last keystroke to results.
"Today" is a copy of the real ``data/``. Figures only: no target is asserted here.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "tests"))
import synth  # noqa: E402
from conftest import free_port  # noqa: E402

BIN = Path(sys.executable).parent
ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONHASHSEED="0")
# Our stages (CPU seconds), timed in a fresh interpreter like the one mkdocs runs the hook in.
OWN_STEPS = """
import json, sys, time
sys.path.insert(0, {scripts!r})
from pathlib import Path
t0 = time.process_time()
from practice_site.corpus.load import load_corpus
from practice_site.link.graph import link_corpus
from practice_site.render.site import render_site
t1 = time.process_time()
corpus, problems = load_corpus(Path({data!r}))
assert not problems, problems[:5]
t2 = time.process_time()
links = link_corpus(corpus)
t3 = time.process_time()
pages = render_site(corpus, links)
t4 = t4b = time.process_time()
try:  # the hook also picks jieba user words (issue 4's search_terms), when that module exists
    from practice_site.search import tuning
    import jieba
    jieba.initialize()  # not ours: Material's search loads jieba's dictionary in every build
    t4b = time.process_time()
    tuning.dictionary_words(corpus)
except ImportError:
    pass
t5 = time.process_time()
print(json.dumps({{"import": t1 - t0, "load": t2 - t1, "link": t3 - t2, "render": t4 - t3,
                  "terms": t5 - t4b,
                  "pages": len(pages), "html": sum(len(p.html.encode()) for p in pages.values())}}))
"""


def run_child(cmd: list[str]) -> str:
    """Run ``cmd`` in the project root; its stdout, or an error with its stderr."""
    proc = subprocess.run(cmd, cwd=ROOT, env=ENV, capture_output=True, text=True)
    if proc.returncode:
        raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    return proc.stdout


def build_child(cmd: list[str], env: dict) -> tuple[float, float, float]:
    """Run a build, output to a file; (wall s, peak RSS MB, CPU s) of the child from wait4.
    CPU seconds (user + system) say more than wall time on a machine others share."""
    with tempfile.TemporaryFile() as log:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log, stderr=log)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode:
            log.seek(0)
            raise RuntimeError(f"{' '.join(cmd)} failed:\n{log.read().decode()[-3000:]}")
        log.seek(0)
        text = log.read().decode()
    if "WARNING" in text:
        raise RuntimeError(f"{' '.join(cmd)} warned:\n{text[-3000:]}")
    return wall, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def dir_bytes(folder: Path, exclude: str | None = None) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*")
               if p.is_file() and not (exclude and p.relative_to(folder).parts[0] == exclude))


PLAIN_COMMIT = "c6e5397"
"""The last commit whose ``build.py pages`` wrote the generated pages as Markdown: "plain" is
those Markdown pages built by MkDocs without our hook (issue 23 keeps it defined so)."""


def at_plain_commit(folder: str, work: Path) -> Path:
    """``folder`` of the project as it was at PLAIN_COMMIT (extracted once per run)."""
    then = work / f"plain-{folder}-{PLAIN_COMMIT}"
    if not then.is_dir():
        then.mkdir(parents=True)
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", PLAIN_COMMIT, folder],
                                 capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(then)], input=archive, check=True)
    return then / folder


def plain_markdown(data: Path, docs: Path, work: Path) -> None:
    """The Markdown pages PLAIN_COMMIT's pipeline writes for ``data``, into ``docs``."""
    old = at_plain_commit("scripts", work)
    run_child([sys.executable, "-c", "import sys; sys.path.insert(0, sys.argv[1]); "
               "from practice_site.cli import main; sys.exit(main(sys.argv[2:]))",
               str(old), "--data", str(data), "pages", "--out", str(docs)])


def plain_config(work: Path, docs: Path) -> Path:
    """mkdocs.yml without our hook, reading ``docs`` (same theme, extensions, search)."""
    lines, skip = [], False
    for line in (ROOT / "mkdocs.yml").read_text(encoding="utf-8").splitlines():
        if re.match(r"^(hooks|watch):", line):
            skip = True
            continue
        if skip and (line.startswith(" ") or line.startswith("-")):
            continue
        skip = False
        line = re.sub(r"^docs_dir:.*", f"docs_dir: {docs}", line)
        line = re.sub(r"^(\s*custom_dir:)\s*(\S+)", lambda m: f"{m[1]} {ROOT / m[2]}", line)
        lines.append(line)
    path = work / "plain-mkdocs.yml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.read().decode("utf-8", "replace")
    except OSError:
        return None


def process_cpu(pid: int) -> float:
    """CPU seconds (user + system) a running process has used so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def serve_refresh(data: Path, runs: int, timeout: float) -> tuple[list[float], list[float]]:
    """Seconds from a record's change on disk to its page served with the change, and the
    CPU seconds the server spent meanwhile (steadier than wall time on a shared machine)."""
    port = free_port()
    log = tempfile.TemporaryFile()
    cache = tempfile.TemporaryDirectory(prefix="practice-bench-cache-")  # cold at start
    proc = subprocess.Popen([str(BIN / "mkdocs"), "serve", "-f", str(ROOT / "mkdocs.yml"),
                             "-a", f"127.0.0.1:{port}", "-w", str(data)],
                            cwd=ROOT, env=dict(ENV, PRACTICE_SITE_DATA=str(data), PRACTICE_SITE_CACHE=cache.name),
                            stdout=log, stderr=log)
    record = sorted((data / "practices").glob("*.yml"))[0]
    url = f"http://127.0.0.1:{port}/practices/{record.stem}/"
    times: list[float] = []
    cpu: list[float] = []
    try:
        deadline = time.monotonic() + timeout
        while fetch(url) is None:
            if proc.poll() is not None or time.monotonic() > deadline:
                log.seek(0)
                raise RuntimeError("mkdocs serve did not start:\n" + log.read().decode()[-2000:])
            time.sleep(0.2)
        original = record.read_text(encoding="utf-8")
        for k in range(runs):
            marker = f"基准修改第{k + 1}次{time.time_ns() % 100000}"
            time.sleep(1.0)  # let the polling observer settle after the previous build
            edited = re.sub(r"^(summary: .*)$", lambda m, mk=marker: m[1] + mk, original, count=1, flags=re.M)
            cpu0 = process_cpu(proc.pid)
            record.write_text(edited, encoding="utf-8")
            t0 = time.perf_counter()
            deadline = time.monotonic() + timeout
            while True:
                page = fetch(url)
                if page and marker in page:
                    times.append(time.perf_counter() - t0)
                    cpu.append(process_cpu(proc.pid) - cpu0)
                    break
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"edit not served within {timeout:.0f} s")
                time.sleep(0.02)
        record.write_text(original, encoding="utf-8")
        # Stopped in the middle of the rebuild this starts, serve could leave its site behind.
        deadline = time.monotonic() + timeout
        while (page := fetch(url)) is None or marker in page:
            if proc.poll() is not None or time.monotonic() > deadline:
                break
            time.sleep(0.05)
    finally:
        proc.send_signal(signal.SIGINT)  # as Ctrl+C: serve then removes its temporary site folder
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()
        cache.cleanup()
    return times, cpu


def _build_figures(builds: list, warm: list) -> dict:
    med = statistics.median
    return {"build": med([b[0] for b in builds]), "build_cpu": med([b[2] for b in builds]),
            "warm": med([b[0] for b in warm]), "warm_cpu": med([b[2] for b in warm]),
            "rss": max(b[1] for b in builds + warm)}


def measure_size(label: str, data: Path, n: int, work: Path, runs: int, serve: bool,
                 plain_too: bool = True) -> dict:
    """Every figure for one corpus; only our build's (cold and warm) when not ``plain_too``."""
    print(f"\n== {label}: {n} practices (load average {os.getloadavg()[0]:.1f})", flush=True)
    own = []
    for _ in range(runs if plain_too else 0):
        out = run_child([sys.executable, "-c", OWN_STEPS.format(scripts=str(ROOT / "scripts"),
                                                                       data=str(data))])
        own.append(json.loads(out))
    site = work / f"site-{label}"
    builds, warm = [], []
    for k in range(runs):
        # Cold: an empty page cache (a first build, or after an upgrade). Warm: the same
        # build again on the cache the cold one left (every later build; nothing edited).
        cache = work / f"cache-{label}-{k}"
        env = dict(ENV, PRACTICE_SITE_DATA=str(data), PRACTICE_SITE_CACHE=str(cache))
        cmd = [str(BIN / "mkdocs"), "build", "-q", "-f", str(ROOT / "mkdocs.yml"), "-d", str(site)]
        builds.append(build_child(cmd, env))
        warm.append(build_child(cmd, env))
        shutil.rmtree(cache)
    if not plain_too:
        row = {"label": label, "n": n, **_build_figures(builds, warm), "site": dir_bytes(site)}
        print(json.dumps(row, ensure_ascii=False), flush=True)
        return row
    docs = work / f"plain-docs-{label}"
    shutil.rmtree(docs, ignore_errors=True)
    shutil.copytree(ROOT / "docs", docs)
    try:
        plain_markdown(data, docs, work)
    except RuntimeError:
        if label != "today":
            raise
        # PLAIN_COMMIT's pipeline refuses fields that today's records gained since: its
        # plain pages are made from data/ as it was at that commit (56 practices then too).
        print(f"plain for today: data/ as at {PLAIN_COMMIT} (its pipeline refuses today's new fields)", flush=True)
        plain_markdown(at_plain_commit("data", work), docs, work)
    config = plain_config(work, docs)
    plain_site = work / f"plain-site-{label}"
    plain = [build_child([str(BIN / "mkdocs"), "build", "-q", "-f", str(config), "-d", str(plain_site)],
                         ENV) for _ in range(runs)]
    med = lambda xs: statistics.median(xs)  # noqa: E731
    row = {
        "label": label, "n": n,
        "load": med([o["load"] for o in own]), "link": med([o["link"] for o in own]),
        "render": med([o["render"] for o in own]), "terms": med([o["terms"] for o in own]),
        **_build_figures(builds, warm),
        "plain": med([b[0] for b in plain]), "plain_cpu": med([b[2] for b in plain]),
        "site": dir_bytes(site), "site_content": dir_bytes(site, exclude="assets"),
        "index": (site / "search" / "search_index.json").stat().st_size,
        "plain_index": (plain_site / "search" / "search_index.json").stat().st_size,
        "practice_html": med([p.stat().st_size for p in (site / "practices").glob("*/index.html")]),
        "site_dir": str(site),
    }
    row["own"] = row["load"] + row["link"] + row["render"] + row["terms"]
    if serve:
        # One edit at the large sizes: each refresh is a whole rebuild.
        times, cpu = serve_refresh(data, runs if n <= 1000 else 1, timeout=max(60.0, 6 * row["build"]))
        row["refresh"], row["refresh_cpu"] = med(times), med(cpu)
    print(json.dumps({k: (round(v, 3) if isinstance(v, float) else v) for k, v in row.items()},
                     ensure_ascii=False), flush=True)
    return row


# -- search in Chromium ----------------------------------------------------------------
READY_JS = """() => { const m = document.querySelector('.md-search-result__meta');
  return m && !/正在|Initializing/.test(m.textContent) && m.textContent.trim() !== ''; }"""
WATCH_JS = """() => {
  window.__keyup = null; window.__shown = null;
  const meta = document.querySelector('.md-search-result__meta');
  document.querySelector('input.md-search__input').addEventListener('keyup', e => {
    if (e.key === 'End') { window.__keyup = performance.now(); window.__shown = null; } }, true);
  new MutationObserver(() => {
    if (window.__keyup !== null && window.__shown === null && /\\d|没有/.test(meta.textContent)
        && document.querySelector('.md-search-result__item, .md-search-result__meta'))
      window.__shown = performance.now();
  }).observe(document.querySelector('.md-search-result'), {subtree: true, childList: true,
                                                           characterData: true});
}"""


def search_figures(site: Path, queries: list[str], runs: int) -> dict:
    from playwright.sync_api import sync_playwright

    from conftest import CHROMIUM_ARGS, chromium_path, serve
    server, url = serve(site)
    ready, typed, hits = [], {q: [] for q in queries}, {}
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
            for _ in range(runs):
                context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
                pg = context.new_page()
                pg.goto(url)
                pg.wait_for_function(READY_JS, timeout=300_000, polling=20)
                # performance.now() counts from the navigation's start: ready after first load.
                ready.append(pg.evaluate("() => performance.now()") / 1000)
                pg.click("label.md-search__icon, .md-search__input")
                pg.evaluate(WATCH_JS)
                box = pg.locator("input.md-search__input")
                for q in queries:
                    box.fill(q)
                    pg.evaluate("() => { window.__keyup = null; window.__shown = null; }")
                    box.press("End")  # the last keystroke: Material searches on keyup
                    pg.wait_for_function("() => window.__shown !== null", timeout=120_000, polling=10)
                    typed[q].append(pg.evaluate("() => window.__shown - window.__keyup") / 1000)
                    hits[q] = pg.text_content(".md-search-result__meta")
                    box.fill("")
                    box.press("End")
                    pg.wait_for_timeout(200)
                context.close()
            browser.close()
    finally:
        server.shutdown()
    return {"ready": statistics.median(ready),
            "typed": {q: statistics.median(v) for q, v in typed.items()}, "hits": hits}


# -- report -----------------------------------------------------------------------------
def machine() -> str:
    mem = next((ln.split()[1] for ln in Path("/proc/meminfo").read_text().splitlines()
                if ln.startswith("MemTotal")), "0")
    cpu = next((ln.split(":", 1)[1].strip() for ln in Path("/proc/cpuinfo").read_text().splitlines()
                if ln.startswith("model name")), platform.processor())
    versions = []
    for pkg in ("mkdocs", "mkdocs-material", "pymdown-extensions", "jieba", "PyYAML", "playwright"):
        try:
            from importlib.metadata import version
            versions.append(f"{pkg} {version(pkg)}")
        except Exception:
            pass
    load = os.getloadavg()[0]
    return (f"{os.cpu_count()} CPUs ({cpu}), {int(mem) / 1024 / 1024:.1f} GB RAM, "
            f"{platform.system()} {platform.release()}, Python {platform.python_version()}; "
            + ", ".join(versions) + f"; load average at start {load:.1f}")


def table(rows: list[dict]) -> str:
    mb = lambda b: f"{b / 1e6:.1f} MB"  # noqa: E731
    head = ["", *[f"{r['label']} ({r['n']})" for r in rows]]
    lines = [
        ("our steps: load / link / render / search words",
         [f"{r['load']:.2f} / {r['link']:.2f} / {r['render']:.2f} / {r['terms']:.2f} s" if "own" in r else "–"
          for r in rows]),
        ("our steps, total (CPU)", [f"{r['own']:.2f} s" if "own" in r else "–" for r in rows]),
        ("`mkdocs build` (ours), cold cache, wall / CPU", [f"{r['build']:.1f} / {r['build_cpu']:.1f} s" for r in rows]),
        ("`mkdocs build` (ours), warm cache, wall / CPU", [f"{r['warm']:.1f} / {r['warm_cpu']:.1f} s" for r in rows]),
        ("same pages, plain Markdown, no hook, wall / CPU",
         [f"{r['plain']:.1f} / {r['plain_cpu']:.1f} s" if "plain" in r else "–" for r in rows]),
        ("ours / plain (CPU): cold, warm",
         [f"{r['build_cpu'] / r['plain_cpu']:.2f}, {r['warm_cpu'] / r['plain_cpu']:.2f}" if "plain" in r else "–"
          for r in rows]),
        ("our steps / build (CPU, cold)", [f"{100 * r['own'] / r['build_cpu']:.1f} %" if "own" in r else "–" for r in rows]),
        ("peak memory (build)", [f"{r['rss']:.0f} MB" for r in rows]),
        ("site size", [mb(r["site"]) for r in rows]),
        ("site bytes per practice (without theme assets)",
         [f"{r['site_content'] / r['n'] / 1e3:.1f} kB" if "site_content" in r else "–" for r in rows]),
        ("practice page HTML (median)", [f"{r['practice_html'] / 1e3:.1f} kB" if "practice_html" in r else "–"
                                         for r in rows]),
        ("search index (ours / plain)", [f"{mb(r['index'])} / {mb(r['plain_index'])}" if "index" in r else "–"
                                         for r in rows]),
        ("`mkdocs serve` refresh after an edit, wall / server CPU",
         [f"{r['refresh']:.2f} / {r.get('refresh_cpu', float('nan')):.2f} s" if "refresh" in r else "–" for r in rows]),
        ("search ready after first load", [f"{r['search']['ready']:.2f} s" if "search" in r else "–" for r in rows]),
        ("last keystroke → results (median of queries)",
         [f"{statistics.median(r['search']['typed'].values()) * 1000:.0f} ms" if "search" in r else "–" for r in rows]),
    ]
    out = ["| " + " | ".join(head) + " |", "|" + " --- |" * len(head)]
    out += [f"| {name} | " + " | ".join(cells) + " |" for name, cells in lines]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="100,1000,3000", help="comma-separated N (default 100,1000,3000)")
    ap.add_argument("--runs", type=int, default=3, help="runs per figure; the median is shown")
    ap.add_argument("--quick", action="store_true", help="1 run, N = 30 and 300: a smoke test")
    ap.add_argument("--big", default="", help="comma-separated N built only (cold and warm, memory), 1 run")
    ap.add_argument("--no-today", action="store_true", help="skip the real data/ (today's size)")
    ap.add_argument("--no-serve", action="store_true", help="skip the mkdocs serve refresh")
    ap.add_argument("--serve-only", action="store_true", help="only the mkdocs serve refresh (no builds, no search)")
    ap.add_argument("--no-search", action="store_true", help="skip search in Chromium")
    ap.add_argument("--json", type=Path, help="also write the rows as JSON here")
    args = ap.parse_args(argv)
    sizes = [30, 300] if args.quick else [int(s) for s in args.sizes.split(",") if s]
    runs = 1 if args.quick else args.runs
    print("machine:", machine(), flush=True)
    started = time.perf_counter()
    rows = []
    with tempfile.TemporaryDirectory(prefix="practice-bench-") as tmp:
        work = Path(tmp)
        jobs = []
        if not args.no_today:
            today = work / "data-today"
            shutil.copytree(ROOT / "data", today)
            jobs.append(("today", today, len(list((today / "practices").glob("*.yml")))))
        for n in sizes:
            jobs.append((f"N={n}", synth.generate(n, work / f"data-{n}"), n))
        for label, data, n in jobs:
            if args.serve_only:
                times, cpu = serve_refresh(data, runs, timeout=600)
                rows.append({"label": label, "n": n, "refresh": statistics.median(times),
                             "refresh_cpu": statistics.median(cpu)})
                print(json.dumps(rows[-1]), flush=True)
                continue
            row = measure_size(label, data, n, work, runs if n <= 1000 else 1, serve=not args.no_serve)
            if not args.no_search:
                site = Path(row["site_dir"])
                queries = ["反诈", "租安心", "项目警官"] if label == "today" else ["反诈", "平安管家", "矛盾纠纷"]
                row["search"] = search_figures(site, queries, runs)
                print(json.dumps(row["search"], ensure_ascii=False), flush=True)
            rows.append(row)
            shutil.rmtree(row["site_dir"], ignore_errors=True)
        for n in [int(b) for b in args.big.split(",") if b]:
            data = synth.generate(n, work / f"data-{n}")
            rows.append(measure_size(f"N={n}", data, n, work, 1, serve=False, plain_too=False))
            shutil.rmtree(data)
    print(f"\nmachine: {machine()}\nwall time of this benchmark: {time.perf_counter() - started:.0f} s, "
          f"{runs} run(s) per figure (median)\n")
    if not args.serve_only:
        print(table(rows))
    if args.json:
        args.json.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
