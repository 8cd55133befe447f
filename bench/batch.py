"""Archives: articles a second at -j 1, -j 2 and on Dask with 2 workers, CPU time, peak memory.

Each run is the README's command, `closeread analyze BBC --output FILE.jsonl.gz`, in a child
process (stories only: `--glob '*/*.txt'` leaves out the corpus's README.TXT);
the process tree (the command, its pool or Dask workers, the fork server or nannies) is read
from /proc every 50 ms, so CPU time and peak memory count every process, not just the first.
Runs alternate between the settings (-j 1, -j 2, Dask, -j 1, ...) so that a busy moment on a
shared machine falls on all of them alike; the table gives the median of the repeats, and
checks that every setting wrote the same bytes.

    python bench/batch.py [--repeat 3] [--corpus ../shared/corpus/news-text/bbc] [--no-dask]

Wall time is what a user waits, but on a shared machine it measures the neighbours too. CPU
time does not: "on 2 free cores" is the least wall time two cores of its own would need,
max(all CPU / 2, the busiest process's CPU), since the run can finish neither before its
busiest process (the parent or one worker) nor before two cores did all the work. Wall-time
ratios are given per round, each -j 1 beside the runs made just after it.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "news-text" / "bbc"
TICK = os.sysconf("SC_CLK_TCK")


def _tree(root: int) -> dict[int, tuple[float, int]]:
    """CPU seconds and peak RSS (kB) of ``root`` and its descendants, from /proc."""
    parents: dict[int, int] = {}
    stats: dict[int, tuple[float, int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as handle:
                fields = handle.read().rsplit(b")", 1)[1].split()
            with open(f"/proc/{entry}/status", "rb") as handle:
                status = handle.read()
        except OSError:
            continue
        pid = int(entry)
        parents[pid] = int(fields[1])
        cpu = (int(fields[11]) + int(fields[12])) / TICK
        hwm = 0
        for line in status.splitlines():
            if line.startswith(b"VmHWM:"):
                hwm = int(line.split()[1])
        stats[pid] = (cpu, hwm)
    family = {root}
    grew = True
    while grew:
        grew = False
        for pid, parent in parents.items():
            if parent in family and pid not in family:
                family.add(pid)
                grew = True
    return {pid: stats[pid] for pid in family if pid in stats}


def run(name: str, args: list[str], corpus: Path, out: Path) -> dict[str, float]:
    """One run of the command; wall time, CPU of every process, peak memory, output digest."""
    env = {
        **os.environ,
        "CLOSEREAD_DATA_DIR": str(out.parent),
        "CLOSEREAD_CONFIG_DIR": "/nonexistent",
    }
    command = [sys.executable, "-m", "tui", "analyze", str(corpus), "--glob", "*/*.txt"]
    command += ["--output", str(out), "--no-progress", *args]
    out.unlink(missing_ok=True)
    seen: dict[int, tuple[float, int]] = {}
    started = time.perf_counter()
    child = subprocess.Popen(command, cwd=ROOT, env=env, stderr=subprocess.PIPE)
    while child.poll() is None:
        for pid, (cpu, hwm) in _tree(child.pid).items():
            old_cpu, old_hwm = seen.get(pid, (0.0, 0))
            seen[pid] = (max(cpu, old_cpu), max(hwm, old_hwm))
        time.sleep(0.05)
    wall = time.perf_counter() - started
    err = child.stderr.read().decode() if child.stderr else ""
    if child.returncode not in (0, 1):
        raise SystemExit(f"{name}: exit {child.returncode}: {err}")
    summary = err.strip().splitlines()[-1] if err.strip() else ""
    articles = int(summary.split()[1].replace(",", "")) if summary else 0
    cpu = sum(c for c, _ in seen.values())
    busiest = max((c for c, _ in seen.values()), default=0.0)
    return {
        "wall": wall,
        "articles": articles,
        "cpu": cpu,
        # what the run would take on two cores of its own: the work cannot finish before
        # the busiest process, nor before two cores have done all of it
        "free_wall": max(cpu / 2, busiest) if len(seen) > 1 else cpu,
        "busiest": busiest,
        "parent": seen.get(child.pid, (0.0, 0))[0],
        "peak_mb": max((h for _, h in seen.values()), default=0) / 1024,
        "sum_peak_mb": sum(h for _, h in seen.values()) / 1024,
        "processes": len(seen),
        "digest": hashlib.sha256(out.read_bytes()).hexdigest()[:12],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--no-dask", action="store_true")
    options = parser.parse_args()
    if not options.corpus.is_dir():
        raise SystemExit(f"no corpus at {options.corpus}")
    settings = {"-j 1": ["-j", "1"], "-j 2": ["-j", "2"]}
    if not options.no_dask:
        settings["dask, 2 workers"] = ["--engine", "dask", "-j", "2"]
    results: dict[str, list[dict[str, float]]] = {name: [] for name in settings}
    loads = []
    with tempfile.TemporaryDirectory(prefix="closeread-batch-") as folder:
        for round_ in range(options.repeat):
            for name, args in settings.items():
                out = Path(folder) / "out.jsonl.gz"
                result = run(name, args, options.corpus, out)
                results[name].append(result)
                loads.append(os.getloadavg()[0])
                print(
                    f"round {round_ + 1} {name}: {result['wall']:.2f} s, "
                    f"{result['cpu']:.2f} s CPU, load {loads[-1]:.2f}",
                    file=sys.stderr,
                )
    base = statistics.median(r["wall"] for r in results["-j 1"])
    free_base = statistics.median(r["free_wall"] for r in results["-j 1"])
    print(
        f"BBC corpus, {results['-j 1'][0]['articles']:,} stories; median of {options.repeat}; "
        f"load average during the runs {min(loads):.1f}-{max(loads):.1f} "
        f"on {os.cpu_count()} cores\n"
    )
    print(
        "| setting | wall s | articles/s | speed-up (wall) | CPU s, all processes "
        "| CPU s, busiest process | CPU s, the command itself | on 2 free cores: s "
        "| articles/s | speed-up "
        "| peak RSS MB (largest process) | sum of peaks MB | output |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for name, runs in results.items():
        wall = statistics.median(r["wall"] for r in runs)
        cpu = statistics.median(r["cpu"] for r in runs)
        articles = runs[0]["articles"]
        ratios = [one["wall"] / r["wall"] for one, r in zip(results["-j 1"], runs, strict=True)]
        free = statistics.median(r["free_wall"] for r in runs)
        busiest = statistics.median(r["busiest"] for r in runs)
        parent = statistics.median(r["parent"] for r in runs)
        print(
            f"| {name} | {wall:.2f} | {articles / wall:.0f} | {base / wall:.2f}x "
            f"(rounds: {', '.join(f'{x:.2f}' for x in ratios)}) | {cpu:.1f} | {busiest:.1f} | "
            f"{parent:.1f} | "
            f"{free:.2f} | {articles / free:.0f} | {free_base / free:.2f}x | "
            f"{max(r['peak_mb'] for r in runs):.0f} | {max(r['sum_peak_mb'] for r in runs):.0f} | "
            f"{runs[0]['digest']} |"
        )
    digests = {r["digest"] for runs in results.values() for r in runs}
    print(
        f"\nidentical output in every run: {'yes' if len(digests) == 1 else 'NO: ' + str(digests)}"
    )


if __name__ == "__main__":
    main()
