"""The per-piece mathematics of :func:`selu_proof.fixedpoint.over_box.fixed_point_set`.

For a piece of the ``(omega, tau)`` box, in ball arithmetic with interval parameters:
the residual ``g_p(x) - x`` and its Jacobian, the Krawczyk test that certifies one fixed
point per piece, the implicit derivative ``dx*/dp`` that bounds the set's ends on the
piece, and certified fixed points at exact parameter points (the inner ends); float
Newton steps and sensitivities only guide the search.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from fractions import Fraction

import numpy as np
from flint import arb, ctx

from selu_proof import backends
from selu_proof.fixedpoint.krawczyk_operator import krawczyk
from selu_proof.fixedpoint.results import STATUS_UNIQUE
from selu_proof.kernel.constants import ALPHA_01, LAMBDA_01, constant_balls
from selu_proof.kernel.exact import ball, interval_ball


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


