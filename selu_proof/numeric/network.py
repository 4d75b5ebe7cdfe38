"""Simulated deep fully connected networks: the finite twin of iterating ``g``.

A batch of ``B`` inputs with i.i.d. ``N(input_mean, input_var)`` entries is
propagated through ``L`` layers ``x <- f(x @ W_l)`` of width ``N`` (optionally
followed by alpha dropout).  Only the current layer is held in memory; per
layer the function records

* the empirical mean and variance of the activations, pooled over batch and units;
* their standard errors (see :func:`moment_statistics`);
* the realised weight statistics ``omega = mean_j sum_i w_ij``,
  ``tau = mean_j sum_i w_ij**2``;
* ``predicted_*``: the moment map ``g`` iterated from the input moments with
  the realised ``(omega, tau)`` of every layer (paper Eq. (4)-(5));
* ``step_*``: ``g`` applied once to the previous layer's *empirical* moments;
* the distance of the empirical moments from the certified fixed point of the
  activation's own ``g`` (:meth:`SimulationResult.fixed_point_deviations`), in
  standard errors; layers farther than :data:`DRIFT_SE` are flagged.

The map ``g`` assumes infinitely wide layers whose units all share ``(omega,
tau)``.  With the ``exact`` initializer that holds for every unit; with random
initializers the per-unit ``omega_j`` scatter around their mean with standard
deviation ``sqrt(tau)``, which is harmless while the input mean is 0 (the
paper's setting) but turns a nonzero input mean into between-unit variance, so
``g`` with the averaged ``omega`` no longer describes the first layers.

Floating point: the simulation runs in float32 by default (matrix products
are ~1.7x faster than float64, and float32 rounding, ~1e-7 relative, is far
below the statistical error ~1e-3); the moments are accumulated in float64
(the squared weights per row in float32 first, relative error ~1e-9).

Schedule: every weight matrix is drawn in :data:`BLOCKS` row blocks, block
``k`` from its own stream (:func:`layer_rngs`), and every product and
activation is computed in :data:`BLOCKS` row blocks of the batch, each block's
product by single-threaded BLAS (with ``threadpoolctl``).  With ``prefetch``
the blocks run in a pool with one thread per core, one phase at a time: the
products of layer ``l``, then (all cores) its activation, the statistics of
layer ``l - 1`` and the draw of layer ``l + 1``'s weights.  No work competes
with the products for the cores, and the BLAS library's own threads, which
spin for a while after every product, are never started (while the layers
run, ``threadpoolctl`` holds the BLAS libraries to one thread, process-wide;
the previous thread counts are restored afterwards).  Without
``prefetch`` the same blocks are computed one after the other in the calling
thread, so both give the same numbers bit for bit.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Executor, ThreadPoolExecutor
from contextlib import AbstractContextManager
from dataclasses import asdict, dataclass, field
from typing import Any, NamedTuple

import numpy as np
from numpy.typing import DTypeLike, NDArray

from selu_proof.kernel.parallel import usable_cores
from selu_proof.numeric.activations import Activation, get_activation
from selu_proof.numeric.dropout import alpha_dropout, alpha_dropout_moments
from selu_proof.numeric.initializers import implied_omega_tau, initialize
from selu_proof.numeric.row_blocks import row_blocks, run_blocks

__all__ = ["LayerRecord", "SimulationResult", "simulate", "moment_statistics",
           "certified_fixed_point", "Streams", "layer_rngs",
           "LayerStreams", "child_seed", "BLOCKS", "DRIFT_SE"]

#: Row blocks of every weight matrix (each from its own stream) and of every batch
#: (products, activations).  Fixed, so that the numbers do not depend on the core count;
#: four blocks balance two cores under load, while every further block costs another pass
#: of BLAS packing the weights (single-threaded CPU time of a 1024 x 2048 x 2048 float32
#: product: 95 ms in 1 or 2 blocks, 97 ms in 4, 104 ms in 8).
BLOCKS: int = 4

#: a layer whose empirical mean or variance lies farther than this many of its standard
#: errors from the certified fixed point (its enclosure) is flagged.  At an attracting fixed
#: point the errors of earlier layers propagate, so the distance is wider than one layer's
#: noise (for SELU's variance its standard deviation is about 1.5 SE: about 0.4% of the
#: layers of a deep run lie beyond 5 SE, isolated); a drift away from the fixed point is a
#: run of flagged layers up to the last.
DRIFT_SE: float = 5.0


class Streams(NamedTuple):
    """Independent random streams of one simulated network (see :func:`layer_rngs`)."""

    input: np.random.Generator
    weights: Sequence[tuple[np.random.Generator, ...]]
    dropout: np.random.Generator


def layer_rngs(rng: np.random.Generator | np.random.SeedSequence | int, depth: int,
               blocks: int = BLOCKS) -> Streams:
    """The random streams of a ``depth``-layer simulation, all spawned from one seed.

    ``rng.spawn(3)`` gives the input, weight-root and dropout streams; the
    weight root spawns one child per layer and each child ``blocks``
    generators, one per block of rows of that layer's weight matrix
    (``numpy.random.SeedSequence`` spawning: statistically independent
    streams).  Layer ``l``'s weights are therefore
    ``initialize(init, n, n, streams.weights[l], ...)`` whatever order or
    thread the blocks are drawn in, so runs are reproducible and do not depend
    on ``prefetch`` or on thread timing.  An ``int`` or ``SeedSequence`` is
    first turned into ``numpy.random.default_rng(rng)``.

    >>> s = layer_rngs(0, 3)
    >>> len(s.weights), len(s.weights[2]), float(s.weights[2][1].standard_normal()) == float(
    ...     layer_rngs(0, 3).weights[2][1].standard_normal())
    (3, 4, True)
    """
    if not isinstance(rng, np.random.Generator):
        rng = np.random.default_rng(rng)
    in_rng, w_root, drop_rng = rng.spawn(3)
    return Streams(in_rng, LayerStreams(w_root, depth, blocks), drop_rng)


def child_seed(parent: np.random.SeedSequence, i: int) -> np.random.SeedSequence:
    """The ``i``-th child ``parent.spawn`` would give a fresh ``parent``, made on its own.

    ``SeedSequence.spawn(n)`` gives the children with spawn keys
    ``parent.spawn_key + (k,)``; building one of them directly needs no list
    of the others, so a network of any depth costs one stream per layer in use.
    """
    return np.random.SeedSequence(parent.entropy, spawn_key=(*parent.spawn_key, i),
                                  pool_size=parent.pool_size)


class LayerStreams(Sequence):
    """The weight streams of every layer, made when a layer asks for them.

    ``streams[l]`` equals ``tuple(w_root.spawn(depth)[l].spawn(blocks))`` for a
    fresh ``w_root`` (the same numbers), without creating ``depth`` generators
    up front.
    """

    def __init__(self, root: np.random.Generator, depth: int, blocks: int) -> None:
        self._seed = root.bit_generator.seed_seq
        self._bits = type(root.bit_generator)
        self._depth, self._blocks = depth, blocks

    def __len__(self) -> int:
        return self._depth

    def __getitem__(self, layer: int) -> tuple[np.random.Generator, ...]:  # type: ignore[override]
        if not -self._depth <= layer < self._depth:
            raise IndexError(layer)
        seq = child_seed(self._seed, layer % self._depth)
        return tuple(np.random.Generator(self._bits(child_seed(seq, k)))
                     for k in range(self._blocks))


def _mean_weight_statistics(w: NDArray[np.floating],
                            executor: Executor | None = None) -> tuple[float, float]:
    """``(mean_j omega_j, mean_j tau_j) = (sum w, sum w**2) / n_out``.

    ``sum w`` is accumulated in float64; ``sum w**2`` row by row in the
    weights' dtype (one pass, no temporary), the row sums in float64 (relative
    error ~1e-9 at width 2048 in float32).  The sums are taken per block of
    :data:`BLOCKS` rows and the block sums added in order, so the result does
    not depend on ``executor``.
    """
    def sums(rows: slice) -> tuple[float, float]:
        part = w[rows]
        return (float(part.sum(dtype=np.float64)),
                float(np.einsum("ij,ij->i", part, part).sum(dtype=np.float64)))

    parts = run_blocks(sums, row_blocks(w.shape[0], BLOCKS), executor)
    n_out = w.shape[1]
    return sum(p[0] for p in parts) / n_out, sum(p[1] for p in parts) / n_out


def _one_blas_thread() -> AbstractContextManager[Any]:
    """Limit the BLAS libraries to one thread, now; ``__exit__`` restores the previous counts."""
    from threadpoolctl import threadpool_limits

    return threadpool_limits(limits=1, user_api="blas")


@dataclass
class LayerRecord:
    """Statistics of one layer's activations (layer 0 is the input)."""

    layer: int
    mean: float
    var: float
    predicted_mean: float | None
    predicted_var: float | None
    se_mean: float
    se_var: float
    step_mean: float | None = None
    step_var: float | None = None
    omega: float | None = None
    tau: float | None = None

    @staticmethod
    def _dev(x: float, pred: float | None, se: float) -> float | None:
        if pred is None or not (se > 0) or not math.isfinite(pred):
            return None
        return (x - pred) / se

    @property
    def dev_mean(self) -> float | None:
        """Deviation from iterated ``g`` in SE, ``(mean - predicted_mean) / se_mean``."""
        return self._dev(self.mean, self.predicted_mean, self.se_mean)

    @property
    def dev_var(self) -> float | None:
        """``(var - predicted_var) / se_var``."""
        return self._dev(self.var, self.predicted_var, self.se_var)

    @property
    def step_dev_mean(self) -> float | None:
        """Deviation from one step of ``g`` in SE, ``(mean - step_mean) / se_mean``."""
        return self._dev(self.mean, self.step_mean, self.se_mean)

    @property
    def step_dev_var(self) -> float | None:
        """``(var - step_var) / se_var``."""
        return self._dev(self.var, self.step_var, self.se_var)

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready dictionary, deviations included (``None`` where undefined)."""
        out = asdict(self)
        out.update(dev_mean=self.dev_mean, dev_var=self.dev_var,
                   step_dev_mean=self.step_dev_mean, step_dev_var=self.step_dev_var)
        return {k: (None if isinstance(v, float) and not math.isfinite(v) else v)
                for k, v in out.items()}


@dataclass
class SimulationResult:
    """Per-layer statistics of a simulated network and the certified fixed point.

    Attributes
    ----------
    layers : list of LayerRecord
        Layer 0 (the input) to ``depth``.
    fixed_point : dict or None
        The certified fixed point of the activation's own ``g`` at the
        initializer's implied ``(omega, tau)``: for the SELU family (closed forms)
        :meth:`selu_proof.fixedpoint.RootResult.as_dict`, for any other
        activation what ``certify_catalogue`` returns (certified quadrature,
        :func:`selu_proof.meanfield.activation.catalogue_fixed_point`); the enclosure is
        ``box``, and the status says whether there is one.  ``None`` without
        ``certify``.
    config : dict
        The parameters of the run.
    seconds : float
        Wall time of the propagation.
    """

    layers: list[LayerRecord]
    fixed_point: dict[str, Any] | None
    config: dict[str, Any] = field(default_factory=dict)
    seconds: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        """``{"layers": [...], "fixed_point": ..., "config": ..., "summary": ...}``.

        Each layer also holds ``fixed_point_dev_mean`` and ``fixed_point_dev_var``
        (:meth:`fixed_point_deviations`).
        """
        layers = [{**r.as_dict(), "fixed_point_dev_mean": dm, "fixed_point_dev_var": dv}
                  for r, (dm, dv) in zip(self.layers, self.fixed_point_deviations())]
        return {"layers": layers, "fixed_point": self.fixed_point,
                "config": self.config, "summary": self.summary(), "seconds": self.seconds}

    def fixed_point_enclosure(self) -> tuple[tuple[float, float], tuple[float, float]] | None:
        """``((mean_lo, mean_hi), (var_lo, var_hi))`` of the certified fixed point, or ``None``
        when there is none (status not certified, or ``certify=False``).
        """
        box = (self.fixed_point or {}).get("box") or {}
        if "mean" not in box or "var" not in box:
            return None
        return ((float(box["mean"][0]), float(box["mean"][1])),
                (float(box["var"][0]), float(box["var"][1])))

    def fixed_point_deviations(self) -> list[tuple[float | None, float | None]]:
        r"""Per layer, how far the empirical mean and variance lie from the certified fixed
        point, in the layer's standard errors: ``(x - hi)/se`` above the enclosure
        ``[lo, hi]``, ``(x - lo)/se`` below it, 0 inside (``None`` without a fixed point).
        A statistic, not a bound: the enclosure's ends are read as floats.
        """
        box = self.fixed_point_enclosure()

        def dev(x: float, se: float, lo: float, hi: float) -> float | None:
            if not (se > 0 and math.isfinite(x)):
                return None
            return (x - hi) / se if x > hi else (x - lo) / se if x < lo else 0.0

        if box is None:
            return [(None, None) for _ in self.layers]
        (m_lo, m_hi), (v_lo, v_hi) = box
        return [(dev(r.mean, r.se_mean, m_lo, m_hi), dev(r.var, r.se_var, v_lo, v_hi))
                for r in self.layers]

    def drift(self, threshold: float = DRIFT_SE) -> dict[str, Any] | None:
        """Layers ``1..depth`` farther than ``threshold`` standard errors from the certified
        fixed point (``None`` without one): ``{"threshold_se", "layers_mean", "layers_var",
        "max_abs_dev_mean", "max_abs_dev_var", "last_dev_mean", "last_dev_var"}``.

        Layers still approaching an attracting fixed point from a distant input are
        flagged too; a drift away from it shows in the last layer's deviation.
        """
        if self.fixed_point_enclosure() is None:
            return None
        devs = list(zip(self.layers, self.fixed_point_deviations()))[1:]
        out: dict[str, Any] = {"threshold_se": threshold}
        for k, name in enumerate(("mean", "var")):
            vals = [(r.layer, d[k]) for r, d in devs if d[k] is not None]
            out[f"layers_{name}"] = [layer for layer, d in vals if abs(d) > threshold]
            out[f"max_abs_dev_{name}"] = max((abs(d) for _, d in vals), default=None)
            out[f"last_dev_{name}"] = devs[-1][1][k] if devs else None
        return out

    def summary(self) -> dict[str, Any]:
        """Largest absolute deviations (in standard errors) over layers ``1..depth``."""
        def worst(values: list[float | None]) -> float | None:
            vals = [abs(v) for v in values if v is not None]
            return max(vals) if vals else None

        rows = self.layers[1:]
        return {"max_abs_dev_mean": worst([r.dev_mean for r in rows]),
                "max_abs_dev_var": worst([r.dev_var for r in rows]),
                "max_abs_step_dev_mean": worst([r.step_dev_mean for r in rows]),
                "max_abs_step_dev_var": worst([r.step_dev_var for r in rows]),
                "final_mean": rows[-1].mean if rows else None,
                "final_var": rows[-1].var if rows else None,
                "fixed_point_drift": self.drift()}


def moment_statistics(y: NDArray[np.floating]) -> tuple[float, float, float, float]:
    r"""Pooled mean and variance of a ``(B, N)`` array and their standard errors.

    Entries in a row share an input sample and entries in a column share a
    unit's weights, so they are not independent.  The standard error is the
    crossed two-way (random row and column effects) estimate

    .. math:: \mathrm{SE}^2 = \frac{s^2_{\mathrm{col}}}{N} + \frac{s^2_{\mathrm{row}}}{B}
              - \frac{s^2}{NB}

    with ``s_col``, ``s_row`` the standard deviations of the column and row
    means and ``s`` the pooled one (the last term removes the double-counted
    residual); it is floored at the i.i.d. value ``s**2/(NB)``.  The variance
    gets the same treatment applied to the squared deviations
    ``(y - mean)**2``.  Sums are accumulated in float64.

    >>> rng = np.random.default_rng(0)
    >>> m, v, se_m, se_v = moment_statistics(rng.standard_normal((400, 500)))
    >>> bool(abs(m) < 4 * se_m), bool(abs(v - 1) < 4 * se_v), round(float(se_m) * 2e5**0.5, 1)
    (True, True, 1.0)
    """
    if y.ndim != 2:
        raise ValueError("expected a (batch, units) array")
    b, n = y.shape
    nb = n * b

    def crossed_se(col: NDArray[np.float64], row: NDArray[np.float64], total: float) -> float:
        s2 = (float(col.var(ddof=1)) / n if n > 1 else 0.0) + \
            (float(row.var(ddof=1)) / b if b > 1 else 0.0)
        return math.sqrt(max(s2 - total / nb, total / nb))

    col = y.mean(axis=0, dtype=np.float64)
    m = float(col.mean())
    d = y - y.dtype.type(m)
    np.multiply(d, d, out=d)
    dcol = d.mean(axis=0, dtype=np.float64)
    var = float(dcol.mean())
    se_m = crossed_se(col, y.mean(axis=1, dtype=np.float64), var)
    flat = d.reshape(-1)
    fourth = float(np.dot(flat, flat)) / nb  # BLAS dot; only feeds the small residual term
    se_v = crossed_se(dcol, d.mean(axis=1, dtype=np.float64), max(fourth - var * var, 0.0))
    return m, var, se_m, se_v


def certified_fixed_point(omega: float | str, tau: float | str, alpha: float | None = None,
                          lam: float | None = None, *, digits: int = 20) -> dict[str, Any]:
    """The certified fixed point of ``g`` (:func:`selu_proof.fixedpoint.fixed_point`) as a dict.

    ``omega`` and ``tau`` are read as exact decimals (floats by their shortest
    repr); ``alpha = lam = None`` means the exact ``alpha_01``, ``lambda_01``.
    If the solver fails, the status is ``"unknown"`` with the reason.
    """
    from selu_proof.fixedpoint import fixed_point

    try:
        return fixed_point(_exact(omega), _exact(tau), _exact(alpha), _exact(lam),
                           digits=digits).as_dict()
    except (ValueError, ArithmeticError) as exc:  # the solver gave up: say so, never guess
        return {"status": "unknown", "reason": f"certification failed: {exc}",
                "convention": f"weight statistics omega={omega}, tau={tau}"}


def _exact(x: float | str | None) -> str | None:
    """An exact decimal string: a string as given, a float by its shortest repr."""
    return None if x is None else (x if isinstance(x, str) else repr(float(x)))


def _fixed_point_floats(fp: dict[str, Any] | None) -> tuple[float, float] | None:
    if fp is None or fp.get("status") != "unique":
        return None
    return float(fp["mean"]), float(fp["var"])


def simulate(depth: int = 100, width: int = 1000, batch: int = 1000, *,
             rng: np.random.Generator, activation: str | Activation = "selu",
             init: str = "lecun", omega: float | str = 0.0, tau: float | str = 1.0,
             corrected: bool = True, input_mean: float = 0.0, input_var: float = 1.0,
             dropout_rate: float = 0.0, alpha: float | None = None, scale: float | None = None,
             dtype: DTypeLike = np.float32, certify: bool = True,
             certify_catalogue: Callable[..., dict[str, Any]] | None = None,
             prefetch: bool = True,
             callback: Callable[[LayerRecord], None] | None = None) -> SimulationResult:
    r"""Propagate a Gaussian batch through a deep fully connected network (paper Figure 1 setting).

    .. math:: x^{(0)}_{bi} \sim N(M, V), \qquad x^{(l)} = f(x^{(l-1)} W_l), \qquad
              (\mu_l, \nu_l)^{\mathrm{pred}} = g(\mu_{l-1}, \nu_{l-1};\ \bar\omega_l, \bar\tau_l)

    Parameters
    ----------
    depth, width, batch : int
        Number of layers ``L``, units per layer ``N`` (also the input width),
        batch size ``B``.
    rng : numpy.random.Generator
        The only source of randomness (input, weights, dropout masks); the
        weights of each layer come from :data:`BLOCKS` spawned child
        generators, one per block of rows (:func:`layer_rngs`), so the result
        does not depend on ``prefetch`` or on thread timing.
    activation : str or Activation
        ``"selu"``, ``"elu"``, ``"relu"``, ``"tanh"``.
    init : str
        ``"lecun"``, ``"truncated"``, ``"uniform"`` or ``"exact"``
        (:mod:`selu_proof.numeric.initializers`).
    corrected : bool
        Variance correction of the truncated normal initializer.
    omega, tau : float or str
        Target weight statistics (exact decimal strings are passed to the
        fixed-point certification unchanged).
    input_mean, input_var : float
        Moments of the i.i.d. Gaussian input entries.
    dropout_rate : float
        Alpha dropout after every activation (SELU only), preserving the
        certified fixed point.
    alpha, scale : float, optional
        SELU/ELU parameters (default ``alpha_01``, ``lambda_01`` for SELU,
        1, 1 for ELU); with either given, the certified fixed point is computed
        for these float values.
    dtype : dtype
        float32 (default) or float64 for the activations and weights.
    certify : bool
        Compute the certified fixed point of the activation's ``g``: closed forms
        for the SELU family, ``certify_catalogue`` for the others.
    certify_catalogue : callable, optional
        ``(spec, normalize, omega, tau) -> dict`` certifying the fixed point of a
        catalogue activation (the caller passes
        :func:`selu_proof.meanfield.activation.catalogue_fixed_point`); without it such
        a fixed point has the status ``"unknown"``.
    prefetch : bool
        Run the :data:`BLOCKS` row blocks of every phase in a pool with one
        thread per core (numpy's generators, ufuncs and BLAS release the
        GIL): the products of layer ``l``; then its activation, the statistics
        of layer ``l - 1`` and the draw of layer ``l + 1``'s weights (see the
        module docstring).  ``False`` computes the same blocks one after the
        other in the calling thread (for machines whose cores are already
        busy); the result is the same bit for bit either way.
    callback : callable
        Called with each :class:`LayerRecord` as it is produced (progress bars).

    Returns
    -------
    SimulationResult

    Examples
    --------
    >>> res = simulate(20, 200, 200, rng=np.random.default_rng(0), certify=False)
    >>> last = res.layers[-1]
    >>> abs(last.mean) < 0.05 and abs(last.var - 1) < 0.1
    True
    """
    if depth < 1 or width < 2 or batch < 2:
        raise ValueError("need depth >= 1, width >= 2 and batch >= 2")
    if not (input_var > 0 and math.isfinite(input_var) and math.isfinite(input_mean)):
        raise ValueError("input variance must be positive and finite, input mean finite")
    act = activation if isinstance(activation, Activation) else \
        get_activation(activation, alpha, scale)
    om, ta = float(omega), float(tau)
    implied = implied_omega_tau(init, width, omega=om, tau=ta, corrected=corrected)
    dt = np.dtype(dtype)
    if dt not in (np.float32, np.float64):
        raise ValueError("dtype must be float32 or float64")

    fixed = None
    if certify:
        same = implied == (om, ta)
        fp_omega, fp_tau = (omega, tau) if same else implied
        if act.name in ("selu", "elu") and act.selu_params is not None:
            fp_alpha, fp_lam = (None, None) if (act.name == "selu" and alpha is None
                                                and scale is None) else act.selu_params
            fixed = certified_fixed_point(fp_omega, fp_tau, fp_alpha, fp_lam)
        elif act.catalogue is not None and certify_catalogue is not None:
            fixed = certify_catalogue(*act.catalogue, fp_omega, fp_tau)
        elif act.catalogue is not None:
            fixed = {"status": "unknown",
                     "convention": f"weight statistics omega={_exact(fp_omega)}, "
                                   f"tau={_exact(fp_tau)}; {act.catalogue[0]}",
                     "reason": "no certification of this activation was passed "
                               "(certify_catalogue)"}
    drop_target: tuple[float, float] | None = None
    if dropout_rate:
        if act.name != "selu":
            raise ValueError("alpha dropout is defined for SELU only")
        drop_target = _fixed_point_floats(fixed) if certify else _iterate_fixed_point(act,
                                                                                      *implied)
        if drop_target is None:
            raise ValueError("alpha dropout needs the fixed point of g, which was not "
                             f"certified for (omega, tau) = {implied}")
    sel_alpha, sel_scale = act.selu_params if act.selu_params else (0.0, 0.0)

    streams = layer_rngs(rng, depth)
    batch_rows = row_blocks(batch, BLOCKS)

    def weights(layer: int, ex: Executor | None) -> tuple[NDArray[np.floating], float, float]:
        """Layer ``layer``'s weights and their mean ``(omega_j, tau_j)`` over units."""
        w = initialize(init, width, width, streams.weights[layer][:width], omega=om, tau=ta,
                       corrected=corrected, dtype=dt, executor=ex).weights
        return (w,) + _mean_weight_statistics(w, ex)

    def product(x: NDArray[np.floating], w: NDArray[np.floating],
                ex: Executor | None) -> NDArray[np.floating]:
        """``x @ w``, by row blocks of ``x`` (BLAS is held to one thread meanwhile)."""
        z = np.empty((x.shape[0], w.shape[1]), dtype=np.result_type(x, w))
        run_blocks(lambda rows: np.matmul(x[rows], w, out=z[rows]), batch_rows, ex)
        return z

    def activate(rows: slice) -> None:
        block = z[rows]
        out = _activate(act, block)
        if out is not block:
            block[...] = out

    x = streams.input.standard_normal((batch, width), dtype=dt)
    x *= dt.type(math.sqrt(input_var))
    x += dt.type(input_mean)

    def drop_moments(m: Any, v: Any) -> tuple[Any, Any]:
        if drop_target is None:
            return m, v
        return alpha_dropout_moments(m, v, dropout_rate, mean=drop_target[0],
                                     var=drop_target[1], alpha=sel_alpha, scale=sel_scale)

    m0, v0, se_m0, se_v0 = moment_statistics(x)
    rec = LayerRecord(0, m0, v0, float(input_mean), float(input_var), se_m0, se_v0)
    records = [rec]
    if callback:
        callback(rec)
    pm, pv = float(input_mean), float(input_var)

    def record(layer: int, stats: tuple[float, float, float, float], om_l: float,
               ta_l: float) -> None:
        nonlocal pm, pv
        m, v, se_m, se_v = stats
        pm, pv = _predict(act, pm, pv, om_l, ta_l, drop_moments)
        sm, sv = _predict(act, records[-1].mean, records[-1].var, om_l, ta_l, drop_moments)
        rec = LayerRecord(layer, m, v, pm, pv, se_m, se_v, sm, sv, om_l, ta_l)
        records.append(rec)
        if callback:
            callback(rec)

    start = time.perf_counter()
    workers = min(BLOCKS, usable_cores())
    pool = ThreadPoolExecutor(max_workers=workers) if prefetch else None
    blas_limit = _one_blas_thread()  # applied now, lifted in the finally clause
    try:
        w, om_l, ta_l = weights(0, pool)
        pending: Any = None  # the previous layer's (omega, tau), for its pending statistics
        for layer in range(depth):
            z = product(x, w, pool)
            del w
            if pool is None:
                run_blocks(activate, batch_rows, None)
            else:  # every core: this activation, the last statistics, the next weights
                acts = [pool.submit(activate, rows) for rows in batch_rows]
                stats = pool.submit(moment_statistics, x) if layer else None
                if layer + 1 < depth:
                    w, om_next, ta_next = weights(layer + 1, pool)
                if stats is not None:
                    record(layer, stats.result(), *pending)
                for fut in acts:
                    fut.result()
            x = z
            if drop_target is not None:
                x = alpha_dropout(x, dropout_rate, streams.dropout, mean=drop_target[0],
                                  var=drop_target[1], alpha=sel_alpha, scale=sel_scale)
            if pool is None:
                record(layer + 1, moment_statistics(x), om_l, ta_l)
                if layer + 1 < depth:
                    w, om_l, ta_l = weights(layer + 1, None)
            else:
                pending = (om_l, ta_l)
                if layer + 1 < depth:
                    om_l, ta_l = om_next, ta_next
        if pool is not None:
            record(depth, moment_statistics(x), *pending)
    finally:
        blas_limit.__exit__(None, None, None)  # restores the previous thread counts
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
    seconds = time.perf_counter() - start
    config = {"depth": depth, "width": width, "batch": batch, "activation": act.name,
              "activation_params": act.params, "init": init, "corrected": corrected,
              "omega": om, "tau": ta, "implied_omega": implied[0], "implied_tau": implied[1],
              "input_mean": input_mean, "input_var": input_var, "dropout_rate": dropout_rate,
              "dropout_target": list(drop_target) if drop_target else None,
              "dtype": dt.name}
    return SimulationResult(records, fixed, config, seconds)


