"""Domains shaped for the activation: ``(mu, nu)`` widths from the Jacobian at the fixed point.

Untrusted choice of the prover (``selu-proof design --prove --shape activation``):
the certificate proves whatever domain results, so the proportions may come from
floating-point values; they are the midpoints of certified enclosures of the
Jacobian.  What *is* claimed from certified enclosures is the diagnosis below
(``|H|`` has spectral radius ``>= 1``, or ``S(H)`` is not below 1 at the fixed point).

The derivation.  Let ``p = (M, V)`` be the fixed point of ``g`` at the weight
statistics ``q = (W, T)``, and let the domain at scale ``s`` be::

    mu    in [M - s l_mu, M + s h_mu]          nu  in [V - s l_nu, V + s h_nu]
    omega in [W - s e-_omega, W + s e+_omega]  tau in [T - s e-_tau, T + s e+_tau]

(the weight ranges keep Theorem 1's proportions: ``e_omega = 1/10`` both sides,
``e_tau = T/20`` below and ``T/10`` above).  To first order,
``g(p + d; q + e) = p + H d + G e`` with ``H = d(mu~, nu~)/d(mu, nu)`` and
``G = d(mu~, nu~)/d(omega, tau)`` at ``(p, q)``.  Over ``d in [-l, h]`` and
``e in [-e^-, e^+]`` (per unit of scale) the largest value of ``(H d + G e)_i`` is
``(H+ h + H- l + G+ e^+ + G- e^-)_i`` and the smallest is
``-(H+ l + H- h + G+ e^- + G- e^+)_i``, where ``X+ = max(X, 0)`` and
``X- = max(-X, 0)`` entrywise.  So the box is mapped into itself to first order, with
room ``m = (m_h, m_l) >= 0`` left on each side, exactly when::

    (I - A) w = b + m,   w = (h, l),   A = [[H+, H-], [H-, H+]],
                         b = (G+ e+ + G- e-,  G+ e- + G- e+)

``A`` is non-negative; its eigenvalues are those of ``H+ + H- = |H|`` and of
``H+ - H- = H``, so its spectral radius is ``rho(|H|)``, with the Perron vector
``(u, u)`` for the Perron vector ``u`` of ``|H|``.

* If ``rho(|H|) < 1``, ``(I - A)^-1 = sum_k A^k >= 0``: ``w* = (I - A)^-1 b`` is the
  smallest box invariant to first order (no room left, the enlargement the ``omega``
  and ``tau`` ranges force), and the room ``m`` adds ``(I - A)^-1 m``; for
  ``m = t (u, u)`` that is ``t (u, u)/(1 - rho(|H|))``: the box grows along the Perron
  vector of ``|H|``.  Both ends of each interval get room, so both variance bounds
  (``nu~ > nu_lo``, ``nu~ < nu_hi``) have it; the ``nu`` interval is placed
  asymmetrically about ``V`` as ``b`` is (``tau`` reaches further up than down).
  The widths chosen here: ``w = w* + t (I - A)^-1 m`` with ``m`` the Perron vector raised
  to at least :data:`PERRON_FLOOR` of its largest entry (a reducible ``|H|``, e.g. an odd
  activation whose mean does not move with ``nu``, has a Perron vector with a zero entry,
  which would give ``mu`` no width) and ``t`` such that the room's share of the widths is
  as large as the enlargement's (their largest entries agree), each width rounded to
  :data:`DIGITS` significant digits.  The second-order terms are ``O(s^2)`` and the room
  ``O(s)``: such a box is invariant at small enough scales, where the prover finds it.
* If ``rho(|H|) >= 1`` (Collatz--Wielandt: every ``w > 0`` has
  ``max_i (A w)_i / w_i >= rho(|H|)``), no axis-aligned box around ``p`` leaves first-order
  room on all its sides: at small scales none is mapped into itself (for
  ``rho(|H|) > 1``; at ``= 1`` only second-order terms could decide), whatever its
  proportions, even where ``H`` attracts (``rho(H) < 1``).  No domain is tried then.
* Checked before both: if ``S(H)`` at the fixed point is not certified below 1 (e.g.
  ``H`` does not attract: ``S(H) >= rho(H)``), the contraction claim fails at the fixed
  point, which every domain holds; Theorem 1's proportions are used, so that the search
  reports a certified refutation.  So ``no box`` is said only where ``S(H) < 1`` (then
  ``H`` attracts) and ``rho(|H|) >= 1``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import numpy as np
from flint import arb, ctx

__all__ = ["Widths", "ShapeResult", "theorem1_widths", "perron", "box_widths",
           "jacobians", "activation_shape", "PERRON_FLOOR", "DIGITS"]

#: each entry of the room's direction is at least this share of its largest entry
PERRON_FLOOR = 0.25
#: significant digits of a chosen width (rounded to nearest)
DIGITS = 3


@dataclass(frozen=True)
class Widths:
    """Half-widths of the ``(mu, nu)`` box per unit of scale, ``(below, above)`` the centre."""

    mu: tuple[Fraction, Fraction]
    nu: tuple[Fraction, Fraction]


def theorem1_widths(var: Fraction) -> Widths:
    """Theorem 1's proportions: ``mu`` within ``s/10``, ``nu`` in ``[V(1 - s/5), V(1 + s/2)]``."""
    return Widths((Fraction(1, 10), Fraction(1, 10)), (var / 5, var / 2))


