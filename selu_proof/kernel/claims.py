"""What each claim kind means, as inequalities ``F(mu, omega, nu, tau) < c`` on the domain.

Trusted.  Every claim of a specification becomes one or more *goals*
``F < c`` with ``F`` named by a key (``"S(H)"``, ``"var-nu"``...); its expression in
``(mu, omega, nu, tau, alpha, lambda)`` (with ``a = mu*omega``, ``v = nu*tau``) is
:func:`selu_proof.derive.expressions.goal_expression`:

``spectral_norm_below``  (paper Theorem 1, Lemma 12)
    ``S(H) < bound`` with ``H`` the Jacobian of ``(mu, nu) -> (mu~, nu~)``, or
    ``S(J) < bound`` (``jacobian = "second_moment"``) for ``(mu, nu) -> (mu~, xi~)``.
``maps_into``  (paper Theorem 1)
    ``mu_lo < mu~``, ``mu~ < mu_hi``, ``nu_lo < nu~``, ``nu~ < nu_hi`` where
    ``[mu_lo, mu_hi] x [nu_lo, nu_hi]`` is the domain's ``(mu, nu)`` box, or the
    claim's own ``mean`` and ``var`` intervals when given.
``variance_decreases``  (paper Theorem 2)
    ``nu~ - nu < 0``.
``variance_increases``  (paper Theorem 3)
    ``nu - nu~ < 0``.
``chi1_below`` / ``chi1_above``  (mean field, Poole et al. 2016)
    ``chi1 < bound`` / ``-chi1 < -bound`` with ``chi1 = tau E[selu'(z)**2]``
    (:func:`selu_proof.derive.symbolic.chi1`), the per-layer growth factor of the
    mean squared backpropagated gradient.

``extremum``  (beyond the paper)
    no goal of the form ``F < c``: a bracket ``[lower, upper]`` of ``max F``
    (``sense = "max"``) or ``min F`` over the domain; :func:`extremum_key`
    names the expression whose maximum is bracketed (``-F`` for a minimum).

A lower bound ``G > c`` is stated as ``-G < -c``.  A goal is evaluated by the
specification's model (:mod:`selu_proof.kernel.model`): for SELU, arb code generated ahead
of time from these expressions (:mod:`selu_proof.generated.arb_goals`, written by
``python -m selu_proof.derive.regenerate``), so that the kernel imports no sympy and no
build code; for a catalogue activation, the same meanings by quadrature
(:mod:`selu_proof.kernel.activation_claims`).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from selu_proof.kernel.exact import parse_decimal
from selu_proof.kernel.specs import Spec

__all__ = ["Goal", "goals_of_claim", "extremum_key", "extremum_name",
           "certified_statement", "violation_statement"]


@dataclass(frozen=True)
class Goal:
    """One inequality ``F < bound`` to hold on the whole domain."""

    label: str
    key: str  # names the expression F (selu_proof.derive.expressions.goal_expression)
    bound: Fraction


def goals_of_claim(spec: Spec, claim: dict[str, Any]) -> list[Goal]:
    """The goals ``F < c`` whose conjunction is the claim (see the module docstring)."""
    kind = claim["kind"]
    (mu_lo, mu_hi), _, (nu_lo, nu_hi), _ = spec.domain
    if kind == "spectral_norm_below":
        jac = "J" if claim.get("jacobian", "variance") == "second_moment" else "H"
        b = parse_decimal(claim["bound"])
        return [Goal(f"S({jac}) < {claim['bound']}", f"S({jac})", b)]
    if kind == "maps_into":
        if "mean" in claim:
            mu_lo, mu_hi = (parse_decimal(x) for x in claim["mean"])
        if "var" in claim:
            nu_lo, nu_hi = (parse_decimal(x) for x in claim["var"])
        return [Goal("mu~ < mu_hi", "mean", mu_hi), Goal("mu~ > mu_lo", "-mean", -mu_lo),
                Goal("nu~ < nu_hi", "var", nu_hi), Goal("nu~ > nu_lo", "-var", -nu_lo)]
    if kind == "variance_decreases":
        return [Goal("nu~ < nu", "var-nu", Fraction(0))]
    if kind == "variance_increases":
        return [Goal("nu~ > nu", "nu-var", Fraction(0))]
    if kind == "chi1_below":
        return [Goal(f"chi1 < {claim['bound']}", "chi1", parse_decimal(claim["bound"]))]
    if kind == "chi1_above":
        return [Goal(f"chi1 > {claim['bound']}", "-chi1", -parse_decimal(claim["bound"]))]
    if kind == "extremum":
        return []  # a bracket, not an inequality with a stated bound (extremum_key)
    raise ValueError(f"unknown claim kind {kind!r}")


#: extremum quantity -> (goal key of its maximum, goal key of minus it)
_EXTREMUM_KEYS = {"norm-H": ("S(H)", "-S(H)"), "norm-J": ("S(J)", "-S(J)"),
                  "mean": ("mean", "-mean"), "var": ("var", "-var"),
                  "var-change": ("var-nu", "nu-var"), "chi1": ("chi1", "-chi1")}


def extremum_key(quantity: str, sense: str) -> str:
    """Goal key ``G`` with ``max G`` the extremum: ``F`` for ``"max"``, ``-F`` for ``"min"``.

    >>> extremum_key("norm-H", "max"), extremum_key("var-change", "min")
    ('S(H)', 'nu-var')
    """
    if sense not in ("max", "min"):
        raise ValueError(f"sense must be 'max' or 'min', got {sense!r}")
    return _EXTREMUM_KEYS[quantity][0 if sense == "max" else 1]


def extremum_name(quantity: str) -> str:
    """The paper's symbol of an extremum quantity, e.g. ``nu~ - nu`` for ``var-change``."""
    return _STATEMENTS[_EXTREMUM_KEYS[quantity][0]][0]


_STATEMENTS = {
    "S(H)": ("S(H)", 1), "S(J)": ("S(J)", 1), "-S(H)": ("S(H)", -1), "-S(J)": ("S(J)", -1),
    "mean": ("mu~", 1), "-mean": ("mu~", -1),
    "var": ("nu~", 1), "-var": ("nu~", -1), "var-nu": ("nu~ - nu", 1), "nu-var": ("nu~ - nu", -1),
    "chi1": ("chi1", 1), "-chi1": ("chi1", -1),
}


def certified_statement(key: str, certified_max: Fraction, digits: int = 6) -> str:
    """Human form of ``max F <= M`` for the goal expression ``key``.

    E.g. ``-var`` with ``M = -0.8004`` reads ``nu~ >= 0.8004``.  The number is
    rounded outward, so the statement stays true.

    >>> certified_statement("-var", Fraction("-0.80039950813"))
    'nu~ >= 0.800399'
    """
    from selu_proof.kernel.exact import decimal_down, decimal_up

    name, sign = _STATEMENTS[key]
    if sign > 0:
        return f"{name} <= {decimal_up(certified_max, digits)}"
    return f"{name} >= {decimal_down(-certified_max, digits)}"


def violation_statement(key: str, value: Any, bound: Fraction) -> str:
    """Human form of a refutation: the quantity's enclosure at the witness and the claim.

    ``value`` encloses ``F`` at the witness, with ``F >= bound`` certain.
    """
    from selu_proof.kernel.exact import fraction_str

    name, sign = _STATEMENTS[key]
    q = value if sign > 0 else value.neg(exact=True)
    rel = "<" if sign > 0 else ">"
    return f"{name} = {q.str(20)}, not {rel} {fraction_str(sign * bound)}"
