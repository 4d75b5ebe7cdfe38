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
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import numpy as np
from flint import arb, ctx

from selu_proof import backends
from selu_proof.fixedpoint.exact_input import Number, _exact, _fmt_exact
from selu_proof.fixedpoint.krawczyk_operator import krawczyk
from selu_proof.fixedpoint.results import STATUS_UNIQUE, STATUS_UNKNOWN
from selu_proof.kernel.constants import ALPHA_01, LAMBDA_01, constant_balls
from selu_proof.kernel.exact import ball, ball_ends, fraction_str, interval_ball

__all__ = ["FixedPointSet", "SetPiece", "fixed_point_set", "PAPER_BOX", "compare_with_box"]

#: The paper's statement of where the fixed point lies over Theorem 1's box
#: (Theorem 1): ``mean in [-0.03106, 0.06773]``, ``var in [0.80009, 1.48617]``.
PAPER_BOX: dict[str, tuple[str, str]] = {"mean": ("-0.03106", "0.06773"),
                                         "var": ("0.80009", "1.48617")}

_NAMES = ("mean", "var")
_ENDS = (("mean", "min"), ("mean", "max"), ("var", "min"), ("var", "max"))


# --------------------------------------------------------------------------- results


@dataclass(frozen=True)
class SetPiece:
    """One certified piece of the parameter box.

    For every ``(omega, tau)`` in ``omega x tau`` the fixed point is unique in
    ``box`` (the Krawczyk test box) and lies in ``enclosure``.  All ends are
    exact Fractions (the ends of the balls); ``box`` and ``enclosure`` map
    ``mean``, ``var`` to ``(lower, upper)``.  :meth:`FixedPointSet.as_dict`
    prints them rounded inward (``box``) and outward (``enclosure``).
    """

    omega: tuple[Fraction, Fraction]
    tau: tuple[Fraction, Fraction]
    box: dict[str, tuple[Fraction, Fraction]]
    enclosure: dict[str, tuple[Fraction, Fraction]]


@dataclass(frozen=True)
class FixedPointSet:
    """A certified outer enclosure of the fixed points over a box of ``(omega, tau)``.

    Attributes
    ----------
    status
        ``"unique"``: every piece of the parameter box was certified (each
        fixed point unique in its piece's box) and every end of ``mean``,
        ``var`` is within ``tolerance`` of the true hull.  ``"unknown"``:
        ``reason`` says what failed; ``mean``/``var`` are still a valid outer
        enclosure when the cover succeeded but the tolerance was not reached,
        and ``None`` when some piece could not be certified.
    mean, var
        ``[lower, upper]`` decimal strings, rounded outward: every fixed point
        of ``g_(omega, tau)`` for ``(omega, tau)`` in the box (the one unique in
        its piece's box) has its coordinates in them.
    inner
        ``{"mean": [lo, hi], "var": [lo, hi]}`` rounded inward: certified fixed
        points at exact parameter points reach these values, so the true hull
        contains ``[lo, hi]``.  ``mean[0] <= true min <= inner["mean"][0]``
        and so on; each gap is at most ``tolerance`` for ``unique``.
    witnesses
        For each end (``mean_min``, ``mean_max``, ``var_min``, ``var_max``):
        the exact ``omega``, ``tau`` of the fixed point giving the inner end,
        and that fixed point's enclosure.
    pieces
        The certified pieces (:class:`SetPiece`).
    boxes
        Parameter boxes tested with the interval-parameter Krawczyk test.
    seconds
        Wall-clock time (the only non-deterministic field).
    """

    status: str
    reason: str
    omega: list[str]
    tau: list[str]
    tolerance: str
    convention: str
    mean: list[str] | None
    var: list[str] | None
    inner: dict[str, list[str]]
    witnesses: dict[str, dict[str, Any]]
    pieces: tuple[SetPiece, ...] = field(repr=False)
    boxes: int = 0
    points: int = 0
    seconds: float = 0.0

    @property
    def is_unique(self) -> bool:
        """True when the whole set was certified within the tolerance."""
        return self.status == STATUS_UNIQUE

    def as_dict(self, pieces: bool = False) -> dict[str, Any]:
        """JSON-ready dictionary; ``pieces=True`` adds every piece as decimal strings."""
        out: dict[str, Any] = {
            "mean": self.mean, "var": self.var, "status": self.status, "reason": self.reason,
            "boxes": self.boxes, "pieces": len(self.pieces), "points": self.points,
            "seconds": round(self.seconds, 2), "omega": self.omega, "tau": self.tau,
            "tolerance": self.tolerance, "inner": self.inner, "witnesses": self.witnesses,
            "convention": self.convention}
        if pieces:
            out["piece_list"] = [_piece_dict(p) for p in self.pieces]
        return out

    def gap(self, name: str) -> tuple[Fraction, Fraction] | None:
        """``(inner_lo - outer_lo, outer_hi - inner_hi)`` for ``name``, exactly."""
        outer = self.mean if name == "mean" else self.var
        if outer is None or name not in self.inner:
            return None
        inner = self.inner[name]
        return (Fraction(inner[0]) - Fraction(outer[0]), Fraction(outer[1]) - Fraction(inner[1]))