@dataclass
class ShapeResult:
    """Outcome of :func:`activation_shape`.

    ``status``: ``"shaped"`` (``widths`` from the Jacobian), ``"not contracting"``
    (``widths`` are Theorem 1's: ``S(H) < 1`` fails at the fixed point itself) or
    ``"no box"`` (``rho(|H|) >= 1`` while ``S(H) < 1``; ``widths`` is ``None``).
    ``info``: the certified Jacobian's entries and spectral radii as outward-rounded
    intervals, the float Perron vector used (normalized to largest entry 1).
    """

    status: str
    widths: Widths | None
    reason: str = ""
    info: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready summary (the widths as exact decimal strings)."""
        from selu_proof.kernel.exact import fraction_str

        kind = "theorem1" if self.status == "not contracting" else "activation"
        d: dict[str, Any] = {"kind": kind, "status": self.status, **self.info}
        if self.widths is not None:
            d["widths_per_scale"] = {
                "mu": [fraction_str(x) for x in self.widths.mu],
                "nu": [fraction_str(x) for x in self.widths.nu]}
        if self.reason:
            d["reason"] = self.reason
        return d


def perron(m: np.ndarray) -> tuple[float, np.ndarray]:
    """Spectral radius and Perron vector (largest entry 1) of a non-negative 2x2 matrix.

    ``rho = (p + s)/2 + sqrt(((p - s)/2)^2 + q r)`` for ``[[p, q], [r, s]]``; the vector
    is ``(q, rho - p)`` when ``q > 0``, else ``(rho - s, r)`` when ``r > 0``, else a unit
    vector (both when ``p = s``).

    >>> perron(np.array([[0.0, 0.25], [0.0, 0.5]]))
    (0.5, array([0.5, 1. ]))
    """
    (p, q), (r, s) = m
    rho = float((p + s) / 2 + np.sqrt(((p - s) / 2) ** 2 + q * r))
    if q > 0:
        u = np.array([q, rho - p])
    elif r > 0:
        u = np.array([rho - s, r])
    else:
        u = np.array([float(p >= s), float(s >= p)])
    return rho, u / u.max()


def box_widths(h: np.ndarray, g: np.ndarray, below: np.ndarray, above: np.ndarray) -> Widths:
    """The widths of the module docstring from float ``H``, ``G`` and the weight ranges.

    ``below``, ``above``: ``(e_omega, e_tau)`` per unit of scale below and above
    ``(W, T)``.  Requires ``rho(|H|) < 1``.

    >>> w = box_widths(np.array([[0, .25], [0, .5]]), np.array([[0, .25], [0, .5]]),
    ...                np.array([.1, .05]), np.array([.1, .1]))
    >>> [float(x) for x in w.mu], [float(x) for x in w.nu]
    ([0.075, 0.1], [0.15, 0.2])
    """
    hp, hn = np.maximum(h, 0), np.maximum(-h, 0)
    gp, gn = np.maximum(g, 0), np.maximum(-g, 0)
    a = np.block([[hp, hn], [hn, hp]])
    b = np.concatenate([gp @ above + gn @ below, gp @ below + gn @ above])
    _, u = perron(np.abs(h))
    u = np.maximum(u, PERRON_FLOOR)
    lift = np.eye(4) - a
    enlarged = np.linalg.solve(lift, b)
    room = np.linalg.solve(lift, np.concatenate([u, u]))
    t = (enlarged.max() if enlarged.max() > 0 else 0.1) / room.max()
    w = [Fraction(f"{x:.{DIGITS}g}") for x in enlarged + t * room]
    return Widths((w[2], w[0]), (w[3], w[1]))


def jacobians(model: str, point: tuple[Fraction, Fraction, Fraction, Fraction],
              prec: int) -> tuple[list[list[arb]], list[list[arb]]]:
    """Certified ``H = d(mu~, nu~)/d(mu, nu)`` and ``G = d(mu~, nu~)/d(omega, tau)`` at
    ``point = (mu, omega, nu, tau)`` for the model of key ``model`` (the goal gradients the
    prover's evaluation forms use, whatever the model's kind).
    """
    from selu_proof.kernel.forms import gradient
    from selu_proof.kernel.model import model_of

    box = tuple((x, x) for x in point)
    with ctx.workprec(prec):
        m = model_of(model, prec)
        _, dm = gradient("mean", box, m)
        _, dv = gradient("var", box, m)
    return [[dm[0], dm[2]], [dv[0], dv[2]]], [[dm[1], dm[3]], [dv[1], dv[3]]]


def _iv(x: arb) -> list[str]:
    from selu_proof.meanfield.core import interval as _interval

    return _interval(x, 6)


def abs_radius(h: list[list[arb]]) -> arb:
    """Enclosure of the spectral radius of ``|H|`` (entrywise), by :func:`perron`'s formula."""
    (p, q), (r, s) = (abs(x) for x in h[0]), (abs(x) for x in h[1])
    half = (p - s) / 2
    return (p + s) / 2 + (half * half + q * r).sqrt()


