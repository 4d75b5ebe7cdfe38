r"""Certified parameter design and fixed points of the SELU moment map.

Two square systems of two equations are solved here, each first by a float
(mpmath) Newton iteration and then certified with the Krawczyk test in arb
ball arithmetic:

* **design** -- given a target fixed point ``(mu*, nu*)`` and weight
  statistics ``(omega, tau)``, find ``(alpha, lambda)`` with

  .. math:: \tilde\mu(a, v; \alpha, \lambda) = \mu^*, \qquad
            \tilde\nu(a, v; \alpha, \lambda) = \nu^*, \qquad
            a = \mu^*\omega,\ v = \nu^*\tau

  (paper Eq. (4)-(5); ``omega = 0, tau = 1`` gives ``alpha_01, lambda_01``,
  paper Eq. (8)-(9); ``omega = tau = 1`` is the convention of the authors'
  public notebook, where the pre-activation is ``N(mu*, nu*)``);
* **fixed point** -- given ``(omega, tau, alpha, lambda)``, find
  ``(mu, nu)`` with ``g(mu, nu) = (mu, nu)`` (paper Theorem 1).

The Krawczyk operator (Krawczyk 1969; Moore 1977) of ``f`` on a box ``X``
with a point ``y`` in ``X`` and any matrix ``C`` is

.. math:: K(X) = y - C f(y) + (I - C F'(X))(X - y),

where ``F'(X)`` encloses every Jacobian of ``f`` on ``X``.  Every root of
``f`` in ``X`` lies in ``K(X)``; so ``K(X) ∩ X = ∅`` proves that ``X``
holds no root, and ``K(X) ⊂ int X`` proves that ``X`` holds exactly one.
Any other outcome proves nothing and is reported as ``unknown`` (as in
IntervalRootFinding.jl: bisection or a Newton iteration alone never proves
existence).  When parameters of ``f`` are themselves balls (the constants
``alpha_01``, ``lambda_01``, or a decimal target such as ``0.1``), the
enclosures hold for every parameter value in the balls, so the statement holds
for the exact parameters.

Every formula comes from :mod:`selu_proof.symbolic`; the derivatives with
respect to ``(alpha, lambda)`` are taken by sympy and generated ahead of time
(``python -m selu_proof.regenerate``, :mod:`selu_proof.generated.arb_design`).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import Any, Union

import mpmath
from flint import arb, ctx

from selu_proof import backends
from selu_proof.constants import (
    ALPHA_01,
    LAMBDA_01,
    ball_to_fraction_bounds,
    constant_balls,
    round_ball,
)
from selu_proof.generated import lookup
from selu_proof.interval.exact import ball, fraction_str, round_sig

__all__ = ["RootResult", "KrawczykOutcome", "krawczyk", "design_selu", "fixed_point",
           "dropout_terms", "convention_name", "Number"]

#: An exact input: a decimal string, an int, a Fraction, or a float taken at its
#: shortest decimal representation (``0.1`` means 1/10).
Number = Union[str, int, Fraction, float]

_MAX_DIGITS = 1000
_MAX_REFINEMENTS = 8

STATUS_UNIQUE, STATUS_UNKNOWN, STATUS_NONE = "unique", "unknown", "none"


# --------------------------------------------------------------------------- results


@dataclass(frozen=True)
class RootResult:
    """A certified root of a 2-D system, in the style of IntervalRootFinding.jl.

    Attributes
    ----------
    status
        ``"unique"``: the Krawczyk image of the test box lies strictly inside
        it, so ``uniqueness_box`` holds exactly one root, and that root lies in
        ``box``.  ``"none"``: the Krawczyk image misses the tested ``box``,
        which therefore holds no root.  ``"unknown"``: neither was proved;
        ``reason`` says why.  The statement is about the boxes only: other
        roots may exist elsewhere.
    values
        Name -> decimal string.  Only certified digits are printed: the string
        is the correct rounding (half to even) of the exact root to ``digits``
        significant digits, or, when the enclosure contains zero, to ``digits``
        decimal places.  Empty unless ``status == "unique"``.
    box
        Name -> ``[lower, upper]`` decimal strings.  For ``unique`` an
        enclosure of the root (``K(X) ∩ X``), rounded outward; for ``none``
        the box shown to hold no root, rounded inward; for ``unknown`` the
        last box tested (empty if none was).
    reason
        Why the status is ``unknown`` or ``none``; ``""`` for ``unique``.
    convention
        The weight statistics (and parameters) the result refers to.
    uniqueness_box
        Name -> ``[lower, upper]``, rounded inward: the largest Krawczyk box
        ``X`` tried in which the root was proved unique (``unique`` only).
    dropout
        For :func:`design_selu` with ``dropout_rate``: the alpha-dropout terms
        (see :func:`dropout_terms`), else ``None``.
    digits
        The number of digits requested.
    """

    status: str
    values: dict[str, str]
    box: dict[str, list[str]]
    reason: str
    convention: str
    uniqueness_box: dict[str, list[str]] = field(default_factory=dict)
    dropout: dict[str, str] | None = None
    digits: int = 20

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready dictionary: the values, then status, reason, convention, boxes."""
        out: dict[str, Any] = dict(self.values)
        out.update(status=self.status, reason=self.reason, convention=self.convention,
                   digits=self.digits, box=self.box, uniqueness_box=self.uniqueness_box)
        if self.dropout is not None:
            out["dropout"] = self.dropout
        return out

    def float(self, name: str) -> float:
        """The certified value ``name`` as the nearest float (needs status ``unique``)."""
        if name not in self.values:
            raise KeyError(f"no certified value {name!r} (status {self.status})")
        return float(Fraction(self.values[name]))

    @property
    def is_unique(self) -> bool:
        """True when a unique root was certified."""
        return self.status == STATUS_UNIQUE


