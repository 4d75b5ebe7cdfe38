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

Only the supported domain is accepted (:func:`check_supported`: ``|mu|,
|omega| <= 100``, ``0 < nu, tau <= 1000``, ``1/1000 <= nu*tau <= 1000``,
``|mu*omega| <= 10``; alpha and lambda in ``[1/100, 100]``), so that every
evaluation of a claim, by the prover or the checker, is cheap.

Claim kinds (see :mod:`selu_proof.kernel.claims` for their meaning):
``spectral_norm_below`` (``bound``, optional ``jacobian = "second_moment"``),
``maps_into`` (optional target intervals ``mean = [lo, hi]``, ``var = [lo, hi]``;
by default the domain's own ``mu`` and ``nu`` intervals), ``variance_decreases``,
``variance_increases``, ``chi1_below`` and ``chi1_above`` (``bound``; ``chi1 = tau
E[selu'(z)**2]``, the per-layer gradient growth factor), and ``extremum`` (``quantity`` one of
:data:`EXTREMUM_QUANTITIES`, ``sense = "max"`` or ``"min"``, optional
``tolerance``, a decimal of at least ``1e-30``, default ``"1e-6"``): a certified
bracket ``[lower, upper]`` of the extremum of the quantity over the domain, its ends
written with :func:`~selu_proof.kernel.exact.bracket_digits` digits.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Any

from selu_proof.kernel.exact import parse_decimal
from selu_proof.kernel.limits import (
    MAX_ABS_MU_OMEGA,
    MAX_ABS_PREACTIVATION_MEAN,
    MAX_NU_TAU,
    MAX_QUADRATURE_PRECISION,
    PARAMETER_RANGE,
    PREACTIVATION_VAR,
    PRECISION_RANGE,
)
from selu_proof.kernel.model import model_class, selu_key

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

__all__ = ["VARIABLES", "CLAIM_KINDS", "Spec", "SpecError", "parse_spec", "load_spec",
           "shipped_specs", "PROOFS_DIR", "check_supported", "MAX_ABS_MU_OMEGA", "MAX_NU_TAU",
           "PREACTIVATION_VAR", "MAX_ABS_PREACTIVATION_MEAN", "PARAMETER_RANGE",
           "PRECISION_RANGE", "MAX_QUADRATURE_PRECISION", "check_precision",
           "EXTREMUM_QUANTITIES", "DEFAULT_TOLERANCE", "MIN_TOLERANCE"]

#: the domain variables, in the order used for boxes
VARIABLES: tuple[str, ...] = ("mu", "omega", "nu", "tau")
CLAIM_KINDS: tuple[str, ...] = ("spectral_norm_below", "maps_into", "variance_decreases",
                                "variance_increases", "chi1_below", "chi1_above", "extremum")
#: quantities an ``extremum`` claim bounds (S(H), S(J), mu~, nu~, nu~ - nu, chi1)
EXTREMUM_QUANTITIES: tuple[str, ...] = ("norm-H", "norm-J", "mean", "var", "var-change",
                                        "chi1")
#: width of an extremum's bracket when the claim states none
DEFAULT_TOLERANCE = "1e-6"
#: smallest tolerance of an extremum (128-bit balls carry about 38 digits)
MIN_TOLERANCE = Fraction(1, 10**30)
NAMED_CONSTANTS = {"alpha": "alpha01", "lambda": "lambda01"}
#: where the shipped specifications and certificates live
PROOFS_DIR = Path(__file__).resolve().parent.parent / "proofs"



#: a specification name: it names the files <name>.cert.json and <name>.checkpoint.json
_NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}")


class SpecError(ValueError):
    """A specification that is malformed or states an impossible domain."""


@dataclass(frozen=True)
class Spec:
    """A parsed specification.  ``raw`` is the TOML structure, kept verbatim; ``model`` the
    key of the model its claims are about (:func:`selu_proof.kernel.model.model_of`).
    """

    name: str
    model: str
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
    lo, hi = PARAMETER_RANGE
    if not lo <= q <= hi:
        raise SpecError(f"parameters.{key} = {value} is outside the supported range "
                        f"[{float(lo):g}, {float(hi):g}]")
    return value


#: keys of [parameters] in a specification with a catalogue activation
ACTIVATION_KEYS = ("activation", "normalize", "mean", "var", "lambda", "beta")


def _activation_model(params: dict[str, Any]) -> str:
    """The model key (token) of ``[parameters]`` naming an activation.

    ``activation = "NAME[:key=value,...]"`` with ``normalize = "affine"`` (optional target
    ``mean``, ``var``), or explicit exact ``lambda``/``beta``, or neither (``f`` itself);
    its goals are evaluated by quadrature (:mod:`selu_proof.kernel.activation_claims`).
    """
    from selu_proof.kernel.activation_claims import model_token

    unknown = set(params) - set(ACTIVATION_KEYS)
    if unknown:
        raise SpecError(f"[parameters] with an activation takes {', '.join(ACTIVATION_KEYS)} "
                        f"only, not {', '.join(sorted(unknown))}")
    for key in ACTIVATION_KEYS:
        if key in params and not isinstance(params[key], str):
            raise SpecError(f"parameters.{key} must be a string")
    try:
        return model_token(params["activation"], params.get("normalize"),
                           params.get("lambda"), params.get("beta"), params.get("mean"),
                           params.get("var"))
    except ValueError as exc:
        raise SpecError(f"parameters: {exc}") from None


def check_supported(domain: tuple[tuple[Fraction, Fraction], ...]) -> None:
    """Raise :class:`SpecError` unless the box ``(mu, omega, nu, tau)`` is supported.

    Supported: ``|mu|, |omega| <= 100``, ``0 < nu, tau <= 1000``, and over the
    box ``1/1000 <= nu*tau <= 1000`` and ``|mu*omega| <= 10``.
    """
    (mu_lo, mu_hi), (om_lo, om_hi), (nu_lo, nu_hi), (tau_lo, tau_hi) = domain
    if nu_lo <= 0:
        raise SpecError("domain.nu must be positive (nu is a variance)")
    if tau_lo <= 0:
        raise SpecError("domain.tau must be positive (tau is a sum of squared weights)")
    mu_max, om_max = max(abs(mu_lo), abs(mu_hi)), max(abs(om_lo), abs(om_hi))
    where = "outside the supported domain (docs/limitations.md)"
    if mu_max > MAX_ABS_MU_OMEGA or om_max > MAX_ABS_MU_OMEGA:
        raise SpecError(f"|mu| or |omega| above {MAX_ABS_MU_OMEGA}: {where}")
    if nu_hi > MAX_NU_TAU or tau_hi > MAX_NU_TAU:
        raise SpecError(f"nu or tau above {MAX_NU_TAU}: {where}")
    v_lo, v_hi = PREACTIVATION_VAR
    if nu_lo * tau_lo < v_lo or nu_hi * tau_hi > v_hi:
        raise SpecError(f"nu*tau ranges over [{float(nu_lo * tau_lo):.6g}, "
                        f"{float(nu_hi * tau_hi):.6g}], not within [{float(v_lo):g}, "
                        f"{float(v_hi):g}]: {where}")
    if mu_max * om_max > MAX_ABS_PREACTIVATION_MEAN:
        raise SpecError(f"|mu*omega| reaches {float(mu_max * om_max):.6g}, above "
                        f"{MAX_ABS_PREACTIVATION_MEAN}: {where}")


def check_precision(spec: Spec, bits: Any) -> None:
    """Raise :class:`SpecError` unless ``spec`` may be proved and checked at ``bits`` bits.

    Any integer in :data:`PRECISION_RANGE`, and at most the ``max_precision`` of the
    specification's kind of model (for a catalogue activation,
    :data:`MAX_QUADRATURE_PRECISION`).  The prover and the checker both ask here, so that
    the prover never writes a certificate the checker refuses.
    """
    lo, hi = PRECISION_RANGE
    if not isinstance(bits, int) or isinstance(bits, bool) or not lo <= bits <= hi:
        raise SpecError(f"precision must be an integer number of bits in [{lo}, {hi}]")
    cap = model_class(spec.model).max_precision
    if bits > cap:
        raise SpecError(f"precision {bits} is above {cap} bits, the most "
                        "for a specification with an activation (the work of its "
                        "integrations grows with the precision)")


def parse_spec(raw: dict[str, Any]) -> Spec:
    """Validate a specification structure (as read from TOML or a certificate)."""
    if not isinstance(raw, dict):
        raise SpecError("a specification is a table")
    unknown = set(raw) - {"name", "description", "parameters", "domain", "claim"}
    if unknown:
        raise SpecError(f"unknown keys: {', '.join(sorted(unknown))}")
    if not isinstance(raw.get("description", ""), str):
        raise SpecError("'description' must be a string")
    name = raw.get("name")
    if not isinstance(name, str) or not _NAME.fullmatch(name):
        shown = name if not isinstance(name, str) or len(name) <= 40 else name[:40] + "..."
        raise SpecError(f"'name' must be a plain identifier of at most 64 characters "
                        f"(letters, digits, '_', '-', '.'; not starting with '.' or '-'), "
                        f"got {shown!r}")
    params = raw.get("parameters", {})
    if isinstance(params, dict) and "activation" in params:
        model = _activation_model(params)
    else:
        if not isinstance(params, dict) or set(params) - {"alpha", "lambda"}:
            raise SpecError("[parameters] takes 'alpha' and 'lambda' only (or 'activation' "
                            "with 'normalize' or 'lambda'/'beta')")
        alpha = _parameter("alpha", params.get("alpha", "alpha01"))
        lam = _parameter("lambda", params.get("lambda", "lambda01"))
        model = selu_key(alpha, lam)
    dom = raw.get("domain")
    if not isinstance(dom, dict) or set(dom) != set(VARIABLES):
        raise SpecError(f"[domain] must give exactly {', '.join(VARIABLES)}")
    domain = tuple(_interval(v, dom[v]) for v in VARIABLES)
    check_supported(domain)
    claims = raw.get("claim")
    if not isinstance(claims, list) or not claims:
        raise SpecError("at least one [[claim]] is required")
    for i, c in enumerate(claims):
        if not isinstance(c, dict) or c.get("kind") not in CLAIM_KINDS:
            raise SpecError(f"claim {i}: kind must be one of {', '.join(CLAIM_KINDS)}")
        allowed = {"spectral_norm_below": {"kind", "bound", "jacobian"},
                   "maps_into": {"kind", "mean", "var"},
                   "chi1_below": {"kind", "bound"},
                   "chi1_above": {"kind", "bound"},
                   "extremum": {"kind", "quantity", "sense", "tolerance"}}.get(c["kind"], {"kind"})
        if set(c) - allowed:
            raise SpecError(f"claim {i}: unexpected keys {', '.join(sorted(set(c) - allowed))}")
        if c["kind"] in ("spectral_norm_below", "chi1_below", "chi1_above"):
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
    return Spec(name=name, model=model, domain=domain,
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
    if tol < MIN_TOLERANCE:
        raise SpecError(f"claim {i}: tolerance must be at least 1e-30")


def load_spec(path: str | Path) -> Spec:
    """Read and validate a TOML specification file."""
    p = Path(path)
    try:
        with open(p, "rb") as fh:  # read once: the file may be a pipe
            raw = tomllib.loads(fh.read().decode("utf-8"))
    except OSError as exc:
        raise SpecError(f"cannot read {p}: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise SpecError(f"{p} is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise SpecError(f"{p} is not valid TOML: {exc}") from None
    except RecursionError:
        raise SpecError(f"{p} is nested too deeply to be a specification") from None
    except ValueError as exc:  # e.g. an integer beyond Python's int-string limit
        raise SpecError(f"{p} cannot be read: {exc}") from None
    return parse_spec(raw)


def shipped_specs() -> dict[str, Path]:
    """The specifications shipped with the package, by name."""
    return {p.stem: p for p in sorted(PROOFS_DIR.glob("*.toml"))}