def activation_shape(h: list[list[arb]], g: list[list[arb]], below: tuple[Fraction, Fraction],
                     above: tuple[Fraction, Fraction], var: Fraction) -> ShapeResult:
    """The domain's proportions from the certified ``H`` and ``G`` (module docstring).

    ``below``, ``above``: the weight ranges per unit of scale; ``var`` the fixed point's
    variance (for Theorem 1's proportions when ``S(H) < 1`` fails at the fixed point).
    """
    from selu_proof.meanfield.activation import spectral

    (norm, rho), rho_abs = spectral(h), abs_radius(h)
    info = {"jacobian_H": [[_iv(x) for x in row] for row in h], "spectral_norm_H": _iv(norm),
            "spectral_radius_H": _iv(rho), "spectral_radius_abs_H": _iv(rho_abs)}
    if not norm < 1:
        return ShapeResult(
            "not contracting", theorem1_widths(var),
            f"S(H) at the fixed point is in [{', '.join(info['spectral_norm_H'])}], not "
            "certified below 1, so the contraction claim fails there on any domain: Theorem "
            "1's proportions are searched", info)
    if not rho_abs < 1:
        return ShapeResult(
            "no box", None,
            f"the spectral radius of |H| at the fixed point is in "
            f"[{', '.join(info['spectral_radius_abs_H'])}], not below 1, although H attracts "
            f"(spectral radius in [{', '.join(info['spectral_radius_H'])}]): no axis-aligned "
            "(mu, nu) box around the fixed point has first-order room on all its sides, so "
            "none is mapped into itself at small scales, whatever its proportions", info)
    hf = np.array([[float(x.mid()) for x in row] for row in h])
    gf = np.array([[float(x.mid()) for x in row] for row in g])
    info["perron_vector_abs_H"] = [round(float(x), 6) for x in perron(np.abs(hf))[1]]
    widths = box_widths(hf, gf, np.array([float(x) for x in below]),
                        np.array([float(x) for x in above]))
    return ShapeResult("shaped", widths, info=info)