@dataclass(frozen=True)
class KrawczykOutcome:
    """Result of one Krawczyk test on a box ``X``.

    ``image`` is ``K(X)`` (``None`` if it could not be evaluated) and
    ``enclosure`` is ``K(X) ∩ X`` for ``status == "unique"`` (else ``None``).
    """

    status: str
    image: tuple[arb, ...] | None
    enclosure: tuple[arb, ...] | None
    reason: str


# --------------------------------------------------------------------------- exact inputs


def _exact(x: Number, name: str) -> Fraction:
    """``x`` as an exact Fraction; ``ValueError`` for NaN, infinities and garbage."""
    if isinstance(x, bool):
        raise ValueError(f"{name} must be a number, got {x!r}")
    if isinstance(x, float):
        if not math.isfinite(x):
            raise ValueError(f"{name} must be a finite number, got {x!r}")
        return Fraction(repr(x))
    if isinstance(x, str):
        from selu_proof.interval.exact import parse_decimal

        try:
            return parse_decimal(x.strip())
        except ValueError as exc:
            raise ValueError(f"{name} must be a finite number: {exc}") from None
    try:
        return Fraction(x)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a finite number, got {x!r}") from None


def _check_digits(digits: int) -> int:
    if isinstance(digits, bool) or not isinstance(digits, int) or not \
            1 <= digits <= _MAX_DIGITS:
        raise ValueError(f"digits must be an integer between 1 and {_MAX_DIGITS}, got {digits!r}")
    return digits


def _fmt_exact(q: Fraction) -> str:
    """``q`` as a terminating decimal when it is one, else ``p/q``."""
    try:
        return fraction_str(q)
    except ValueError:
        return f"{q.numerator}/{q.denominator}"


def _mpf(x: arb) -> mpmath.mpf:
    """The (exact, dyadic) midpoint of a ball as an mpmath number."""
    m, e = x.mid().man_exp()
    return mpmath.mpf((int(m), int(e)))


# --------------------------------------------------------------------------- decimal output


def _decimal_bound(q: Fraction, sig: int, up: bool) -> str:
    """``q`` rounded up (``up``) or down to ``sig`` significant digits, as a decimal string."""
    if q == 0:
        return "0"
    n, shift = round_sig(q, sig, up)
    return str(Decimal(f"{n}E{shift}"))


def _bounds_strings(x: arb, sig: int, inward: bool = False) -> list[str]:
    """``[lower, upper]`` of a ball, rounded outward (an enclosure) or inward.

    Inward rounding is for boxes about which a statement holds for every
    subset (uniqueness of a root, absence of roots).
    """
    lo, hi = ball_to_fraction_bounds(x)
    return [_decimal_bound(lo, sig, up=inward), _decimal_bound(hi, sig, up=not inward)]


