"""Weight initializers that report the weight statistics ``(omega, tau)`` they imply.

For a unit ``j`` with incoming weights ``w_1j, ..., w_nj`` the paper's statistics
are ``omega_j = sum_i w_ij`` and ``tau_j = sum_i w_ij**2`` (Section "Deriving the
mean and variance mapping function g").  Every initializer here is parametrized
by the *target* ``(omega, tau)`` (default ``(0, 1)``, the normalized-weight
case) and returns an :class:`Init`: the ``(n_in, n_out)`` weight matrix (one
column per unit, so a layer is ``x @ w``), the ``(omega, tau)`` it implies in
expectation, and the ``(omega_j, tau_j)`` actually realised.

==============  =========================================================  ==================
name            weights                                                     implied ``tau``
==============  =========================================================  ==================
``lecun``       ``omega/n + s*N(0, 1)``, ``s**2 = (tau - omega**2/n)/n``     ``tau``
``truncated``   as ``lecun`` with ``N(0, 1)`` truncated to ``[-2, 2]`` and   ``tau``
                rescaled by ``1/sqrt(c)`` (variance correction)
``truncated``   ``corrected=False``: same without the ``1/sqrt(c)``          ``omega**2/n +
                                                                            c*(tau-omega**2/n)``
``uniform``     ``omega/n + s*U(-sqrt(3), sqrt(3))``                         ``tau``
``exact``       ``omega/n`` plus a centred random direction of norm          ``tau`` exactly,
                ``sqrt(tau - omega**2/n)``: ``sum w = omega``, ``sum w**2 =   every unit
                tau`` for every unit (up to rounding)
==============  =========================================================  ==================

``c = 1 - 4*phi(2)/(2*Phi(2) - 1) ~ 0.7737`` is the variance of a standard normal
truncated to ``[-2, 2]`` (the frameworks' correction factor is ``sqrt(c) ~ 0.8796``).
With ``omega = 0, tau = 1`` the ``lecun`` initializer is LeCun normal,
``N(0, 1/n)``.  Randomness comes only from the ``rng`` argument.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from concurrent.futures import Executor
from typing import NamedTuple, Union

import numpy as np
from numpy.typing import DTypeLike, NDArray

from selu_proof.numeric.row_blocks import row_blocks, run_blocks

__all__ = ["Init", "INITIALIZERS", "TRUNCATED_VARIANCE", "initialize", "lecun_normal",
           "truncated_normal", "uniform", "exact", "implied_omega_tau", "weight_statistics"]

#: variance of a standard normal truncated to ``[-2, 2]``
TRUNCATED_VARIANCE: float = 1.0 - 4.0 * math.exp(-2.0) / math.sqrt(2 * math.pi) / math.erf(
    2 / math.sqrt(2))

#: names accepted by :func:`initialize`
INITIALIZERS: tuple[str, ...] = ("lecun", "truncated", "uniform", "exact")


class Init(NamedTuple):
    """Weights and the weight statistics they imply.

    Attributes
    ----------
    weights : ndarray, shape (n_in, n_out)
        One column per unit.
    omega, tau : float
        ``E[sum_i w_ij]`` and ``E[sum_i w_ij**2]`` implied by the initializer.
    """

    weights: NDArray[np.floating]
    omega: float
    tau: float

    @property
    def realised(self) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
        """Per-unit ``(omega_j, tau_j)`` of these weights (see :func:`weight_statistics`)."""
        return weight_statistics(self.weights)


def weight_statistics(w: NDArray[np.floating]) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Per-unit ``omega_j = sum_i w_ij`` and ``tau_j = sum_i w_ij**2``, accumulated in float64.

    >>> weight_statistics(np.array([[1.0, 0.5], [2.0, -0.5]]))
    (array([3., 0.]), array([5. , 0.5]))
    """
    omega = w.sum(axis=0, dtype=np.float64)
    tau = np.square(w).sum(axis=0, dtype=np.float64)
    return omega, tau


def _spread(n_in: int, omega: float, tau: float) -> float:
    """Per-weight standard deviation ``s`` with ``n*(omega/n)**2 + n*s**2 = tau``."""
    if n_in < 1:
        raise ValueError("n_in must be at least 1")
    if not (math.isfinite(omega) and math.isfinite(tau)) or tau <= 0:
        raise ValueError(f"need finite omega and tau > 0, got omega={omega!r}, tau={tau!r}")
    rest = tau - omega * omega / n_in
    if rest < 0:
        raise ValueError(f"tau={tau} < omega**2/n_in={omega * omega / n_in}: no real weights "
                         "have these statistics (Cauchy-Schwarz)")
    return math.sqrt(rest / n_in)


