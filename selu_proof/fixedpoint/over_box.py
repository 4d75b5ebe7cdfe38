r"""The certified set of fixed points of ``g`` over a box of weight statistics.

For every ``(omega, tau)`` in a box ``P = [omega_lo, omega_hi] x [tau_lo, tau_hi]``
the moment map ``g_(omega, tau): (mu, nu) -> (mu~, nu~)`` (paper Theorem 1) has a
fixed point ``x*(omega, tau)``; the paper states that over Theorem 1's box it lies
in ``[-0.03106, 0.06773] x [0.80009, 1.48617]`` (the image of the whole domain).
This module encloses the set

.. math:: \{x^*(\omega, \tau) : \omega \in [\omega_{lo}, \omega_{hi}],\
          \tau \in [\tau_{lo}, \tau_{hi}]\}

and brackets its hull ``[min mu*, max mu*] x [min nu*, max nu*]`` to within a
tolerance ``T`` at every end.

* **Pieces.**  ``P`` is bisected into pieces ``P_k``; on each piece the Krawczyk
  test of ``f(x; p) = g_p(x) - x`` with *interval* parameters ``p in P_k``
  (:func:`selu_proof.fixedpoint.krawczyk`) proves: for every ``p`` in ``P_k``
  the box ``X_k`` holds exactly one fixed point, and it lies in
  ``E_k = K(X_k) ∩ X_k``.  A piece is ``unique`` only when the Krawczyk
  image lies strictly inside ``X_k`` (as in IntervalRootFinding.jl);
  otherwise the piece is bisected, and a piece that fails at the depth limit
  makes the whole answer ``unknown``.
* **Outer ends.**  By the implicit function theorem
  ``dx*/dp = -(F_x)^{-1} F_p`` with ``F_x = H - I`` and
  ``F_p = [[mu d mu~/da, nu d mu~/dv], [mu d nu~/da, nu d nu~/dv]]``
  (``a = mu omega``, ``v = nu tau``); enclosed on ``E_k x P_k`` in ball
  arithmetic.  Where a partial has a certain sign the extreme of a
  coordinate over the piece lies on the corresponding face; the remaining
  directions are bounded by the mean-value form around a certified fixed
  point at the face's centre, and the result is intersected with ``E_k``.
* **Inner ends.**  Every certified fixed point at an exact parameter point is
  a member of the set, so its ball bounds the hull from inside.  Pieces whose
  outer bound lies more than ``T`` beyond the inner one are bisected
  (branch and bound) until every end is within ``T``.

The uniqueness statements are local (each fixed point is unique in its
piece's box ``X_k``).  Over Theorem 1's domain global uniqueness in the
``(mu, nu)`` box follows from Theorem 1's contraction, not from this module.

This module is the search (the cover, the branch and bound on the ends);
:mod:`~selu_proof.fixedpoint.set_engine` holds the per-piece mathematics and
:mod:`~selu_proof.fixedpoint.set_results` the result types and the comparison with the
paper's box, re-exported here.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Sequence
from fractions import Fraction
from typing import Any

from flint import arb, ctx

from selu_proof.fixedpoint.exact_input import Number, _exact, _fmt_exact
from selu_proof.fixedpoint.results import STATUS_UNIQUE, STATUS_UNKNOWN
from selu_proof.fixedpoint.set_engine import _Engine, _Piece
from selu_proof.fixedpoint.set_results import (
    _NAMES,
    PAPER_BOX,
    FixedPointSet,
    SetPiece,
    _round_places,
    compare_with_box,
)
from selu_proof.kernel.exact import ball, ball_ends

__all__ = ["FixedPointSet", "SetPiece", "fixed_point_set", "PAPER_BOX", "compare_with_box"]

_ENDS = (("mean", "min"), ("mean", "max"), ("var", "min"), ("var", "max"))


def _pair(x: Any, name: str) -> tuple[Fraction, Fraction]:
    """An interval ``(lo, hi)`` of exact numbers from a pair or a single number."""
    if isinstance(x, (list, tuple)):
        if len(x) != 2:
            raise ValueError(f"{name} must be a number or a pair [lo, hi], got {x!r}")
        lo, hi = _exact(x[0], name), _exact(x[1], name)
    else:
        lo = hi = _exact(x, name)
    if lo > hi:
        raise ValueError(f"{name} interval is empty: {_fmt_exact(lo)} > {_fmt_exact(hi)}")
    return lo, hi


def _split(p: _Piece, widths: tuple[Fraction, Fraction], engine: _Engine
           ) -> tuple[_Piece, _Piece]:
    """Bisect the dimension along which the fixed point moves most over the piece.

    The effect of a dimension is its width times a float estimate of
    ``|d mean*/dp| + |d var*/dp|`` at the centre (:meth:`_Engine.sensitivity`),
    plus a small multiple of its width relative to the whole box so that every
    dimension is eventually split; ``omega`` on ties.  Only the order of the
    search depends on it, never a statement.
    """
    sens = engine.sensitivity(p.omega, p.tau, _start(p))
    effect = []
    for (lo, hi), total, s in zip((p.omega, p.tau), widths, sens, strict=True):
        if not total:
            effect.append(-1.0)
            continue
        effect.append(float(hi - lo) * s + 1e-3 * float((hi - lo) / total))
    if effect[0] >= effect[1]:
        mid = (p.omega[0] + p.omega[1]) / 2
        return (_Piece((p.omega[0], mid), p.tau, p.depth + 1),
                _Piece((mid, p.omega[1]), p.tau, p.depth + 1))
    mid = (p.tau[0] + p.tau[1]) / 2
    return (_Piece(p.omega, (p.tau[0], mid), p.depth + 1),
            _Piece(p.omega, (mid, p.tau[1]), p.depth + 1))


def _start(p: _Piece) -> list[float] | None:
    if p.enclosure is None:
        return None
    return [float(e.mid()) for e in p.enclosure]


class _Search:
    def __init__(self, engine: _Engine, omega, tau, tol: Fraction, max_boxes: int,
                 max_depth: int, progress: Callable[[int], None] | None,
                 grid: tuple[int, int]) -> None:
        self.e = engine
        self.grid = grid
        self.root = _Piece(omega, tau, 0)
        self.widths = (omega[1] - omega[0], tau[1] - tau[0])
        self.tol = tol
        self.max_boxes = max_boxes
        self.max_depth = max_depth
        self.progress = progress
        # inner[(name, sense)] = (value, (omega, tau), enclosure)
        self.inner: dict[tuple[str, str], tuple[Fraction, tuple[Fraction, Fraction],
                                                tuple[arb, arb]]] = {}

    def _tick(self) -> None:
        if self.progress is not None:
            self.progress(self.e.boxes)

    def _certify(self, p: _Piece, start) -> str | None:
        self.e.boxes += 1
        got = self.e.certify(p.omega, p.tau, start)
        self._tick()
        if isinstance(got, str):
            return got
        p.box, p.enclosure = got
        w, t = self.e._params(p.omega, p.tau)
        p.derivative = self.e.derivative(p.enclosure, w, t)
        return None

    def _grid(self) -> list[_Piece]:
        """The root box cut into ``grid[0] x grid[1]`` equal pieces (``omega`` outer)."""
        (w0, w1), (t0, t1) = self.root.omega, self.root.tau
        nw = self.grid[0] if w1 > w0 else 1
        nt = self.grid[1] if t1 > t0 else 1
        return [_Piece((w0 + (w1 - w0) * i / nw, w0 + (w1 - w0) * (i + 1) / nw),
                       (t0 + (t1 - t0) * j / nt, t0 + (t1 - t0) * (j + 1) / nt), 0)
                for i in range(nw) for j in range(nt)]

    def cover(self) -> tuple[list[_Piece], str]:
        """Certify a cover of the parameter box (depth first, so failures show early)."""
        done: list[_Piece] = []
        stack: list[tuple[_Piece, Any]] = [(p, None) for p in reversed(self._grid())]
        while stack:
            p, start = stack.pop()
            reason = self._certify(p, start)
            if reason is None:
                done.append(p)
                continue
            # A point of the piece without a certified fixed point ends the search at once
            # (bisection could not help there).
            for cw, ct in [((p.omega[0] + p.omega[1]) / 2, (p.tau[0] + p.tau[1]) / 2),
                           *((w_, t_) for w_ in sorted(set(p.omega)) for t_ in sorted(set(p.tau)))]:
                at = self.e.point(cw, ct, start)
                if isinstance(at, str):
                    return done, (f"no fixed point certified at omega={_fmt_exact(cw)}, "
                                  f"tau={_fmt_exact(ct)} ({at})")
            if p.depth >= self.max_depth or self.e.boxes >= self.max_boxes:
                limit = "box" if self.e.boxes >= self.max_boxes else "depth"
                return done, (f"{limit} limit reached: no unique fixed point certified for "
                              f"omega in "
                              f"[{_fmt_exact(p.omega[0])}, {_fmt_exact(p.omega[1])}], tau in "
                              f"[{_fmt_exact(p.tau[0])}, {_fmt_exact(p.tau[1])}] ({reason})")
            if self.widths == (0, 0):
                return done, reason
            first, second = _split(p, self.widths, self.e)
            stack.append((second, start))
            stack.append((first, start))
        return done, ""

    def _note_inner(self, name: str, sense: str, point: tuple[Fraction, Fraction],
                    enc: tuple[arb, arb]) -> None:
        i = _NAMES.index(name)
        lo, hi = ball_ends(enc[i])
        value = hi if sense == "min" else lo
        old = self.inner.get((name, sense))
        better = old is None or (value < old[0] if sense == "min" else value > old[0])
        if better:
            self.inner[(name, sense)] = (value, point, enc)

    def bound(self, p: _Piece, name: str, sense: str) -> Fraction:
        """An outer bound of ``min`` / ``max`` of coordinate ``name`` over the piece."""
        key = (name, sense)
        if key in p.bounds:
            return p.bounds[key]
        assert p.enclosure is not None
        i = _NAMES.index(name)
        e_lo, e_hi = ball_ends(p.enclosure[i])
        result = e_lo if sense == "min" else e_hi
        D = p.derivative
        if D is not None:
            point, spread = [], []
            for j, (lo, hi) in enumerate((p.omega, p.tau)):
                d = D[i][j]
                if lo == hi:
                    point.append(lo)
                elif d > 0 or d < 0:
                    low_end = (d > 0) == (sense == "min")
                    point.append(lo if low_end else hi)
                else:
                    point.append((lo + hi) / 2)
                    spread.append((d, (hi - lo) / 2))
            enc = self.e.point(point[0], point[1], _start(p))
            if not isinstance(enc, str):
                for end in _ENDS:
                    self._note_inner(*end, (point[0], point[1]), enc)
                with ctx.workprec(self.e.prec):
                    val = enc[i]
                    for d, r in spread:
                        val = val + d * arb(0, ball(r))
                if val.is_finite():
                    v_lo, v_hi = ball_ends(val)
                    result = max(result, v_lo) if sense == "min" else min(result, v_hi)
        p.bounds[key] = result
        return result

    def refine(self, pieces: list[_Piece], places: int) -> tuple[list[_Piece], str]:
        """Branch and bound on each end until outer and inner are within the tolerance."""
        slack = 2 * Fraction(1, 10 ** places)
        for name, sense in _ENDS:
            while True:
                bounds = [self.bound(p, name, sense) for p in pieces]
                inner = self.inner[(name, sense)][0] if (name, sense) in self.inner else None
                if inner is None:
                    return pieces, f"no fixed point certified at a point for the {sense} of {name}"
                limit = self.tol - slack
                if sense == "min":
                    bad = [k for k, b in enumerate(bounds) if inner - b > limit]
                else:
                    bad = [k for k, b in enumerate(bounds) if b - inner > limit]
                if not bad:
                    break
                new: list[_Piece] = []
                for k, p in enumerate(pieces):
                    if k not in bad:
                        new.append(p)
                        continue
                    if p.depth >= self.max_depth or self.e.boxes >= self.max_boxes:
                        limit = "box" if self.e.boxes >= self.max_boxes else "depth"
                        return pieces, (f"{limit} limit reached: the {sense} of {name} is not "
                                        f"yet within the tolerance")
                    for child in _split(p, self.widths, self.e):
                        if self._certify(child, _start(p)) is not None:
                            # the parent's statements hold for every parameter of the child
                            child.box, child.enclosure = p.box, p.enclosure
                            child.derivative = p.derivative
                        new.append(child)
                pieces = new
        return pieces, ""


def fixed_point_set(omega: Number | Sequence[Number], tau: Number | Sequence[Number],
                    alpha: Number | None = None, lam: Number | None = None, *,
                    tol: Number = "1e-6", max_boxes: int = 2000, max_depth: int = 24,
                    grid: int | tuple[int, int] = 1, progress: Callable[[int], None] | None = None
                    ) -> FixedPointSet:
    r"""Certified enclosure of the fixed points of ``g_(omega, tau)`` over a parameter box.

    Encloses ``{x*(omega, tau) : omega in [omega_lo, omega_hi], tau in [tau_lo, tau_hi]}``
    (paper Theorem 1 states it lies in ``[-0.03106, 0.06773] x [0.80009, 1.48617]``
    for Theorem 1's box) by interval-parameter Krawczyk tests on pieces of the box,
    and brackets each end of its hull to within ``tol`` (see the module docstring).

    Parameters
    ----------
    omega, tau
        ``(lo, hi)`` pairs of exact numbers (a single number is a point);
        ``tau_lo > 0``.
    alpha, lam
        SELU parameters (default ``alpha_01``, ``lambda_01`` as certified balls).
    tol
        Largest allowed distance between an outer end and the true hull (> 0).
    max_boxes, max_depth
        Limits of the search; reaching one gives ``unknown``.
    grid
        Start from ``grid x grid`` (or ``grid[0] x grid[1]`` for a pair: omega,
        tau) equal pieces; finer pieces draw the set's shape, the hull does not
        need them.
    progress
        Called with the number of boxes tested so far.

    Returns
    -------
    FixedPointSet

    Examples
    --------
    >>> s = fixed_point_set(("-0.1", "0.1"), ("0.95", "1.1"))
    >>> s.status, s.mean, s.var
    ('unique', ['-0.02087031', '0.05470599'], ['0.82647375', '1.41028983'])
    """
    t0 = time.perf_counter()
    w = _pair(omega, "omega")
    t = _pair(tau, "tau")
    if t[0] <= 0:
        raise ValueError(f"tau must be positive, got {_fmt_exact(t[0])}")
    al = None if alpha is None else _exact(alpha, "alpha")
    la = None if lam is None else _exact(lam, "lambda")
    tolerance = _exact(tol, "tol")
    if tolerance <= 0:
        raise ValueError(f"tol must be positive, got {_fmt_exact(tolerance)}")
    if isinstance(max_boxes, bool) or not isinstance(max_boxes, int) or max_boxes < 1:
        raise ValueError(f"max_boxes must be a positive integer, got {max_boxes!r}")
    places = max(4, math.ceil(-math.log10(tolerance)) + 2)
    prec = max(128, 4 * places + 64)
    engine = _Engine(al, la, prec, Fraction(1, 10 ** (places + 6)))
    cells = (grid, grid) if isinstance(grid, int) and not isinstance(grid, bool) else grid
    if not (isinstance(cells, (tuple, list)) and len(cells) == 2 and all(
            isinstance(n, int) and not isinstance(n, bool) and 1 <= n <= 256 for n in cells)):
        raise ValueError(f"grid must be an integer or a pair of integers between 1 and 256, "
                         f"got {grid!r}")
    search = _Search(engine, w, t, tolerance, max_boxes, max_depth, progress, tuple(cells))
    pieces, reason = search.cover()
    mean = var = None
    if not reason:
        pieces, reason = search.refine(pieces, places)
        outer = {}
        for name in _NAMES:
            lo = min(search.bound(p, name, "min") for p in pieces)
            hi = max(search.bound(p, name, "max") for p in pieces)
            outer[name] = [_round_places(lo, places, False), _round_places(hi, places, True)]
        mean, var = outer["mean"], outer["var"]
    inner: dict[str, list[str]] = {}
    witnesses: dict[str, dict[str, Any]] = {}
    for name in _NAMES:
        got = [search.inner.get((name, s)) for s in ("min", "max")]
        if got[0] is not None and got[1] is not None:
            inner[name] = [_round_places(got[0][0], places, True),
                           _round_places(got[1][0], places, False)]
        for sense, g in zip(("min", "max"), got, strict=True):
            if g is not None:
                _, (pw, pt), enc = g
                witnesses[f"{name}_{sense}"] = {
                    "omega": _fmt_exact(pw), "tau": _fmt_exact(pt),
                    **{n: [_round_places(ball_ends(b)[0], 17, False),
                           _round_places(ball_ends(b)[1], 17, True)]
                       for n, b in zip(_NAMES, enc, strict=True)}}
    params = "alpha_01, lambda_01" if al is None and la is None else \
        (f"alpha={'alpha_01' if al is None else _fmt_exact(al)}, "
         f"lambda={'lambda_01' if la is None else _fmt_exact(la)}")
    convention = (f"weight statistics omega in [{_fmt_exact(w[0])}, {_fmt_exact(w[1])}], "
                  f"tau in [{_fmt_exact(t[0])}, {_fmt_exact(t[1])}]; {params}")
    out_pieces = tuple(
        SetPiece(p.omega, p.tau,
                 {n: ball_ends(b) for n, b in zip(_NAMES, p.box, strict=True)},
                 {n: ball_ends(b) for n, b in zip(_NAMES, p.enclosure, strict=True)})
        for p in pieces if p.box is not None and p.enclosure is not None)
    return FixedPointSet(
        status=STATUS_UNKNOWN if reason else STATUS_UNIQUE, reason=reason,
        omega=[_fmt_exact(w[0]), _fmt_exact(w[1])], tau=[_fmt_exact(t[0]), _fmt_exact(t[1])],
        tolerance=_fmt_exact(tolerance), convention=convention, mean=mean, var=var,
        inner=inner, witnesses=witnesses, pieces=out_pieces, boxes=engine.boxes,
        points=len(engine.points), seconds=time.perf_counter() - t0)