def _piece_dict(p: SetPiece) -> dict[str, Any]:
    def pair(lo_hi, places=17):
        return [_round_places(lo_hi[0], places, False), _round_places(lo_hi[1], places, True)]

    def inward(lo_hi, places=17):
        return [_round_places(lo_hi[0], places, True), _round_places(lo_hi[1], places, False)]

    return {"omega": [_fmt_exact(p.omega[0]), _fmt_exact(p.omega[1])],
            "tau": [_fmt_exact(p.tau[0]), _fmt_exact(p.tau[1])],
            "enclosure": {n: pair(p.enclosure[n]) for n in _NAMES},
            "box": {n: inward(p.box[n]) for n in _NAMES}}


def _round_places(q: Fraction, places: int, up: bool) -> str:
    """``q`` rounded up or down to ``places`` decimal places, as a decimal string."""
    scaled = q * 10 ** places
    n = math.ceil(scaled) if up else math.floor(scaled)
    text = fraction_str(Fraction(n, 10 ** places))
    return "0" if text in ("-0", "0.0") else text


# --------------------------------------------------------------------------- the engine


@dataclass
class _Piece:
    omega: tuple[Fraction, Fraction]
    tau: tuple[Fraction, Fraction]
    depth: int
    box: tuple[arb, arb] | None = None
    enclosure: tuple[arb, arb] | None = None
    derivative: list[list[arb]] | None = None
    bounds: dict[tuple[str, str], Fraction] = field(default_factory=dict)