Rngs = Union[np.random.Generator, Sequence[np.random.Generator]]


def _draw(fill: Callable[[NDArray[np.floating], np.random.Generator], None],
          shape: tuple[int, int], rng: Rngs, dtype: np.dtype, scale: float | None = None,
          shift: float = 0.0, executor: Executor | None = None) -> NDArray[np.floating]:
    """``scale * fill + shift`` of ``shape``, in row blocks: block ``k`` drawn from ``rng[k]``.

    A single generator is one block (the whole matrix).  ``k`` generators
    split the rows into ``k`` nearly equal consecutive blocks, each filled
    (then scaled and shifted) by its own generator, so the values do not
    depend on whether or in which order ``executor`` runs the blocks.  The
    draws are made in ``dtype`` if it is float32 or float64, else in float64
    and cast at the end.
    """
    gens = [rng] if isinstance(rng, np.random.Generator) else list(rng)
    if not gens or len(gens) > max(shape[0], 1):
        raise ValueError(f"need 1 to {shape[0]} generators (one per row block), got {len(gens)}")
    out = np.empty(shape, dtype=dtype if dtype in (np.float32, np.float64) else np.float64)
    rows = row_blocks(shape[0], len(gens))

    def block(k: int) -> None:
        part = out[rows[k]]
        fill(part, gens[k])
        if scale is not None:
            part *= scale
        if shift:
            part += shift

    run_blocks(block, list(range(len(gens))), executor)
    return out.astype(dtype, copy=False)


def _normal(out: NDArray[np.floating], rng: np.random.Generator) -> None:
    rng.standard_normal(out=out, dtype=out.dtype)


def lecun_normal(n_in: int, n_out: int, rng: Rngs, *, omega: float = 0.0,
                 tau: float = 1.0, dtype: DTypeLike = np.float64,
                 executor: Executor | None = None) -> Init:
    """Gaussian weights ``N(omega/n, (tau - omega**2/n)/n)``; LeCun normal at ``(0, 1)``.

    ``rng`` is a generator or a sequence of generators, one per block of rows
    (see :func:`initialize`).

    >>> init = lecun_normal(1000, 3, np.random.default_rng(0))
    >>> init.omega, init.tau, init.weights.shape
    (0.0, 1.0, (1000, 3))
    """
    s = _spread(n_in, omega, tau)
    w = _draw(_normal, (n_in, n_out), rng, np.dtype(dtype), s, omega / n_in, executor)
    return Init(w, float(omega), float(tau))


def _truncated_standard(out: NDArray[np.floating], rng: np.random.Generator) -> None:
    """Standard normal samples conditioned on ``[-2, 2]`` (rejection, ~4.6% redrawn)."""
    rng.standard_normal(out=out, dtype=out.dtype)
    bad = np.abs(out) > 2
    while (nbad := int(bad.sum())):
        out[bad] = rng.standard_normal(nbad, dtype=out.dtype)
        bad = np.abs(out) > 2


def truncated_normal(n_in: int, n_out: int, rng: Rngs, *, omega: float = 0.0,
                     tau: float = 1.0, corrected: bool = True,
                     dtype: DTypeLike = np.float64, executor: Executor | None = None) -> Init:
    """Normal weights truncated at two standard deviations, with or without variance correction.

    Without the correction (``corrected=False``, what a naive "truncated
    normal with stddev ``1/sqrt(n)``" gives) the implied ``tau`` shrinks by the
    factor :data:`TRUNCATED_VARIANCE` ``~ 0.774``.

    >>> init = truncated_normal(500, 2, np.random.default_rng(1), corrected=False)
    >>> round(init.tau, 4)
    0.7737
    >>> float(np.abs(init.weights).max() * np.sqrt(500)) <= 2
    True
    """
    s = _spread(n_in, omega, tau)
    if corrected:
        s /= math.sqrt(TRUNCATED_VARIANCE)
        implied_tau = float(tau)
    else:
        implied_tau = omega * omega / n_in + TRUNCATED_VARIANCE * (tau - omega * omega / n_in)
    w = _draw(_truncated_standard, (n_in, n_out), rng, np.dtype(dtype), s, omega / n_in,
              executor)
    return Init(w, float(omega), float(implied_tau))


def _centred_uniform(out: NDArray[np.floating], rng: np.random.Generator) -> None:
    """``U(-sqrt(3), sqrt(3))`` samples (variance 1)."""
    rng.random(out=out, dtype=out.dtype)
    out -= 0.5
    out *= 2 * math.sqrt(3)