def _round_certified(x: arb, digits: int) -> str | None:
    """The certified rounding of the number enclosed by ``x`` (see :class:`RootResult`).

    ``digits`` significant digits when the ball excludes zero, ``digits``
    decimal places when it contains zero; ``None`` when the ball's two ends
    round differently.
    """
    if not x.is_finite():
        return None
    if x > 0:
        return round_ball(x, digits)
    if x < 0:
        text = round_ball(x.neg(exact=True), digits)  # plain -x rounds to ctx.prec
        return None if text is None else "-" + text
    lo, hi = ball_to_fraction_bounds(x)
    scale = Fraction(10) ** digits
    n_lo, n_hi = round(lo * scale), round(hi * scale)
    if n_lo != n_hi:
        return None
    return format(Decimal(f"{n_lo}E-{digits}"), "f")


# --------------------------------------------------------------------------- Krawczyk


def _with_prec(prec: int, fn: Callable[[], Any]) -> Any:
    with ctx.workprec(prec):
        return fn()


def krawczyk(residual: Callable[[Sequence[arb]], Sequence[arb]],
             jacobian: Callable[[Sequence[arb]], Sequence[Sequence[arb]]],
             box: Sequence[arb], prec: int = 128) -> KrawczykOutcome:
    r"""Krawczyk test of ``f`` on the box ``X`` (one ball per coordinate).

    .. math:: K(X) = y - C f(y) + (I - C F'(X))(X - y), \quad y = \mathrm{mid}\,X,
              \quad C \approx F'(y)^{-1}

    Parameters
    ----------
    residual
        ``f``: balls in, balls out; must enclose ``f`` at every point of its
        input balls (for every value of any ball parameters it closes over).
    jacobian
        ``F'``: balls in, a nested sequence of balls out, enclosing every
        Jacobian matrix of ``f`` on the input box.
    box
        The box ``X``.
    prec
        Working precision in bits.

    Returns
    -------
    KrawczykOutcome
        ``unique`` if ``K(X)`` lies in the interior of ``X`` in every
        coordinate (arb comparisons are True only when certain); ``none`` if
        ``K(X) ∩ X`` is empty in some coordinate; otherwise ``unknown``.

    Examples
    --------
    ``f(x) = x**2 - 2`` on ``[1.4, 1.5]`` (one unique root ``sqrt(2)``) and on
    ``[1.5, 1.6]`` (no root):

    >>> f = lambda x: [x[0] * x[0] - 2]
    >>> df = lambda x: [[2 * x[0]]]
    >>> krawczyk(f, df, [arb("1.45 +/- 0.05")]).status
    'unique'
    >>> krawczyk(f, df, [arb("1.55 +/- 0.05")]).status
    'none'
    """
    return _with_prec(prec, lambda: _krawczyk(residual, jacobian, list(box), prec))


def _krawczyk(residual, jacobian, X: list[arb], prec: int) -> KrawczykOutcome:
    n = len(X)
    if not all(x.is_finite() for x in X):
        return KrawczykOutcome(STATUS_UNKNOWN, None, None, "the box is not finite")
    y = [x.mid() for x in X]
    fy = list(residual(y))
    jy = [list(row) for row in jacobian(y)]
    jx = [list(row) for row in jacobian(X)]
    finite = all(t.is_finite() for t in fy) and \
        all(t.is_finite() for row in jy + jx for t in row)
    if not finite:
        return KrawczykOutcome(STATUS_UNKNOWN, None, None,
                               "f or its Jacobian has no finite enclosure on the box")
    with mpmath.workprec(prec):
        mid = mpmath.matrix([[_mpf(t) for t in row] for row in jy])
        try:
            inv = mid ** -1
        except ZeroDivisionError:
            return KrawczykOutcome(STATUS_UNKNOWN, None, None,
                                   "the Jacobian at the midpoint is singular")
        C = [[arb(mpmath.mpf(inv[i, j])) for j in range(n)] for i in range(n)]
    dx = [X[j] - y[j] for j in range(n)]
    K = []
    for i in range(n):
        k = y[i] - sum((C[i][j] * fy[j] for j in range(n)), arb(0))
        for j in range(n):
            m = (arb(1) if i == j else arb(0)) - sum((C[i][k_] * jx[k_][j] for k_ in range(n)),
                                                     arb(0))
            k += m * dx[j]
        K.append(k)
    image = tuple(K)
    if all(X[i].contains_interior(K[i]) for i in range(n)):
        return KrawczykOutcome(STATUS_UNIQUE, image,
                               tuple(X[i].intersection(K[i]) for i in range(n)), "")
    if any(not X[i].overlaps(K[i]) for i in range(n)):
        return KrawczykOutcome(STATUS_NONE, image, None,
                               "the Krawczyk image K(X) misses the box, so it holds no root")
    return KrawczykOutcome(STATUS_UNKNOWN, image, None,
                           "the Krawczyk image K(X) is not strictly inside the box "
                           "(box too wide, or the Jacobian nearly singular)")


