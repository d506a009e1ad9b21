"""Timing helpers the benchmarks share: one timed call (wall clock and CPU, in ms) and the
nearest-rank percentile they report."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any


def percentile(values: list[float], q: float) -> float:
    """The nearest-rank ``q`` quantile (0 to 1) of ``values``."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def timed(call: Callable[[], Any]) -> tuple[float, float, Any]:
    """Run ``call`` once: (wall ms, CPU ms of this process, what it returned)."""
    w0, c0 = time.perf_counter(), time.process_time()
    result = call()
    return (time.perf_counter() - w0) * 1000, (time.process_time() - c0) * 1000, result


def warm_then_time(call: Callable[[], Any], n: int, warm: int = 2, check=None) -> list[float]:
    """Call ``warm`` times untimed-for-the-figures, then ``n`` times; the ``n`` wall times (ms),
    sorted. ``check(result)`` runs on every answer (warm-up included)."""
    times = []
    for _ in range(warm + n):
        wall, _, result = timed(call)
        if check is not None:
            check(result)
        times.append(wall)
    return sorted(times[warm:])