class _Engine:
    """Interval-parameter residuals, Jacobians, implicit derivatives and Krawczyk tests."""

    def __init__(self, alpha: Fraction | None, lam: Fraction | None, prec: int,
                 radius: Fraction) -> None:
        self.prec = prec
        self.radius = float(radius)  # enclosures this narrow are narrow enough
        with ctx.workprec(prec):
            a01, l01 = constant_balls(prec)
            self.al = a01 if alpha is None else ball(alpha)
            self.la = l01 if lam is None else ball(lam)
        self.al_f = ALPHA_01 if alpha is None else float(alpha)
        self.la_f = LAMBDA_01 if lam is None else float(lam)
        self.moments = backends.compiled("moments", "arb")
        self.partials = backends.compiled("jacobian_variance", "arb")
        self.moments_f = backends.compiled("moments", "numpy")
        self.jac_f = backends.compiled("jacobian_variance", "numpy")
        self.points: dict[tuple[Fraction, Fraction], tuple[arb, arb] | str] = {}
        self.boxes = 0

    # ---- the system f(x; p) = g_p(x) - x with parameter balls p = (omega, tau)

    def _params(self, omega: tuple[Fraction, Fraction], tau: tuple[Fraction, Fraction]
                ) -> tuple[arb, arb]:
        with ctx.workprec(self.prec):
            return interval_ball(*omega), interval_ball(*tau)

    def system(self, w: arb, t: arb) -> tuple[Callable, Callable]:
        al, la = self.al, self.la

        def residual(x):
            m, _, s = self.moments(x[0] * w, x[1] * t, al, la)
            return [m - x[0], s - x[1]]

        def jacobian(x):
            h11, h12, h21, h22 = self.partials(x[0] * w, x[1] * t, al, la, w, t)
            return [[h11 - 1, h12], [h21, h22 - 1]]

        return residual, jacobian

    def derivative(self, X: Sequence[arb], w: arb, t: arb) -> list[list[arb]] | None:
        """Enclosure of ``dx*/d(omega, tau)`` over ``X x P`` (implicit function theorem).

        ``None`` when ``det(H - I)`` is not certainly nonzero.
        """
        with ctx.workprec(self.prec):
            ma, mv, va, vv = self.partials(X[0] * w, X[1] * t, self.al, self.la, arb(1), arb(1))
            fx = [[w * ma - 1, t * mv], [w * va, t * vv - 1]]
            fp = [[X[0] * ma, X[1] * mv], [X[0] * va, X[1] * vv]]
            det = fx[0][0] * fx[1][1] - fx[0][1] * fx[1][0]
            if not det.is_finite() or not (det > 0 or det < 0):
                return None
            adj = [[fx[1][1], -fx[0][1]], [-fx[1][0], fx[0][0]]]
            out = [[-(adj[i][0] * fp[0][j] + adj[i][1] * fp[1][j]) / det for j in range(2)]
                   for i in range(2)]
        if not all(d.is_finite() for row in out for d in row):
            return None
        return out

    # ---- float Newton (a heuristic start; only the Krawczyk test proves anything)

    def newton(self, w: float, t: float, x0: Sequence[float]) -> list[float] | None:
        x = np.array([float(x0[0]), float(x0[1])])

        def f_and_j(x):
            with np.errstate(all="ignore"):
                m, _, s = self.moments_f(x[0] * w, x[1] * t, self.al_f, self.la_f)
                h = self.jac_f(x[0] * w, x[1] * t, self.al_f, self.la_f, w, t)
            return (np.array([float(m) - x[0], float(s) - x[1]]),
                    np.array([[float(h[0]) - 1, float(h[1])], [float(h[2]), float(h[3]) - 1]]))

        def ok(vec):
            return bool(np.all(np.isfinite(vec)))

        if x[1] * t <= 0:
            return None
        fx, jx = f_and_j(x)
        if not ok(fx):
            return None
        for _ in range(60):
            if not ok(jx):
                return None
            try:
                step = np.linalg.solve(jx, fx)
            except np.linalg.LinAlgError:
                return None
            size = 1.0
            for _halving in range(30):
                cand = x - size * step
                if cand[1] * t > 0:
                    fc, jc = f_and_j(cand)
                    if ok(fc) and np.max(np.abs(fc)) <= np.max(np.abs(fx)) * (1 - size / 4) \
                            + 1e-15:
                        break
                size /= 2
            else:
                return None
            x, fx, jx = cand, fc, jc
            if np.max(np.abs(size * step)) <= 1e-14 * max(1.0, float(np.max(np.abs(x)))):
                return [float(x[0]), float(x[1])]
        return None

    def guess(self, w: float, t: float) -> list[float]:
        """Iterate ``g`` from ``(0, 1)`` (a contraction near Theorem 1's fixed points)."""
        x = [0.0, 1.0]
        with np.errstate(all="ignore"):
            for _ in range(40):
                m, _, s = self.moments_f(x[0] * w, x[1] * t, self.al_f, self.la_f)
                nxt = [float(m), float(s)]
                if not all(math.isfinite(c) for c in nxt) or nxt[1] <= 0 or nxt[1] > 1e6:
                    return [0.0, 1.0]
                x = nxt
        return x

    def sensitivity(self, omega: tuple[Fraction, Fraction], tau: tuple[Fraction, Fraction],
                    start: Sequence[float] | None) -> tuple[float, float]:
        """Float ``|d mean*/dp| + |d var*/dp|`` for ``p = omega, tau`` at the centre.

        A heuristic for the search order; ``(1, 1)`` when it cannot be computed.
        """
        w = float((omega[0] + omega[1]) / 2)
        t = float((tau[0] + tau[1]) / 2)
        y = self.newton(w, t, start if start is not None else self.guess(w, t))
        if y is None:
            return 1.0, 1.0
        with np.errstate(all="ignore"):
            ma, mv, va, vv = (float(h) for h in self.jac_f(y[0] * w, y[1] * t, self.al_f,
                                                           self.la_f, 1.0, 1.0))
            fx = np.array([[w * ma - 1, t * mv], [w * va, t * vv - 1]])
            fp = np.array([[y[0] * ma, y[1] * mv], [y[0] * va, y[1] * vv]])
            try:
                d = -np.linalg.solve(fx, fp)
            except np.linalg.LinAlgError:
                return 1.0, 1.0
        if not np.all(np.isfinite(d)):
            return 1.0, 1.0
        return float(abs(d[0, 0]) + abs(d[1, 0])), float(abs(d[0, 1]) + abs(d[1, 1]))

    # ---- the Krawczyk test on a parameter box, by epsilon-inflation

    def certify(self, omega: tuple[Fraction, Fraction], tau: tuple[Fraction, Fraction],
                start: Sequence[float] | None) -> tuple[tuple[arb, arb], tuple[arb, arb]] | str:
        """``(X, E)``: ``X`` a box in which every ``p`` in the piece has exactly one fixed
        point, ``E`` an enclosure of all of them; or the reason of the failure.
        """
        wc = float((omega[0] + omega[1]) / 2)
        tc = float((tau[0] + tau[1]) / 2)
        y = None
        for x0 in ([start] if start is not None else []) + [self.guess(wc, tc), [0.0, 1.0]]:
            y = self.newton(wc, tc, x0)
            if y is not None:
                break
        if y is None:
            return "the Newton iteration found no fixed point at the centre of the parameter box"
        w, t = self._params(omega, tau)
        residual, jacobian = self.system(w, t)
        with ctx.workprec(self.prec):
            floor = [arb(0, 2.0 ** -40 * max(1.0, abs(c))) for c in y]
            X = [arb(c) + r for c, r in zip(y, floor, strict=True)]
        last = "the Krawczyk test failed"
        for _ in range(12):
            out = krawczyk(residual, jacobian, X, self.prec)
            if out.status == STATUS_UNIQUE:
                assert out.enclosure is not None
                return (X[0], X[1]), self._tighten(residual, jacobian, list(out.enclosure))
            last = out.reason
            if out.image is None or not all(k.is_finite() for k in out.image):
                break
            with ctx.workprec(self.prec):
                X = [arb(k.mid(), 1.25 * k.rad()) + r
                     for k, r in zip(out.image, floor, strict=True)]
            if any(x.rad() > 100 for x in X):
                break
        return last

    def _tighten(self, residual, jacobian, E: list[arb]) -> tuple[arb, arb]:
        """Iterate ``E <- K(E) ∩ E``: every fixed point in ``E`` stays in it."""
        for _ in range(4):
            if all(e.rad() <= self.radius for e in E):
                break
            out = krawczyk(residual, jacobian, E, self.prec)
            if out.image is None:
                break
            with ctx.workprec(self.prec):
                nxt = [e.intersection(k) if e.overlaps(k) else e
                       for e, k in zip(E, out.image, strict=True)]
            if all(n.rad() >= 0.5 * e.rad() for n, e in zip(nxt, E, strict=True)):
                E = nxt
                break
            E = nxt
        return E[0], E[1]

    def point(self, omega: Fraction, tau: Fraction, start: Sequence[float] | None
              ) -> tuple[arb, arb] | str:
        """Enclosure of the fixed point at the exact parameter point (cached), or why not."""
        key = (omega, tau)
        if key not in self.points:
            got = self.certify((omega, omega), (tau, tau), start)
            self.points[key] = got if isinstance(got, str) else got[1]
        return self.points[key]