# --------------------------------------------------------------------------- Newton


def _newton(system: Callable[[list], tuple[list, list]], x0: Sequence[Any], prec: int,
            maxiter: int = 200) -> list[mpmath.mpf] | None:
    """Damped Newton iteration at ``prec`` bits; ``None`` if it does not converge.

    ``system(x)`` returns ``(f(x), F'(x))`` in mpmath numbers (evaluated at the
    current precision).
    """
    with mpmath.workprec(prec + 20):
        x = [mpmath.mpf(t) for t in x0]
        tol = mpmath.mpf(2) ** (-prec)

        def norm(vec):
            return max(abs(t) for t in vec)

        def ok(vec):
            return all(isinstance(t, mpmath.mpf) and mpmath.isfinite(t) for t in vec)

        try:
            fx, jx = system(x)
        except (ValueError, ZeroDivisionError):
            return None
        if not ok(fx):
            return None
        for _ in range(maxiter):
            try:
                step = mpmath.lu_solve(mpmath.matrix(jx), mpmath.matrix(fx))
            except ZeroDivisionError:
                return None
            t = mpmath.mpf(1)
            for _halving in range(40):
                cand = [x[i] - t * step[i] for i in range(len(x))]
                try:
                    fc, jc = system(cand)
                except (ValueError, ZeroDivisionError):
                    fc, jc = None, None
                if fc is not None and ok(fc) and norm(fc) <= norm(fx) * (1 - t / 4) + tol:
                    break
                t /= 2
            else:
                return None
            done = norm([t * s for s in step]) <= tol * max(1, norm(x))
            x, fx, jx = cand, fc, jc
            if done:
                return x
        return None


# --------------------------------------------------------------------------- the systems


def _design_functions(target: str) -> Callable:
    """``(mu~, nu~, d mu~/d alpha, d mu~/d lambda, d nu~/d alpha, d nu~/d lambda)``.

    Functions of ``(a, v, alpha, lambda)`` for ``target`` (``"mpmath"`` or
    ``"arb"``), generated from :func:`selu_proof.symbolic.mean_map` and
    :func:`selu_proof.symbolic.variance_map` by sympy differentiation
    (:func:`selu_proof.regenerate.design_expressions`).
    """
    return lookup(f"{target}_design", "design_system")


@dataclass(frozen=True)
class _Problem:
    """A 2-D root problem: names, an mpmath system and an arb system per precision."""

    names: tuple[str, str]
    mp_system: Callable[[list], tuple[list, list]]
    arb_system: Callable[[int], tuple[Callable, Callable]]


def convention_name(omega: Fraction, tau: Fraction) -> str:
    """Human-readable name of the weight-statistics convention ``(omega, tau)``.

    >>> convention_name(Fraction(0), Fraction(1))
    'normalized weights (omega=0, tau=1)'
    >>> convention_name(Fraction(1), Fraction(1))
    'pre-activation N(mean, var) (omega=tau=1)'
    """
    if omega == 0 and tau == 1:
        return "normalized weights (omega=0, tau=1)"
    if omega == 1 and tau == 1:
        return "pre-activation N(mean, var) (omega=tau=1)"
    return (f"weight statistics omega={_fmt_exact(omega)}, tau={_fmt_exact(tau)} "
            "(pre-activation N(mean*omega, var*tau))")


def _design_problem(mean: Fraction, var: Fraction, omega: Fraction, tau: Fraction) -> _Problem:
    a_q, v_q = mean * omega, var * tau

    def mp_system(x):
        a_, v_ = mpmath.mpf(a_q.numerator) / a_q.denominator, \
            mpmath.mpf(v_q.numerator) / v_q.denominator
        m, s, ma, ml, sa, sl = _design_functions("mpmath")(a_, v_, x[0], x[1])
        mq = mpmath.mpf(mean.numerator) / mean.denominator
        vq = mpmath.mpf(var.numerator) / var.denominator
        return [m - mq, s - vq], [[ma, ml], [sa, sl]]

    def arb_system(prec):
        def build():
            return ball(a_q), ball(v_q), ball(mean), ball(var)

        a_b, v_b, m_b, s_b = _with_prec(prec, build)
        fn = _design_functions("arb")

        def residual(x):
            m, s, *_ = fn(a_b, v_b, x[0], x[1])
            return [m - m_b, s - s_b]

        def jacobian(x):
            _, _, ma, ml, sa, sl = fn(a_b, v_b, x[0], x[1])
            return [[ma, ml], [sa, sl]]

        return residual, jacobian

    return _Problem(("alpha", "lambda"), mp_system, arb_system)


