"""A scaled activation ``lambda*(f - beta)`` and its certified Gaussian expectations.

:class:`SeluBalls` is SELU with ball parameters (a designed SELU): its pair expectations
from three exact catalogue pieces by polarization.  :class:`AffineInput` composes one with
an affine map of its input, ``F(s*x + b)`` (the DKS / TAT form ``S*(f(alpha*x + b) + o)``),
by a change of variables.

The object the mean field (:mod:`selu_proof.meanfield.activation`), the variance map
near 0 (:mod:`selu_proof.meanfield.variance_map`) and the kernel maps evaluate: the
moments, their ``(a, v)`` gradients, the derivative moments and the pair expectations of
``F = lambda*(f - beta)`` for ``z ~ N(a, v)``, each an outward-rounded enclosure from the
kernel's certified quadrature (:mod:`selu_proof.kernel.quadrature`).  Both answer the
model interface's :meth:`~selu_proof.kernel.model.Model.gaussian_moments`
(:class:`~selu_proof.kernel.model.MomentModel`), through which the mean field reads them
as it reads SELU's closed forms.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from flint import arb, ctx

from selu_proof.kernel.activations import CatalogueActivation, make_activation, parse_activation
from selu_proof.kernel.moments import MOMENTS, Moments
from selu_proof.kernel.quadrature import (
    derivative_moments,
    expectation,
    gaussian_expectation,
    moment_gradients,
    moments,
    pair_expectation,
)

__all__ = ["Scaled", "SeluBalls", "AffineInput"]


@dataclass(frozen=True)
class Scaled:
    """``lambda*(f - beta)`` for a catalogue ``f`` (``lambda = 1``, ``beta = 0``: ``f``)."""

    act: CatalogueActivation
    lam: arb
    beta: arb

    def moments(self, a: arb, v: arb) -> tuple[arb, arb]:
        """``(E F, E F^2)``, ``F = lambda*(f - beta)``."""
        m1, m2 = moments(self.act, a, v)
        b = self.beta
        return self.lam * (m1 - b), self.lam * self.lam * (m2 - 2 * b * m1 + b * b)

    def gradients(self, a: arb, v: arb, with_a: bool = True) -> tuple[tuple[arb, arb],
                                                                       tuple[arb, arb]]:
        """``((dEF/da, dEF/dv), (dEF^2/da, dEF^2/dv))`` (``a``-parts 0 unless ``with_a``)."""
        if with_a:
            (m1a, m1v), (m2a, m2v) = moment_gradients(self.act, a, v)
        else:
            m1a = m2a = arb(0)
            m1v = expectation(self.act, "f", a, v, "d_var")
            m2v = expectation(self.act, "f2", a, v, "d_var")
        lam, b = self.lam, self.beta
        return ((lam * m1a, lam * m1v),
                (lam * lam * (m2a - 2 * b * m1a), lam * lam * (m2v - 2 * b * m1v)))

    def derivative_moments(self, a: arb, v: arb) -> tuple[arb, arb]:
        """``(E F', E F'^2)``."""
        d1, d2 = derivative_moments(self.act, a, v)
        return self.lam * d1, self.lam * self.lam * d2

    def gaussian_moments(self, a: arb, v: arb, which: tuple[str, ...] = MOMENTS,
                         partials: str = "av") -> Moments:
        """:class:`~selu_proof.kernel.model.Moments` of ``F``, those asked for (a partial in
        ``a`` of ``F``, ``F^2`` only when ``partials`` has ``"a"``), from :meth:`moments`,
        :meth:`gradients` and :meth:`derivative_moments`.
        """
        out: dict[str, tuple[arb | None, ...]] = {}
        if "f" in which or "f2" in which:
            m1, m2 = self.moments(a, v)
            out["f"], out["f2"] = (m1, None, None), (m2, None, None)
            if partials:
                with_a = "a" in partials
                (m1a, m1v), (m2a, m2v) = self.gradients(a, v, with_a=with_a)
                out["f"] = (m1, m1a if with_a else None, m1v)
                out["f2"] = (m2, m2a if with_a else None, m2v)
        if "df" in which or "df2" in which:
            d1, d2 = self.derivative_moments(a, v)
            lam = self.lam
            parts = {o: [lam * expectation(self.act, "df", a, v, w),
                         lam * lam * expectation(self.act, "df2", a, v, w)]
                     for o, w in (("a", "d_mean"), ("v", "d_var")) if o in partials}
            out["df"], out["df2"] = ((d, *(parts[o][i] if o in parts else None for o in "av"))
                                     for i, d in enumerate((d1, d2)))
        return Moments(*(out.get(h) if h in which else None for h in MOMENTS))

    def pair(self, a: arb, v: arb, c: arb) -> tuple[arb, arb]:
        """``(E[F(z)F(z')], E[F'(z)F'(z')])`` at correlation ``c`` (``-1 <= c <= 1``)."""
        return self.pair_value(a, v, c), self.pair_slope(a, v, c)

    def pair_value(self, a: arb, v: arb, c: arb) -> arb:
        """``E[F(z)F(z')]`` at correlation ``c`` (``-1 <= c <= 1``)."""
        lam2, b = self.lam * self.lam, self.beta
        if c == 1:
            m1, m2 = moments(self.act, a, v)
            return lam2 * (m2 - 2 * b * m1 + b * b)
        m1 = moments(self.act, a, v)[0] if not b.is_zero() else arb(0)
        p = _reflected(self.act, a, v, "f") if c == -1 else \
            pair_expectation(self.act, "f", a, v, c)
        return lam2 * (p - 2 * b * m1 + b * b)

    def pair_slope(self, a: arb, v: arb, c: arb) -> arb:
        """``E[F'(z)F'(z')]`` at correlation ``c`` (``-1 <= c <= 1``)."""
        lam2 = self.lam * self.lam
        if c == 1:
            return lam2 * derivative_moments(self.act, a, v)[1]
        if c == -1:
            return lam2 * _reflected(self.act, a, v, "df")
        return lam2 * pair_expectation(self.act, "df", a, v, c)


#: the negative part ``q`` of ELU with ``alpha = 1`` (:class:`SeluBalls`), as a formula
SELU_NEGATIVE_PIECE = "expm1(min(x, 0))"


@cache
def _selu_pieces() -> tuple[Scaled, Scaled, Scaled]:
    """``p = max(x, 0)`` (catalogue ``relu``), ``q = expm1(min(x, 0))`` and ``s = p + q``
    (catalogue ``elu`` with ``alpha = 1``), each unscaled.
    """
    one, zero = arb(1), arb(0)
    return tuple(Scaled(f, one, zero) for f in (  # type: ignore[return-value]
        make_activation("relu"), parse_activation(SELU_NEGATIVE_PIECE),
        make_activation("elu", alpha="1")))


@dataclass(frozen=True)
class SeluBalls:
    r"""SELU ``F = lambda*(p + alpha*q)`` whose ``alpha``, ``lambda`` are balls (a designed
    SELU), answering what :class:`~selu_proof.meanfield.correlation.CorrelationMap` asks
    of a :class:`Scaled`: ``moments``, ``derivative_moments``, ``pair_value``,
    ``pair_slope``.

    The pieces are exact (no ball parameter): ``p = max(x, 0)``, ``q = expm1(min(x, 0))``
    and ``s = p + q``, ELU with ``alpha = 1``.  ``p q = 0`` and ``p' q' = 0`` pointwise
    (almost everywhere for the derivatives: one vanishes for ``x > 0``, the other for
    ``x < 0``), so

    .. math:: E F = \lambda (E p + \alpha E q), \qquad
              E F^2 = \lambda^2 (E p^2 + \alpha^2 E q^2),

    and the same with ``F'``, ``p'``, ``q'``; these are SELU's closed forms
    (:meth:`~selu_proof.kernel.model.SeluClosedForm.gaussian_moments` on the balls).  For
    jointly Gaussian ``z, z'`` and pieces ``h, k`` write ``P_hk = E[h(z) k(z')]``.  The
    cross terms of ``E[F(z) F(z')] = lambda^2 (P_pp + alpha (P_pq + P_qp) + alpha^2 P_qq)``
    follow by polarization, ``P_ss = P_pp + P_pq + P_qp + P_qq``:

    .. math:: E[F(z)F(z')] = \lambda^2 \bigl(P_{pp}
              + \alpha\,(P_{ss} - P_{pp} - P_{qq}) + \alpha^2 P_{qq}\bigr),

    where each ``P_hh`` is one certified pair integral of an exact catalogue activation
    (:meth:`Scaled.pair_value`), and the same for ``E[F'(z)F'(z')]`` with
    :meth:`Scaled.pair_slope`.  At ``c = 1`` the pair expectations are ``E F^2`` and
    ``E F'^2``; ``c = -1`` (``z' = -z``, mean ``a = 0`` only) goes through each piece's
    reflected integral, as for :class:`Scaled`.

    >>> from selu_proof.kernel.activations import make_activation
    >>> balls = SeluBalls(arb("1.6"), arb("1.05"))
    >>> exact = Scaled(make_activation("selu", alpha="1.6", **{"lambda": "1.05"}),
    ...                arb(1), arb(0))
    >>> c = arb("0.5")
    >>> balls.pair_value(arb(0), arb(1), c).overlaps(exact.pair_value(arb(0), arb(1), c))
    True
    """

    alpha: arb
    lam: arb

    def gaussian_moments(self, a: arb, v: arb, which: tuple[str, ...] = MOMENTS,
                         partials: str = "av") -> Moments:
        """SELU's closed forms on the balls
        (:meth:`~selu_proof.kernel.model.SeluClosedForm.gaussian_moments`).
        """
        from selu_proof.kernel.model import SeluClosedForm

        return SeluClosedForm.of_balls(self.alpha, self.lam, ctx.prec).gaussian_moments(
            a, v, which, partials)

    def moments(self, a: arb, v: arb) -> tuple[arb, arb]:
        """``(E F, E F^2)``."""
        m = self.gaussian_moments(a, v, ("f", "f2"), "")
        return m.f[0], m.f2[0]

    def derivative_moments(self, a: arb, v: arb) -> tuple[arb, arb]:
        """``(E F', E F'^2)``."""
        m = self.gaussian_moments(a, v, ("df", "df2"), "")
        return m.df[0], m.df2[0]

    def _polarized(self, pp: arb, qq: arb, ss: arb) -> arb:
        al = self.alpha
        return self.lam * self.lam * (pp + al * (ss - pp - qq) + al * al * qq)

    def pair_value(self, a: arb, v: arb, c: arb) -> arb:
        """``E[F(z)F(z')]`` at correlation ``c`` (``-1 <= c <= 1``)."""
        if c == 1:
            return self.moments(a, v)[1]
        return self._polarized(*(h.pair_value(a, v, c) for h in _selu_pieces()))

    def pair_slope(self, a: arb, v: arb, c: arb) -> arb:
        """``E[F'(z)F'(z')]`` at correlation ``c`` (``-1 <= c <= 1``)."""
        if c == 1:
            return self.derivative_moments(a, v)[1]
        return self._polarized(*(h.pair_slope(a, v, c) for h in _selu_pieces()))


@dataclass(frozen=True)
class AffineInput:
    r"""``G(x) = F(s*x + b)`` for a :class:`Scaled` ``F``: its expectations by a change of
    variables.

    .. math:: z \sim N(a, v) \ \Rightarrow\ u = s z + b \sim N(s a + b,\ s^2 v), \qquad
              E\,h(G(z)) = E\,h(F(u)), \quad G'(z) = s\,F'(u),

    so ``d/da = s d/da'`` and ``d/dv = s^2 d/dv'`` at ``(a', v') = (s a + b, s^2 v)``.  It
    answers the moment interface of :class:`Scaled` (``moments``, ``gradients``,
    ``derivative_moments``); the DKS / TAT activation ``S*(f(alpha*x + b) + o)`` is
    ``AffineInput(Scaled(f, S, -o), alpha, b)``.

    >>> from selu_proof.kernel.activations import parse_activation
    >>> g = AffineInput(Scaled(parse_activation("relu"), arb(1), arb(0)), arb(2), arb(0))
    >>> m1, m2 = g.moments(arb(0), arb(1))  # relu(2z): E = 2/sqrt(2 pi), E^2 = 2
    >>> m1.overlaps(2 / (2 * arb.pi()).sqrt()), m2.overlaps(arb(2)), m2.rad() < 1e-12
    (True, True, True)
    """

    outer: Scaled
    scale: arb
    shift: arb

    def _inner(self, a: arb, v: arb) -> tuple[arb, arb]:
        """The moments ``(s a + b, s^2 v)`` of ``u = s z + b``."""
        return self.scale * a + self.shift, self.scale * self.scale * v

    def moments(self, a: arb, v: arb) -> tuple[arb, arb]:
        """``(E G, E G^2)``."""
        return self.outer.moments(*self._inner(a, v))

    def gradients(self, a: arb, v: arb, with_a: bool = True) -> tuple[tuple[arb, arb],
                                                                       tuple[arb, arb]]:
        """``((dEG/da, dEG/dv), (dEG^2/da, dEG^2/dv))`` (``a``-parts 0 unless ``with_a``)."""
        (m1a, m1v), (m2a, m2v) = self.outer.gradients(*self._inner(a, v), with_a=with_a)
        s, s2 = self.scale, self.scale * self.scale
        return (s * m1a, s2 * m1v), (s * m2a, s2 * m2v)

    def gaussian_moments(self, a: arb, v: arb, which: tuple[str, ...] = MOMENTS,
                         partials: str = "av") -> Moments:
        """:class:`~selu_proof.kernel.model.Moments` of ``G`` from those of ``F`` at
        ``(s a + b, s^2 v)``: ``G'`` carries a factor ``s``, ``d/da`` a factor ``s``,
        ``d/dv`` a factor ``s^2``.
        """
        inner = self.outer.gaussian_moments(*self._inner(a, v), which, partials)
        s, s2 = self.scale, self.scale * self.scale
        factor = {"f": None, "f2": None, "df": s, "df2": s2}

        def scaled(h: str, t: tuple[arb | None, ...] | None) -> tuple[arb | None, ...] | None:
            if t is None:
                return None
            k = factor[h]
            x, xa, xv = t if k is None else (None if y is None else k * y for y in t)
            return (x, None if xa is None else s * xa, None if xv is None else s2 * xv)

        return Moments(*(scaled(h, getattr(inner, h)) for h in MOMENTS))

    def derivative_moments(self, a: arb, v: arb) -> tuple[arb, arb]:
        """``(E G', E G'^2)``."""
        d1, d2 = self.outer.derivative_moments(*self._inner(a, v))
        return self.scale * d1, self.scale * self.scale * d2


def _reflected(act: CatalogueActivation, a: arb, v: arb, h: str) -> arb:
    """``E[h(z) h(-z)]`` for ``z ~ N(0, v)`` (``c = -1``, ``a = 0``): kinks symmetric about 0."""
    if not a.is_zero():
        raise ValueError("--correlation -1 is supported at a = mu*omega = 0 only (omega = 0)")
    kinks = act.kinks
    if sorted(kinks) != sorted(-k for k in kinks):
        raise ValueError("--correlation -1 needs kinks symmetric about 0")
    pieces = act.pieces
    out = []
    for p in pieces:
        mirror = next(q for q in pieces if (q.lo is None and p.hi is None or q.lo == -p.hi)
                      if (q.hi is None and p.lo is None) or q.hi == (None if p.lo is None
                                                                     else -p.lo))
        f1 = p.value if h == "f" else p.derivative
        f2 = mirror.value if h == "f" else mirror.derivative
        out.append((p.lo, p.hi, lambda x, an, f1=f1, f2=f2: f1(x, an) * f2(-x, an)))
    g = act.growth if h == "f" else act.derivative_growth
    return gaussian_expectation(out, g.times(g), a, v)
