"""Theorem specifications as data (``proofs/*.toml``).

Trusted.  A specification names the SELU parameters, a closed box domain in
``(mu, omega, nu, tau)`` and a list of claims::

    name = "theorem1"
    [parameters]                 # "alpha01" / "lambda01" or exact decimal strings
    alpha = "alpha01"
    lambda = "lambda01"
    [domain]                     # closed intervals, exact decimal strings
    mu = ["-0.1", "0.1"]
    omega = ["-0.1", "0.1"]
    nu = ["0.8", "1.5"]
    tau = ["0.95", "1.1"]
    [[claim]]
    kind = "spectral_norm_below"
    bound = "1"

Claim kinds (see :mod:`selu_proof.interval.claims` for their meaning):
``spectral_norm_below`` (``bound``, optional ``jacobian = "second_moment"``),
``maps_into`` (optional target intervals ``mean = [lo, hi]``, ``var = [lo, hi]``;
by default the domain's own ``mu`` and ``nu`` intervals), ``variance_decreases``,
``variance_increases``, and ``extremum`` (``quantity`` one of
:data:`EXTREMUM_QUANTITIES`, ``sense = "max"`` or ``"min"``, optional
``tolerance``, a positive decimal, default ``"1e-6"``): a certified bracket
``[lower, upper]`` of the extremum of the quantity over the domain.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Any

from selu_proof.interval.exact import parse_decimal

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

__all__ = ["VARIABLES", "CLAIM_KINDS", "EXTREMUM_QUANTITIES", "DEFAULT_TOLERANCE", "Spec",
           "SpecError", "parse_spec", "load_spec", "shipped_specs", "PROOFS_DIR"]

#: the domain variables, in the order used for boxes
VARIABLES: tuple[str, ...] = ("mu", "omega", "nu", "tau")
CLAIM_KINDS: tuple[str, ...] = ("spectral_norm_below", "maps_into", "variance_decreases",
                                "variance_increases", "extremum")
#: quantities an ``extremum`` claim bounds: S(H), S(J), mu~, nu~, nu~ - nu
EXTREMUM_QUANTITIES: tuple[str, ...] = ("norm-H", "norm-J", "mean", "var", "var-change")
#: width of an extremum's bracket when the claim states none
DEFAULT_TOLERANCE = "1e-6"
NAMED_CONSTANTS = {"alpha": "alpha01", "lambda": "lambda01"}
#: where the shipped specifications and certificates live
PROOFS_DIR = Path(__file__).resolve().parent.parent / "proofs"


class SpecError(ValueError):
    """A specification that is malformed or states an impossible domain."""


@dataclass(frozen=True)
class Spec:
    """A parsed specification.  ``raw`` is the TOML structure, kept verbatim."""

    name: str
    alpha: str
    lam: str
    domain: tuple[tuple[Fraction, Fraction], ...]
    claims: tuple[dict[str, Any], ...]
    raw: dict[str, Any]


def _interval(name: str, value: Any) -> tuple[Fraction, Fraction]:
    where = name if name.startswith("claim") else f"domain.{name}"
    if not (isinstance(value, list) and len(value) == 2):
        raise SpecError(f"{where} must be a list of two decimal strings")
    try:
        lo, hi = (parse_decimal(x) for x in value)
    except ValueError as exc:
        raise SpecError(f"{where}: {exc}") from None
    if lo > hi:
        raise SpecError(f"{where} is inverted: [{value[0]}, {value[1]}]")
    return lo, hi


def _parameter(key: str, value: Any) -> str:
    if value == NAMED_CONSTANTS[key]:
        return value
    try:
        q = parse_decimal(value)
    except ValueError as exc:
        raise SpecError(f"parameters.{key}: {exc}") from None
    if q <= 0:
        raise SpecError(f"parameters.{key} must be positive")
    return value


def parse_spec(raw: dict[str, Any]) -> Spec:
    """Validate a specification structure (as read from TOML or a certificate)."""
    if not isinstance(raw, dict):
        raise SpecError("a specification is a table")
    unknown = set(raw) - {"name", "description", "parameters", "domain", "claim"}
    if unknown:
        raise SpecError(f"unknown keys: {', '.join(sorted(unknown))}")
    name = raw.get("name")
    if not isinstance(name, str) or not name:
        raise SpecError("'name' must be a non-empty string")
    params = raw.get("parameters", {})
    if not isinstance(params, dict) or set(params) - {"alpha", "lambda"}:
        raise SpecError("[parameters] takes 'alpha' and 'lambda' only")
    alpha = _parameter("alpha", params.get("alpha", "alpha01"))
    lam = _parameter("lambda", params.get("lambda", "lambda01"))
    dom = raw.get("domain")
    if not isinstance(dom, dict) or set(dom) != set(VARIABLES):
        raise SpecError(f"[domain] must give exactly {', '.join(VARIABLES)}")
    domain = tuple(_interval(v, dom[v]) for v in VARIABLES)
    if domain[2][0] <= 0:
        raise SpecError("domain.nu must be positive (nu is a variance)")
    if domain[3][0] <= 0:
        raise SpecError("domain.tau must be positive (tau is a sum of squared weights)")
    claims = raw.get("claim")
    if not isinstance(claims, list) or not claims:
        raise SpecError("at least one [[claim]] is required")
    for i, c in enumerate(claims):
        if not isinstance(c, dict) or c.get("kind") not in CLAIM_KINDS:
            raise SpecError(f"claim {i}: kind must be one of {', '.join(CLAIM_KINDS)}")
        allowed = {"spectral_norm_below": {"kind", "bound", "jacobian"},
                   "maps_into": {"kind", "mean", "var"},
                   "extremum": {"kind", "quantity", "sense", "tolerance"}}.get(c["kind"], {"kind"})
        if set(c) - allowed:
            raise SpecError(f"claim {i}: unexpected keys {', '.join(sorted(set(c) - allowed))}")
        if c["kind"] == "spectral_norm_below":
            try:
                parse_decimal(c.get("bound", ""))
            except ValueError as exc:
                raise SpecError(f"claim {i}: bound: {exc}") from None
            if c.get("jacobian", "variance") not in ("variance", "second_moment"):
                raise SpecError(f"claim {i}: jacobian must be 'variance' or 'second_moment'")
        if c["kind"] == "extremum":
            _extremum_claim(i, c)
        for key in ("mean", "var"):
            if key in c:
                _interval(f"claim {i}: {key}", c[key])
    return Spec(name=name, alpha=alpha, lam=lam, domain=domain,
                claims=tuple(dict(c) for c in claims), raw=raw)


def _extremum_claim(i: int, c: dict[str, Any]) -> None:
    """Validate the keys of an ``extremum`` claim."""
    if c.get("quantity") not in EXTREMUM_QUANTITIES:
        raise SpecError(f"claim {i}: quantity must be one of {', '.join(EXTREMUM_QUANTITIES)}")
    if c.get("sense") not in ("max", "min"):
        raise SpecError(f"claim {i}: sense must be 'max' or 'min'")
    try:
        tol = parse_decimal(c.get("tolerance", DEFAULT_TOLERANCE))
    except ValueError as exc:
        raise SpecError(f"claim {i}: tolerance: {exc}") from None
    if tol <= 0:
        raise SpecError(f"claim {i}: tolerance must be positive")


def load_spec(path: str | Path) -> Spec:
    """Read and validate a TOML specification file."""
    p = Path(path)
    try:
        raw = tomllib.loads(p.read_text(encoding="utf-8"))
    except OSError as exc:
        raise SpecError(f"cannot read {p}: {exc.strerror}") from None
    except tomllib.TOMLDecodeError as exc:
        raise SpecError(f"{p} is not valid TOML: {exc}") from None
    return parse_spec(raw)


def shipped_specs() -> dict[str, Path]:
    """The specifications shipped with the package, by name."""
    return {p.stem: p for p in sorted(PROOFS_DIR.glob("*.toml"))}