# --------------------------------------------------------------------------- the search


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


def compare_with_box(result: FixedPointSet, box: dict[str, tuple[str, str]] | None = None
                     ) -> dict[str, str]:
    """Widths and area of the certified hull relative to ``box`` (default :data:`PAPER_BOX`).

    Returns decimal strings (6 significant digits) of ``mean_width``,
    ``var_width`` (of the outer enclosure), ``mean_ratio``, ``var_ratio`` (hull width /
    box width) and ``area_ratio`` (their product).  The outer enclosure is within
    the tolerance of the true hull, so the ratios are those of the true hull to
    that accuracy.  ``union_area_ratio`` (3 digits) is the area of the union of
    the pieces' enclosures over the box's area, an upper bound of the area of
    the set itself (it shrinks as the pieces get finer, see ``grid``).

    >>> s = fixed_point_set(("-0.1", "0.1"), ("0.95", "1.1"))
    >>> compare_with_box(s)["area_ratio"]
    '0.650989'
    """
    if result.mean is None or result.var is None:
        raise ValueError(f"no enclosure to compare (status {result.status}: {result.reason})")
    box = PAPER_BOX if box is None else box
    out: dict[str, str] = {}
    area = Fraction(1)
    for name, outer in (("mean", result.mean), ("var", result.var)):
        width = Fraction(outer[1]) - Fraction(outer[0])
        ratio = width / (Fraction(box[name][1]) - Fraction(box[name][0]))
        area *= ratio
        out[f"{name}_width"] = fraction_str(width)
        out[f"{name}_ratio"] = f"{float(ratio):.6g}"
    out["area_ratio"] = f"{float(area):.6g}"
    if result.pieces:
        union = _union_area([(p.enclosure["mean"], p.enclosure["var"]) for p in result.pieces])
        box_area = ((Fraction(box["mean"][1]) - Fraction(box["mean"][0]))
                    * (Fraction(box["var"][1]) - Fraction(box["var"][0])))
        out["union_area_ratio"] = f"{float(union / box_area):.3g}"
    return out


def _union_area(rects: Sequence[tuple[tuple[Fraction, Fraction], tuple[Fraction, Fraction]]]
                ) -> Fraction:
    """Exact area of a union of rectangles (coordinate compression)."""
    xs = sorted({x for r in rects for x in r[0]})
    ys = sorted({y for r in rects for y in r[1]})
    xi = {x: i for i, x in enumerate(xs)}
    yi = {y: j for j, y in enumerate(ys)}
    covered = np.zeros((len(xs) - 1, len(ys) - 1), dtype=bool)
    for (x0, x1), (y0, y1) in rects:
        covered[xi[x0]:xi[x1], yi[y0]:yi[y1]] = True
    dx = [xs[i + 1] - xs[i] for i in range(len(xs) - 1)]
    dy = [ys[j + 1] - ys[j] for j in range(len(ys) - 1)]
    return sum((dx[i] * dy[j] for i, j in zip(*np.nonzero(covered), strict=True)), Fraction(0))