def _design_guess(mean: Fraction, var: Fraction, omega: Fraction, tau: Fraction
                  ) -> tuple[list, str]:
    """Initial ``(alpha, lambda)`` from the structure of the maps.

    ``mu~`` is ``lambda*(A + alpha*B)`` and ``xi~ = nu~ + mu~**2`` is
    ``lambda**2 (C + alpha**2 D)`` with ``A, B, C, D`` depending on ``(a, v)``
    only (read off the generated maps at ``alpha in {0, 1}, lambda = 1``).
    With ``r = mu*^2 / (mu*^2 + nu*)`` the design equations give the
    quadratic ``(A + alpha B)**2 = r (C + alpha**2 D)`` for ``alpha``.
    Returns the guess and a note ("" or why the guess is only a fallback).
    """
    fallback = [mpmath.mpf(ALPHA_01), mpmath.mpf(LAMBDA_01)]
    with mpmath.workprec(80):
        a_ = mpmath.mpf((mean * omega).numerator) / (mean * omega).denominator
        v_ = mpmath.mpf((var * tau).numerator) / (var * tau).denominator
        mom = backends.compiled("moments", "mpmath")
        m0, x0, _ = mom(a_, v_, 0, 1)
        m1, x1, _ = mom(a_, v_, 1, 1)
        A, B, C, D = m0, m1 - m0, x0, x1 - x0
        M = mpmath.mpf(mean.numerator) / mean.denominator
        V = mpmath.mpf(var.numerator) / var.denominator
        r = M * M / (M * M + V)
        qa, qb, qc = B * B - r * D, 2 * A * B, A * A - r * C
        roots = []
        if abs(qa) > mpmath.mpf(2) ** -60:
            disc = qb * qb - 4 * qa * qc
            if disc < 0 and -disc < mpmath.mpf(2) ** -40 * (qb * qb + abs(4 * qa * qc)):
                disc = mpmath.mpf(0)  # a double root (mean = 0) spoiled by rounding
            if disc >= 0:
                roots = [(-qb + s * mpmath.sqrt(disc)) / (2 * qa) for s in (1, -1)]
        elif qb != 0:
            roots = [-qc / qb]
        cands = []
        for al in roots:
            s = A + al * B
            denom = C + al * al * D
            if denom <= 0:
                continue
            la = mpmath.sqrt((V + M * M) / denom)
            if M != 0 and s * M < 0:
                la = -la
            cands.append((la <= 0, al <= 0, [al, la]))
        if not cands:
            return fallback, ("the reduced quadratic for alpha has no real root, so the "
                              "target is probably not reachable by any (alpha, lambda)")
        cands.sort(key=lambda c: (c[0], c[1]))
        return cands[0][2], ""


def _fixed_point_problem(omega: Fraction, tau: Fraction, alpha: Fraction | None,
                         lam: Fraction | None) -> _Problem:
    def params_mp():
        if alpha is not None and lam is not None:
            return (mpmath.mpf(alpha.numerator) / alpha.denominator,
                    mpmath.mpf(lam.numerator) / lam.denominator)
        prec = mpmath.mp.prec
        a01, l01 = (_mpf(b) for b in constant_balls(prec + 10))
        al = a01 if alpha is None else mpmath.mpf(alpha.numerator) / alpha.denominator
        la = l01 if lam is None else mpmath.mpf(lam.numerator) / lam.denominator
        return al, la

    cache: dict[int, tuple] = {}

    def mp_system(x):
        key = mpmath.mp.prec
        if key not in cache:
            cache[key] = params_mp()
        al, la = cache[key]
        w = mpmath.mpf(omega.numerator) / omega.denominator
        t = mpmath.mpf(tau.numerator) / tau.denominator
        if x[1] * t <= 0:
            raise ValueError("variance left the domain")
        m, _, s = backends.moments(x[0] * w, x[1] * t, al, la, backend="mpmath")
        h11, h12, h21, h22 = backends.jacobian(x[0], x[1], w, t, al, la, backend="mpmath")
        return [m - x[0], s - x[1]], [[h11 - 1, h12], [h21, h22 - 1]]

    def arb_system(prec):
        def build():
            a01, l01 = constant_balls(prec)
            al = a01 if alpha is None else ball(alpha)
            la = l01 if lam is None else ball(lam)
            return ball(omega), ball(tau), al, la

        w, t, al, la = _with_prec(prec, build)

        def residual(x):
            m, _, s = backends.moments(x[0] * w, x[1] * t, al, la, backend="arb")
            return [m - x[0], s - x[1]]

        def jacobian(x):
            h11, h12, h21, h22 = backends.jacobian(x[0], x[1], w, t, al, la, backend="arb")
            return [[h11 - 1, h12], [h21, h22 - 1]]

        return residual, jacobian

    return _Problem(("mean", "var"), mp_system, arb_system)


