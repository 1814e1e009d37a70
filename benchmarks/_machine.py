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