def uniform(n_in: int, n_out: int, rng: Rngs, *, omega: float = 0.0,
            tau: float = 1.0, dtype: DTypeLike = np.float64,
            executor: Executor | None = None) -> Init:
    """Uniform weights on ``omega/n + s*[-sqrt(3), sqrt(3)]`` (variance ``s**2``).

    >>> init = uniform(300, 1, np.random.default_rng(2))
    >>> bool(np.abs(init.weights).max() <= np.sqrt(3 / 300)), init.tau
    (True, 1.0)
    """
    s = _spread(n_in, omega, tau)
    w = _draw(_centred_uniform, (n_in, n_out), rng, np.dtype(dtype), s, omega / n_in, executor)
    return Init(w, float(omega), float(tau))


def exact(n_in: int, n_out: int, rng: Rngs, *, omega: float = 0.0,
          tau: float = 1.0, dtype: DTypeLike = np.float64,
          executor: Executor | None = None) -> Init:
    """Weights with exactly ``sum_i w_ij = omega`` and ``sum_i w_ij**2 = tau`` for every unit.

    Each column is ``omega/n + r*u`` with ``u`` a uniformly random unit vector
    orthogonal to ``(1, ..., 1)`` and ``r = sqrt(tau - omega**2/n)``; built in
    float64 and then cast, so the statistics hold to the rounding of ``dtype``.
    With several generators only the Gaussian draws are split into row
    blocks; the centring and normalization act on whole columns.

    >>> init = exact(50, 4, np.random.default_rng(3), omega=0.1, tau=1.2)
    >>> om, ta = init.realised
    >>> bool(np.allclose(om, 0.1, atol=1e-14) and np.allclose(ta, 1.2, atol=1e-14))
    True
    """
    if n_in < 2:
        raise ValueError("exact initialization needs n_in >= 2")
    s = _spread(n_in, omega, tau)
    g = _draw(_normal, (n_in, n_out), rng, np.dtype(np.float64), executor=executor)
    g -= g.mean(axis=0)
    g /= np.linalg.norm(g, axis=0)
    g *= s * math.sqrt(n_in)
    if omega:
        g += omega / n_in
    return Init(g.astype(dtype, copy=False), float(omega), float(tau))


def implied_omega_tau(name: str, n_in: int, *, omega: float = 0.0, tau: float = 1.0,
                      corrected: bool = True) -> tuple[float, float]:
    """``(omega, tau)`` implied in expectation by initializer ``name`` for fan-in ``n_in``.

    >>> implied_omega_tau("lecun", 100)
    (0.0, 1.0)
    >>> round(implied_omega_tau("truncated", 100, corrected=False)[1], 6)
    0.773741
    """
    if name not in INITIALIZERS:
        raise ValueError(f"unknown initializer {name!r}; choose one of {', '.join(INITIALIZERS)}")
    _spread(n_in, omega, tau)
    if name == "truncated" and not corrected:
        shrunk = omega * omega / n_in + TRUNCATED_VARIANCE * (tau - omega * omega / n_in)
        return float(omega), shrunk
    return float(omega), float(tau)


def initialize(name: str, n_in: int, n_out: int, rng: Rngs, *,
               omega: float = 0.0, tau: float = 1.0, corrected: bool = True,
               dtype: DTypeLike = np.float64, executor: Executor | None = None) -> Init:
    """Dispatch to the initializer called ``name`` (one of :data:`INITIALIZERS`).

    ``rng`` is one generator, or a sequence of ``k`` generators: then the rows
    are split into ``k`` nearly equal consecutive blocks and block ``i`` is
    drawn from ``rng[i]`` alone, so ``executor`` (e.g. a thread pool; numpy's
    generators release the GIL) may draw the blocks concurrently without
    changing a single value.

    >>> from concurrent.futures import ThreadPoolExecutor
    >>> w = initialize("lecun", 4, 3, np.random.default_rng(5).spawn(2)).weights
    >>> second = np.random.default_rng(5).spawn(2)[1]   # rows 2-3 come from it alone
    >>> bool((w[2:] == second.standard_normal((2, 3)) / 2).all())
    True
    >>> with ThreadPoolExecutor(2) as pool:
    ...     same = initialize("lecun", 4, 3, np.random.default_rng(5).spawn(2), executor=pool)
    >>> bool((same.weights == w).all())
    True
    """
    kw = {"omega": omega, "tau": tau, "dtype": dtype, "executor": executor}
    if name == "lecun":
        return lecun_normal(n_in, n_out, rng, **kw)
    if name == "truncated":
        return truncated_normal(n_in, n_out, rng, corrected=corrected, **kw)
    if name == "uniform":
        return uniform(n_in, n_out, rng, **kw)
    if name == "exact":
        return exact(n_in, n_out, rng, **kw)
    raise ValueError(f"unknown initializer {name!r}; choose one of {', '.join(INITIALIZERS)}")
