"""Shared helpers of the benchmark scripts: the machine, peak memory."""

from __future__ import annotations

import os
import platform
import resource
from pathlib import Path


def machine() -> str:
    """nproc, CPU model, RAM and Python, for the results file."""
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = "unknown RAM"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                ram = f"{int(line.split()[1]) / 1024**2:.1f} GiB RAM"
                break
    except OSError:
        pass
    return f"{os.cpu_count()} CPUs (nproc), {model}, {ram}, Python {platform.python_version()}"


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far, in MB.

    Linux's ``VmHWM`` from ``/proc/self/status``: unlike ``ru_maxrss``, which ``execve``
    carries over from the parent (a child spawned by a parent holding the 1,000,000-row
    frame would start at the parent's RSS), it counts this program image only.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def machine_lines() -> list[str]:
    """The machine as the README records it: nproc, CPU model, free -g, Python, date."""
    import datetime as dt
    import shutil
    import subprocess

    def run(cmd: list[str]) -> str:
        if shutil.which(cmd[0]) is None:
            return f"({cmd[0]} not found)"
        out = subprocess.run(cmd, capture_output=True, text=True, check=False)
        return out.stdout.strip()

    model = [ln for ln in run(["lscpu"]).splitlines() if "Model name" in ln]
    free = run(["free", "-g"]).splitlines()
    load = os.getloadavg() if hasattr(os, "getloadavg") else (float("nan"),) * 3
    return [
        f"date: {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC",
        f"nproc: {run(['nproc'])}",
        f"lscpu: {model[0].split(':', 1)[1].strip() if model else 'unknown'}",
        "free -g: " + " | ".join(" ".join(ln.split()) for ln in free[:2]),
        f"Python {platform.python_version()}; load average at start "
        + ", ".join(f"{x:.2f}" for x in load),
    ]


def calibrate(repeat: int = 5) -> float:
    """Seconds of a fixed workload (the baseline unit of the joint benchmarks).

    Twenty products of a fixed random sparse matrix (200,000 × 2,000, 1,000,000
    non-zeros, CSR) with a vector, median of ``repeat``. Measured in the same process
    just before the figures it scales, so a ratio says how long a step took in units of
    what this machine could do at that moment (it is shared and loaded).
    """
    import statistics
    import time

    import numpy as np
    import scipy.sparse as sp

    rng = np.random.default_rng(0)
    A = sp.random(200_000, 2_000, density=0.0025, format="csr", random_state=rng)
    x = rng.random(2_000)
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        for _ in range(20):
            A @ x
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


class RssSampler:
    """Peak resident set size (psutil) sampled every ``interval`` s in a thread.

    Use as a context manager; ``peak_mb`` and ``start_mb`` are read afterwards.
    """

    def __init__(self, interval: float = 0.01) -> None:
        import threading

        import psutil

        self._proc = psutil.Process()
        self._interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self.start_mb = self.peak_mb = self._proc.memory_info().rss / 1024**2

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak_mb = max(self.peak_mb, self._proc.memory_info().rss / 1024**2)
            self._stop.wait(self._interval)

    def __enter__(self) -> RssSampler:
        self.start_mb = self.peak_mb = self._proc.memory_info().rss / 1024**2
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak_mb = max(self.peak_mb, self._proc.memory_info().rss / 1024**2)
