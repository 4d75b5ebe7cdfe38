"""A scaled activation ``lambda*(f - beta)`` and its certified Gaussian expectations.

The object the mean field (:mod:`selu_proof.activation_mean_field`), the variance map
near 0 (:mod:`selu_proof.fixedpoint.variance_map`) and the kernel maps evaluate: the
moments, their ``(a, v)`` gradients, the derivative moments and the pair expectations of
``F = lambda*(f - beta)`` for ``z ~ N(a, v)``, each an outward-rounded enclosure from the
kernel's certified quadrature (:mod:`selu_proof.kernel.quadrature`).
"""

from __future__ import annotations

from dataclasses import dataclass

from flint import arb

from selu_proof.kernel.activations import CatalogueActivation
from selu_proof.kernel.quadrature import (
    derivative_moments,
    expectation,
    gaussian_expectation,
    moment_gradients,
    moments,
    pair_expectation,
)

__all__ = ["Scaled"]


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

    def pair(self, a: arb, v: arb, c: arb) -> tuple[arb, arb]:
        """``(E[F(z)F(z')], E[F'(z)F'(z')])`` at correlation ``c`` (``-1 <= c <= 1``)."""
        lam2, b = self.lam * self.lam, self.beta
        if c == 1:
            m1, m2 = moments(self.act, a, v)
            return lam2 * (m2 - 2 * b * m1 + b * b), lam2 * derivative_moments(self.act, a, v)[1]
        m1 = moments(self.act, a, v)[0] if not b.is_zero() else arb(0)
        if c == -1:
            p, d = _reflected(self.act, a, v, "f"), _reflected(self.act, a, v, "df")
        else:
            p, d = pair_expectation(self.act, "f", a, v, c), pair_expectation(self.act, "df",
                                                                                a, v, c)
        return lam2 * (p - 2 * b * m1 + b * b), lam2 * d


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
