r"""The monitor's backward view: measured gradient growth per layer against the certified ``chi1``.

For a layer ``z = W x``, ``y = selu(z)`` (optionally alpha dropout ``D``), the
mean squared gradient with respect to the layer input grows, toward the input,
by (mean-field, Poole et al. 2016; :mod:`selu_proof.meanfield`)

.. math:: \frac{E[(\partial L/\partial x)^2]}{E[(\partial L/\partial y)^2]}
          \approx \frac{n_\text{out}}{n_\text{in}}\;\chi_1\;(A^2 q), \qquad
          \chi_1 = \tau\,E[\mathrm{selu}'(z)^2], \ z \sim N(\mu\omega, \nu\tau),

with ``(mu, nu)`` the measured moments of ``x``, ``(omega, tau)`` the units'
average weight statistics, ``A**2 q`` the alpha-dropout factor (in training
mode) and ``n_out/n_in`` the width ratio (output over input channels for a
stride-1 convolution, borders aside).  ``chi1`` and the dropout factor are the
arb enclosures of the generated closed forms
(:func:`selu_proof.meanfield.chi_balls`, ``dropout_mean_field``) evaluated at
the measured numbers taken as exact: certified *for those numbers*, which are
samples.  The measured ratio is a sample too; the view compares, it proves
nothing.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from fractions import Fraction
from typing import Any

import torch
from flint import ctx

from selu_proof import backends
from selu_proof.kernel.exact import ball, ball_ends, decimal_down, decimal_up
from selu_proof.meanfield.selu import chi_balls
from selu_proof.torch.statistics import outward

__all__ = ["certified_growth", "gradient_row", "gradient_table"]


def certified_growth(mu: float, nu: float, omega: float, tau: float, alpha: float, lam: float,
                     dropout: dict[str, Any] | None = None) -> dict[str, tuple[float, float]]:
    r"""``chi1`` (and with ``dropout`` its factor ``A**2 q``) at these numbers, as float intervals.

    Each is an arb enclosure of the closed form with the float arguments read as
    exact binary numbers, rounded outward to float64.  ``dropout`` is a
    dropout module's :meth:`~selu_proof.torch.AlphaDropout.design`.

    >>> from selu_proof.kernel.constants import ALPHA_01, LAMBDA_01
    >>> lo, hi = certified_growth(0.0, 1.0, 0.0, 1.0, ALPHA_01, LAMBDA_01)["chi1"]
    >>> round(lo, 9), lo <= hi
    (1.071574992, True)
    """
    ex = [ball(Fraction(t)) for t in (mu, nu, omega, tau, alpha, lam)]
    m, n, o, t, al, la = ex
    out = {}
    with ctx.workprec(96):
        c1, _ = chi_balls(m * o, n * t, al, la, t)
        out["chi1"] = outward(*ball_ends(c1))
        if dropout is not None:
            keep = 1 - Fraction(str(dropout["p"]))
            fm, fv = (Fraction(s) for s in dropout["fixed_point"])
            g1, _ = backends.compiled("dropout_mean_field", "arb")(
                ball(keep), -(ball(Fraction(dropout["alpha"])) * ball(Fraction(dropout["lam"]))),
                ball(fm), ball(fv))
            out["dropout_factor"] = outward(*ball_ends(g1))
            out["growth"] = outward(*ball_ends(c1 * g1))
        else:
            out["growth"] = out["chi1"]
    return out


def _mean_sq(g: torch.Tensor | None) -> float | None:
    if g is None:
        return None
    return float(g.detach().to(torch.float64).square().mean())


def gradient_row(row: dict[str, Any], module: torch.nn.Module, design: dict[str, Any],
                 grad_in: torch.Tensor | None, grad_out: torch.Tensor | None,
                 dropout: dict[str, Any] | None,
                 weight: torch.Tensor | None = None,
                 growth: Callable[..., dict[str, Any]] | None = None) -> dict[str, Any]:
    """The backward row of one monitored layer (see the module docstring).

    Keys: ``layer``, ``grad_sq_in`` (mean squared gradient at the layer input;
    ``None`` when the input needs no gradient, e.g. the data), ``grad_sq_out``
    (at the SELU output, after the dropout if there is one), ``ratio``
    (in/out), ``chi1`` and ``expected_ratio`` (``[lo, hi]`` float intervals;
    ``expected_ratio = n_out/n_in * chi1 * A**2 q``), ``width_factor``,
    ``dropout_factor`` (``None`` without dropout) and ``log_deviation``
    (``ln(ratio / expected)`` at the interval's midpoint).  ``weight`` (default
    ``module.weight``) gives the layer's shape: the monitor passes its copy, so that a
    parametrized weight is not recomputed.  ``growth(mu, nu, omega, tau)`` replaces
    :func:`certified_growth` for another activation than SELU (``design`` is then not
    read); its ``"over"``, if any, becomes the row's ``chi1_over``.
    """
    g_in, g_out = _mean_sq(grad_in), _mean_sq(grad_out)
    weight = module.weight if weight is None else weight
    in_channels = weight.shape[1] * int(getattr(module, "groups", 1))
    strided = any(s != 1 for s in getattr(module, "stride", (1,)))
    width = Fraction(weight.shape[0], in_channels)
    out: dict[str, Any] = {"layer": row["layer"], "index": row["index"],
                           "grad_sq_in": g_in, "grad_sq_out": g_out, "ratio": None,
                           "chi1": None, "dropout_factor": None, "width_factor": float(width),
                           "expected_ratio": None, "log_deviation": None}
    if g_in is not None and g_out:
        out["ratio"] = g_in / g_out
    stats = (row["input_mean"], row["input_var"], row["omega"]["mean"], row["tau"]["mean"])
    if all(math.isfinite(s) for s in stats) and stats[3] > 0 and stats[1] > 0 and not strided:
        if growth is None:
            cert = certified_growth(*stats, design["alpha"], design["lam"], dropout)
        else:
            cert = growth(*stats)
            out["chi1_over"] = cert.get("over")
        out["chi1"] = list(cert["chi1"])
        out["dropout_factor"] = list(cert["dropout_factor"]) if dropout else None
        lo, hi = cert["growth"]
        out["expected_ratio"] = [lo * float(width), hi * float(width)]
        if out["ratio"]:
            out["log_deviation"] = math.log(out["ratio"] / (0.5 * (lo + hi) * float(width)))
    return out


def _same_decimals(lo: str, hi: str) -> tuple[str, str]:
    """Two decimal strings padded with zeros to the same number of decimals (same values).

    >>> _same_decimals("1.073179", "1.07318")
    ('1.073179', '1.073180')
    """
    places = max(len(t.partition(".")[2]) for t in (lo, hi))

    def pad(t: str) -> str:
        whole, _, frac = t.partition(".")
        return f"{whole}.{frac.ljust(places, '0')}" if places else t

    return pad(lo), pad(hi)


def gradient_table(rows: list[dict[str, Any]]) -> str:
    """The backward rows as a fixed-width text table (``chi1`` printed rounded outward)."""
    def f(x: float | None, spec: str) -> str:
        return f"{'-':>{int(spec.split('.')[0])}}" if x is None else format(x, spec)

    lines = [f"{'layer':>8} {'grad^2 in':>10} {'grad^2 out':>10} {'ratio':>7} "
             f"{'expected':>8} {'chi1 (certified at measured stats)':>36}"]
    for r in rows:
        exp = None if r["expected_ratio"] is None else sum(r["expected_ratio"]) / 2
        chi = "-" if r["chi1"] is None else "[{}, {}]".format(*_same_decimals(
            decimal_down(Fraction(r["chi1"][0]), 7), decimal_up(Fraction(r["chi1"][1]), 7)))
        lines.append(f"{r['layer']:>8} {f(r['grad_sq_in'], '10.3e')} "
                     f"{f(r['grad_sq_out'], '10.3e')} {f(r['ratio'], '7.4f')} "
                     f"{f(exp, '8.4f')} {chi:>36}")
    return "\n".join(lines)