def _activate(act: Activation, z: NDArray[np.floating]) -> NDArray[np.floating]:
    """``act(z)``, overwriting ``z``.

    SELU/ELU in place as ``lam*max(z, 0) + lam*alpha*expm1(min(z, 0))``:

    equal to :func:`selu_proof.numeric.selu` bit for bit except for the sign of
    zero (adding the exact zero of the other branch), with a third of the memory
    traffic.
    """
    if act.name not in ("selu", "elu") or act.selu_params is None:
        return act.fn(z)
    alpha, lam = act.selu_params
    neg = np.minimum(z, 0)
    np.expm1(neg, out=neg)
    neg *= lam * alpha
    np.maximum(z, 0, out=z)
    z *= lam
    z += neg
    return z


def _predict(act: Activation, mu: float | None, nu: float | None, omega: float, tau: float,
             drop: Callable[[Any, Any], tuple[Any, Any]]) -> tuple[float | None, float | None]:
    """One step of ``g`` (then the alpha-dropout moment map) in plain floats."""
    if mu is None or nu is None or not (nu >= 0 and math.isfinite(mu) and math.isfinite(nu)):
        return None, None
    if nu == 0.0:  # the closed forms divide by v; a point mass maps to a point mass
        val = float(act.fn(np.float64(mu * omega)))
        return drop(val, 0.0)
    with np.errstate(all="ignore"):
        m, v = act.moments(mu * omega, nu * tau)
        m, v = drop(float(m), float(v))
    m, v = float(m), float(v)
    return (m, v) if math.isfinite(m) and math.isfinite(v) else (None, None)


def _iterate_fixed_point(act: Activation, omega: float, tau: float,
                         steps: int = 2000) -> tuple[float, float] | None:
    """Float fixed point of ``g`` by plain iteration (used only when ``certify=False``)."""
    mu, nu = 0.0, 1.0
    for _ in range(steps):
        m, v = act.moments(mu * omega, nu * tau)
        m, v = float(m), float(v)
        if abs(m - mu) + abs(v - nu) < 1e-15:
            return m, v
        mu, nu = m, v
    return None