def _fixed_point_guess(problem: _Problem, omega: Fraction, tau: Fraction,
                       alpha: Fraction | None, lam: Fraction | None) -> list:
    """Iterate ``g`` from ``(0, 1)`` a few dozen times (it contracts near the fixed point)."""
    x = [mpmath.mpf(0), mpmath.mpf(1)]
    with mpmath.workprec(64):
        for _ in range(40):
            try:
                f, _ = problem.mp_system(x)
            except (ValueError, ZeroDivisionError):
                return [mpmath.mpf(0), mpmath.mpf(1)]
            nxt = [x[0] + f[0], x[1] + f[1]]
            if not all(mpmath.isfinite(t) for t in nxt) or nxt[1] <= 0 or abs(nxt[1]) > 1e6:
                return [mpmath.mpf(0), mpmath.mpf(1)]
            x = nxt
    return x


# --------------------------------------------------------------------------- the solver


def _box_around(y: Sequence[mpmath.mpf], bits: int) -> list[arb]:
    """``y_i ± 2**-bits * 2**floor(log2(max(1, |y_i|)))`` with exact dyadic ends."""
    out = []
    for t in y:
        scale = max(0, int(mpmath.floor(mpmath.log(max(abs(t), 1), 2))))
        out.append(arb(t, mpmath.ldexp(1, scale - bits)))
    return out


def _approx(y: Sequence[mpmath.mpf], names: Sequence[str]) -> str:
    return ", ".join(f"{n} ~ {mpmath.nstr(t, 8)}" for n, t in zip(names, y, strict=True))


