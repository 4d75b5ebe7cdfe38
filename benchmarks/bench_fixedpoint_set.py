"""Time the certified set of fixed points over Theorem 1's weight statistics.

Side by side: the interval-parameter search of
:func:`selu_proof.fixedpoint.over_box.fixed_point_set` (boxes, pieces, point fixed
points, wall-clock and CPU seconds) for a few tolerances and starting grids, and,
as the baseline measured in the same run, the point solver
:func:`selu_proof.fixedpoint.fixed_point` at the four corners of the box (which
certifies four fixed points but says nothing about the points in between).

    python benchmarks/bench_fixedpoint_set.py
"""

from __future__ import annotations

import time

from selu_proof.fixedpoint import fixed_point
from selu_proof.fixedpoint.over_box import compare_with_box, fixed_point_set

OMEGA, TAU = ("-0.1", "0.1"), ("0.95", "1.1")


def _timed(fn):
    w0, c0 = time.perf_counter(), time.process_time()
    out = fn()
    return out, time.perf_counter() - w0, time.process_time() - c0


def main() -> None:
    fixed_point_set(OMEGA, TAU, max_boxes=1)  # compile the generated backends once
    _, wall, cpu = _timed(lambda: [fixed_point(w, t) for w in OMEGA for t in TAU])
    print(f"{'run':<28} {'status':>7} {'boxes':>6} {'pieces':>6} {'points':>6} "
          f"{'wall s':>7} {'cpu s':>6}  area/paper  union/paper")
    print(f"{'baseline: 4 corner points':<28} {'-':>7} {'-':>6} {'-':>6} {4:>6} "
          f"{wall:>7.2f} {cpu:>6.2f}")
    for tol, grid in (("1e-6", 1), ("1e-12", 1), ("1e-6", (4, 64))):
        s, wall, cpu = _timed(lambda tol=tol, grid=grid: fixed_point_set(OMEGA, TAU, tol=tol,
                                                                         grid=grid))
        c = compare_with_box(s)
        print(f"{f'set tol={tol} grid={grid}':<28} {s.status:>7} {s.boxes:>6} "
              f"{len(s.pieces):>6} {s.points:>6} {wall:>7.2f} {cpu:>6.2f}  "
              f"{c['area_ratio']:>10}  {c['union_area_ratio']:>11}")


if __name__ == "__main__":
    main()