def _solve(problem: _Problem, guess: Sequence[Any], digits: int, convention: str,
           extra: Callable[[tuple[arb, ...], int], dict[str, str] | None] | None = None,
           hint: str = "") -> RootResult:
    names = problem.names
    sig = digits + 5
    prec = int(digits * 3.33) + 48
    y = list(guess)
    last: tuple[KrawczykOutcome, list[arb]] | None = None
    for _refine in range(_MAX_REFINEMENTS):
        y_new = _newton(problem.mp_system, y, prec)
        if y_new is None:
            return RootResult(STATUS_UNKNOWN, {}, {}, "the Newton iteration did not converge "
                              f"from {_approx(y, names)}; no box was tested"
                              + (f" ({hint})" if hint else ""), convention, digits=digits)
        y = y_new
        residual, jacobian = problem.arb_system(prec)
        # Shrinking boxes around the Newton point: the largest box that passes
        # is where uniqueness is claimed; the smallest that passes gives the
        # tight enclosure (it lies inside the larger one, so it holds the same root).
        unique_box: list[arb] | None = None
        outcome = None
        for bits in (8, 16, prec // 4, prec // 2):
            box = _box_around(y, bits)
            trial = krawczyk(residual, jacobian, box, prec)
            last = (trial, box)
            if trial.status == STATUS_UNIQUE:
                unique_box = unique_box or box
                outcome = trial
        if outcome is None or unique_box is None:
            trial, box = last  # type: ignore[misc]
            tested = {n: _bounds_strings(b, sig, inward=trial.status == STATUS_NONE)
                      for n, b in zip(names, box, strict=True)}
            return RootResult(trial.status, {}, tested,
                              f"{trial.reason} (Newton: {_approx(y, names)})", convention,
                              uniqueness_box={}, digits=digits)
        enclosure = outcome.enclosure
        assert enclosure is not None
        values = {n: _round_certified(b, digits) for n, b in zip(names, enclosure, strict=True)}
        more = _with_prec(prec, lambda enc=enclosure: extra(enc, digits)) if extra else None
        if all(v is not None for v in values.values()) and (extra is None or more is not None):
            return RootResult(
                STATUS_UNIQUE, {n: str(v) for n, v in values.items()},
                {n: _bounds_strings(b, sig) for n, b in zip(names, enclosure, strict=True)}, "",
                convention,
                uniqueness_box={n: _bounds_strings(b, sig, inward=True)
                                for n, b in zip(names, unique_box, strict=True)},
                dropout=more, digits=digits)
        prec *= 2
    box = last[1]  # type: ignore[index]
    tested = {n: _bounds_strings(b, sig) for n, b in zip(names, box, strict=True)}
    return RootResult(STATUS_UNKNOWN, {}, tested,
                      f"a unique root was certified but {digits} digits could not be decided "
                      f"at {prec // 2} bits", convention, digits=digits)


def _rate(rate: Number) -> Fraction:
    r = _exact(rate, "dropout rate")
    if not 0 <= r < 1:
        raise ValueError(f"dropout rate must be in [0, 1), got {_fmt_exact(r)}")
    return r


def design_selu(mean: Number, var: Number, omega: Number = 0, tau: Number = 1, *,
                digits: int = 20, dropout_rate: Number | None = None) -> RootResult:
    r"""Certified SELU parameters ``(alpha, lambda)`` for the fixed point ``(mean, var)``.

    Solves (paper Eq. (4)-(5), the fixed-point condition of Section 3)

    .. math:: \tilde\mu(a, v; \alpha, \lambda) = \mu^*, \quad
              \tilde\nu(a, v; \alpha, \lambda) = \nu^*, \quad
              a = \mu^*\omega, \ v = \nu^*\tau

    for ``(alpha, lambda)`` by Newton's method and certifies the root with
    :func:`krawczyk`.  Among the roots (``lambda -> -lambda`` maps one root to
    another when ``mean = 0``) the Newton start is chosen with
    ``lambda > 0`` and ``alpha > 0`` when possible; uniqueness holds in the
    returned ``uniqueness_box``.

    Parameters
    ----------
    mean, var
        The target fixed point ``(mu*, nu*)``, ``var > 0``; exact (strings or
        rationals; floats are read as their shortest decimal).
    omega, tau
        Weight statistics ``omega = sum w_i``, ``tau = sum w_i**2`` (``tau > 0``).
        ``(0, 1)``: the paper's normalized weights; ``(1, 1)``: the authors'
        notebook, pre-activation ``N(mean, var)``.
    digits
        Certified significant digits of the values.
    dropout_rate
        If given (in ``[0, 1)``), also the alpha-dropout terms for this fixed
        point, certified to ``digits`` digits (:func:`dropout_terms`).

    Examples
    --------
    >>> r = design_selu("0", "1", digits=25)
    >>> r.status, r.values["alpha"], r.values["lambda"]
    ('unique', '1.673263242354377284817043', '1.050700987355480493419335')
    """
    m, s = _exact(mean, "mean"), _exact(var, "var")
    w, t = _exact(omega, "omega"), _exact(tau, "tau")
    if s <= 0:
        raise ValueError(f"var must be positive, got {_fmt_exact(s)}")
    if t <= 0:
        raise ValueError(f"tau must be positive, got {_fmt_exact(t)}")
    _check_digits(digits)
    rate = None if dropout_rate is None else _rate(dropout_rate)
    problem = _design_problem(m, s, w, t)
    extra = None
    if rate is not None:
        def extra(enc: tuple[arb, ...], nd: int) -> dict[str, str] | None:
            return _dropout_rounded(rate, m, s, enc[0], enc[1], nd)
    guess, hint = _design_guess(m, s, w, t)
    return _solve(problem, guess, digits, convention_name(w, t), extra, hint)


def fixed_point(omega: Number, tau: Number, alpha: Number | None = None,
                lam: Number | None = None, *, digits: int = 20) -> RootResult:
    r"""Certified fixed point ``(mu*, nu*)`` of the moment map ``g`` (paper Theorem 1).

    Solves ``g(mu, nu) - (mu, nu) = 0``, i.e.

    .. math:: \tilde\mu(\mu\omega, \nu\tau) = \mu, \quad
              \tilde\nu(\mu\omega, \nu\tau) = \nu,

    with Jacobian ``H - I`` (``H`` the Jacobian of the variance map), starting
    Newton after a few dozen iterations of ``g`` from ``(0, 1)``, and
    certifies it with :func:`krawczyk`.  ``alpha``, ``lam`` default to the
    closed forms ``alpha_01``, ``lambda_01`` (paper Eq. (8)-(9)), used as arb
    balls in the test.

    Examples
    --------
    >>> r = fixed_point("0", "1", digits=15)
    >>> r.status, r.values
    ('unique', {'mean': '0.000000000000000', 'var': '1.00000000000000'})
    """
    w, t = _exact(omega, "omega"), _exact(tau, "tau")
    if t <= 0:
        raise ValueError(f"tau must be positive, got {_fmt_exact(t)}")
    al = None if alpha is None else _exact(alpha, "alpha")
    la = None if lam is None else _exact(lam, "lambda")
    _check_digits(digits)
    problem = _fixed_point_problem(w, t, al, la)
    params = "alpha_01, lambda_01" if al is None and la is None else \
        (f"alpha={'alpha_01' if al is None else _fmt_exact(al)}, "
         f"lambda={'lambda_01' if la is None else _fmt_exact(la)}")
    convention = f"weight statistics omega={_fmt_exact(w)}, tau={_fmt_exact(t)}; {params}"
    return _solve(problem, _fixed_point_guess(problem, w, t, al, la), digits, convention)


# --------------------------------------------------------------------------- alpha dropout


def _dropout_balls(rate: Fraction, mean: Any, var: Any, alpha: arb, lam: arb
                   ) -> tuple[arb, arb, arb]:
    """``(a, b, saturation)`` as balls at the working precision.

    ``saturation = -lambda*alpha``, keep probability ``q = 1 - rate``; ``a, b``
    from the generated :func:`selu_proof.backends.dropout_affine`.
    """
    keep = ball(1 - rate)
    m = mean if isinstance(mean, arb) else ball(mean)
    s = var if isinstance(var, arb) else ball(var)
    sat = -(lam * alpha)
    aff_a, aff_b = backends.dropout_affine(keep, sat, m, s, backend="arb")
    return aff_a, aff_b, sat


def _dropout_rounded(rate: Fraction, mean: Any, var: Any, alpha: arb, lam: arb,
                     digits: int) -> dict[str, str] | None:
    aff_a, aff_b, sat = _dropout_balls(rate, mean, var, alpha, lam)
    out = {"a": _round_certified(aff_a, digits), "b": _round_certified(aff_b, digits),
           "saturation": _round_certified(sat, digits)}
    if any(v is None for v in out.values()):
        return None
    return {"rate": _fmt_exact(rate), "keep": _fmt_exact(1 - rate),
            **{k: str(v) for k, v in out.items()}}


def dropout_terms(rate: Number, mean: Number, var: Number, alpha: Number, lam: Number, *,
                  digits: int = 20) -> dict[str, str]:
    r"""Alpha-dropout affine terms for the fixed point ``(mean, var)`` (paper Section 3).

    A dropped unit takes ``alpha' = -lambda*alpha``; with keep probability
    ``q = 1 - rate`` the output ``a*(x*d + alpha'*(1 - d)) + b`` keeps mean
    and variance when

    .. math:: a = \sqrt{\frac{\nu^*}{q((1-q)(\alpha'-\mu^*)^2 + \nu^*)}}, \quad
              b = \mu^* - a(q\mu^* + (1-q)\alpha')

    (:func:`selu_proof.symbolic.dropout_affine`, evaluated by the generated
    arb backend).  Returns ``rate``, ``keep``, ``saturation``, ``a``, ``b`` as
    decimal strings with ``digits`` certified digits.

    >>> d = dropout_terms("0.1", 0, 1, "1.6732632423543772848", "1.0507009873554804934",
    ...                   digits=6)
    >>> d["a"], d["b"]
    ('0.921285', '0.161971')
    """
    r = _rate(rate)
    m, s = _exact(mean, "mean"), _exact(var, "var")
    al, la = _exact(alpha, "alpha"), _exact(lam, "lambda")
    if s <= 0:
        raise ValueError(f"var must be positive, got {_fmt_exact(s)}")
    _check_digits(digits)
    prec = int(digits * 3.33) + 48
    for _ in range(_MAX_REFINEMENTS):
        out = _with_prec(prec, lambda p=prec: _dropout_rounded(r, m, s, ball(al), ball(la),
                                                              digits))
        if out is not None:
            return out
        prec *= 2
    raise ArithmeticError(f"could not decide {digits} digits of the dropout terms")
