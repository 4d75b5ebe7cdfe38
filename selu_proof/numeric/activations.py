"""Activation functions as vectorized numpy functions (the finite twins of the moment maps).

SELU (paper Eq. (2)) and three comparison activations share one interface:
``f(x, **params) -> ndarray`` and ``f_derivative(x, **params) -> ndarray``, with
the input's floating dtype preserved (float32 in, float32 out).  Each is also
described by an :class:`Activation` record that says whether, and how, the
analytic moment map ``g`` of :mod:`selu_proof.backends` predicts its moments:

* ``selu`` -- ``g`` itself (any ``alpha``, ``lambda``);
* ``elu``  -- ELU is SELU with ``lambda = 1`` (``alpha`` kept), so ``g`` at ``lambda = 1``;
* ``relu`` -- ReLU is SELU with ``lambda = 1, alpha = 0``; the closed forms allow ``alpha = 0``;
* ``tanh`` -- no closed form; its moments are Gauss-Hermite quadrature
  (:func:`gaussian_moments`), a generic numerical expectation, not a formula.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from selu_proof.backends import moments
from selu_proof.kernel.constants import ALPHA_01, LAMBDA_01

__all__ = ["selu", "selu_derivative", "elu", "elu_derivative", "relu", "relu_derivative",
           "tanh", "tanh_derivative", "Activation", "ACTIVATIONS", "get_activation",
           "gaussian_moments", "celu", "celu_derivative", "leaky_relu",
           "leaky_relu_derivative", "gelu", "gelu_derivative", "silu", "silu_derivative",
           "softplus", "softplus_derivative", "mish", "mish_derivative", "FLOAT_TWINS",
           "float_twin", "float_params", "catalogue_activation"]


def _as_float(x: ArrayLike) -> NDArray[np.floating]:
    arr = np.asarray(x)
    if not np.issubdtype(arr.dtype, np.floating):
        arr = arr.astype(np.float64)
    return arr


def selu(x: ArrayLike, alpha: float = ALPHA_01, scale: float = LAMBDA_01) -> NDArray[np.floating]:
    r"""Scaled exponential linear unit (paper Eq. (2)).

    .. math:: \mathrm{selu}(x) = \lambda x \ (x > 0), \qquad
              \lambda\alpha\,(e^x - 1) \ (x \le 0)

    The negative branch uses ``expm1``, so tiny negative inputs keep their full
    relative precision (``selu(-1e-300) = -lambda*alpha*1e-300``, not ``0``),
    and ``selu(-0.0)`` is ``-0.0``.  Computed as ``(lambda*alpha)*expm1(x)``:
    two roundings plus the ``expm1`` error, within two ulps of the exact value.

    Parameters
    ----------
    x : array_like
        Input; float32 stays float32, integers become float64.
    alpha, scale : float
        ``alpha`` and ``lambda``; the defaults are ``alpha_01``, ``lambda_01``
        (the fixed point ``(0, 1)`` at ``omega = 0, tau = 1``).

    Examples
    --------
    >>> selu([1.0, 0.0, -1e-300])
    array([ 1.05070099e+000,  0.00000000e+000, -1.75809934e-300])
    >>> float(selu(-50.0))  # saturation value -lambda*alpha
    -1.7580993408473766
    """
    arr = _as_float(x)
    pos = arr > 0
    neg = np.expm1(np.where(pos, 0, arr))  # keeps the sign of -0.0
    neg *= scale * alpha
    return np.where(pos, scale * arr, neg)


def selu_derivative(x: ArrayLike, alpha: float = ALPHA_01,
                    scale: float = LAMBDA_01) -> NDArray[np.floating]:
    """Derivative of :func:`selu`: ``lambda`` for ``x > 0``, ``lambda*alpha*exp(x)`` for ``x <= 0``.

    At the kink ``x = 0`` the left derivative ``lambda*alpha`` is returned.

    >>> selu_derivative([2.0, -1e9])
    array([1.05070099, 0.        ])
    """
    arr = _as_float(x)
    neg = np.exp(np.minimum(arr, 0))
    neg *= scale * alpha
    return np.where(arr > 0, np.asarray(scale, dtype=arr.dtype), neg)


def elu(x: ArrayLike, alpha: float = 1.0, scale: float = 1.0) -> NDArray[np.floating]:
    """Exponential linear unit ``x`` (``x > 0``), ``alpha*(e^x - 1)`` (``x <= 0``).

    ELU is :func:`selu` with ``lambda = 1`` (``scale`` is accepted for the
    common interface and defaults to 1).

    >>> elu([-1e-300, 1.5])
    array([-1.0e-300,  1.5e+000])
    """
    return selu(x, alpha=alpha, scale=scale)


def elu_derivative(x: ArrayLike, alpha: float = 1.0, scale: float = 1.0) -> NDArray[np.floating]:
    """Derivative of :func:`elu` (left derivative at 0)."""
    return selu_derivative(x, alpha=alpha, scale=scale)


def relu(x: ArrayLike) -> NDArray[np.floating]:
    """Rectified linear unit ``max(x, 0)``; equals :func:`selu` with ``lambda = 1, alpha = 0``.

    >>> relu([-2.0, 3.0])
    array([0., 3.])
    """
    arr = _as_float(x)
    return np.maximum(arr, 0)


def relu_derivative(x: ArrayLike) -> NDArray[np.floating]:
    """Derivative of :func:`relu`: ``1`` for ``x > 0``, else ``0``."""
    arr = _as_float(x)
    return (arr > 0).astype(arr.dtype)


def tanh(x: ArrayLike) -> NDArray[np.floating]:
    """Hyperbolic tangent (a saturating comparison activation without self-normalization).

    >>> tanh([0.0])
    array([0.])
    """
    return np.tanh(_as_float(x))


def tanh_derivative(x: ArrayLike) -> NDArray[np.floating]:
    """Derivative ``1 - tanh(x)**2``."""
    t = np.tanh(_as_float(x))
    return 1 - t * t


def celu(x: ArrayLike, alpha: float = 1.0) -> NDArray[np.floating]:
    """``x`` (``x > 0``), ``alpha*(exp(x/alpha) - 1)`` (``x <= 0``), via ``expm1``.

    >>> celu([-1e-300, 2.0], alpha=2.0)
    array([-1.e-300,  2.e+000])
    """
    arr = _as_float(x)
    return np.where(arr > 0, arr, alpha * np.expm1(np.minimum(arr, 0) / alpha))


def celu_derivative(x: ArrayLike, alpha: float = 1.0) -> NDArray[np.floating]:
    """Derivative of :func:`celu`: ``1`` (``x > 0``), ``exp(x/alpha)`` (``x <= 0``)."""
    arr = _as_float(x)
    return np.where(arr > 0, np.ones_like(arr), np.exp(np.minimum(arr, 0) / alpha))


def leaky_relu(x: ArrayLike, slope: float = 0.01) -> NDArray[np.floating]:
    """``x`` (``x > 0``), ``slope*x`` (``x <= 0``)."""
    arr = _as_float(x)
    return np.where(arr > 0, arr, slope * arr)


def leaky_relu_derivative(x: ArrayLike, slope: float = 0.01) -> NDArray[np.floating]:
    """Derivative of :func:`leaky_relu` (left derivative at 0)."""
    arr = _as_float(x)
    return np.where(arr > 0, np.ones_like(arr), np.full_like(arr, slope))


def _cdf(x: NDArray[np.floating]) -> NDArray[np.floating]:
    from scipy.special import erfc

    return erfc(-x / np.sqrt(2)) / 2


def gelu(x: ArrayLike) -> NDArray[np.floating]:
    """Gaussian error linear unit ``x*Phi(x)`` (erf form).

    >>> round(float(gelu(1.0)), 12)
    0.841344746069
    """
    arr = _as_float(x)
    return arr * _cdf(arr)


def gelu_derivative(x: ArrayLike) -> NDArray[np.floating]:
    """``Phi(x) + x*phi(x)``."""
    arr = _as_float(x)
    return _cdf(arr) + arr * np.exp(-arr * arr / 2) / np.sqrt(2 * np.pi)


def _sigmoid(u: NDArray[np.floating]) -> NDArray[np.floating]:
    from scipy.special import expit

    return expit(u)


def silu(x: ArrayLike, beta: float = 1.0) -> NDArray[np.floating]:
    """Sigmoid linear unit / swish ``x*sigmoid(beta*x)``.

    >>> round(float(silu(1.0)), 12)
    0.73105857863
    """
    arr = _as_float(x)
    return arr * _sigmoid(beta * arr)


def silu_derivative(x: ArrayLike, beta: float = 1.0) -> NDArray[np.floating]:
    """``s + beta*x*s*(1 - s)``, ``s = sigmoid(beta*x)``."""
    arr = _as_float(x)
    s = _sigmoid(beta * arr)
    return s + beta * arr * s * (1 - s)


def softplus(x: ArrayLike) -> NDArray[np.floating]:
    """``log(1 + e^x)``, computed as ``max(x, 0) + log1p(e^-|x|)``.

    >>> round(float(softplus(0.0)), 12)
    0.69314718056
    """
    arr = _as_float(x)
    return np.maximum(arr, 0) + np.log1p(np.exp(-np.abs(arr)))


def softplus_derivative(x: ArrayLike) -> NDArray[np.floating]:
    """The logistic sigmoid."""
    return _sigmoid(_as_float(x))


def mish(x: ArrayLike) -> NDArray[np.floating]:
    """``x*tanh(softplus(x))``.

    >>> round(float(mish(1.0)), 12)
    0.865098388267
    """
    arr = _as_float(x)
    return arr * np.tanh(softplus(arr))


def mish_derivative(x: ArrayLike) -> NDArray[np.floating]:
    """``tanh(sp) + x*(1 - tanh(sp)**2)*sigmoid(x)``, ``sp = softplus(x)``."""
    arr = _as_float(x)
    t = np.tanh(softplus(arr))
    return t + arr * (1 - t * t) * _sigmoid(arr)


def _selu_twin(x: ArrayLike, alpha: float, **kw: float) -> NDArray[np.floating]:
    return selu(x, alpha, kw["lambda"])


def _selu_twin_derivative(x: ArrayLike, alpha: float, **kw: float) -> NDArray[np.floating]:
    return selu_derivative(x, alpha, kw["lambda"])


#: the hand-written float twins kept for the kernel catalogue
#: (:mod:`selu_proof.kernel.activations`): name -> (f, f'), each taking the catalogue's
#: parameters as float keywords.  Every other entry's twin is read off its formula's tree
#: (:func:`selu_proof.numeric.formula_twin.numpy_twin`); these five are kept because
#: ``benchmarks/bench_twins.py`` measured them clearly faster (f and f' on 10^6 float64
#: points, time of the tree's twin over the hand-written one: selu 1.50, relu 10.9, gelu
#: 1.64, silu 1.90, mish 1.59; elu 0.80, celu 1.03, leaky_relu 0.81, tanh 1.39 and softplus
#: 1.20 use the tree's), and ``tests/test_formula_everywhere.py`` checks that they agree
#: with the tree's twin, far tails and kinks included.
FLOAT_TWINS: dict[str, tuple[Callable[..., NDArray[np.floating]],
                             Callable[..., NDArray[np.floating]]]] = {
    "selu": (_selu_twin, _selu_twin_derivative),
    "relu": (relu, relu_derivative),
    "gelu": (gelu, gelu_derivative),
    "silu": (silu, silu_derivative),
    "mish": (mish, mish_derivative),
}


def float_params(act: Any) -> dict[str, float]:
    """The parameters of a kernel catalogue activation as floats (kernel constants too)."""
    out = {}
    for k, v in act.params.items():
        if isinstance(v, str):
            out[k] = {"alpha_01": ALPHA_01, "lambda_01": LAMBDA_01}[v]
        else:
            out[k] = float(v)
    return out


def float_twin(act: Any) -> tuple[Callable[[ArrayLike], NDArray[np.floating]],
                                  Callable[[ArrayLike], NDArray[np.floating]]]:
    """``(f, f')`` in floats for a kernel activation, parameters bound: read off the
    formula's tree (:func:`selu_proof.numeric.formula_twin.numpy_twin`), or the hand-written
    numpy functions of :data:`FLOAT_TWINS` for the entries where those are faster.

    >>> from selu_proof.kernel.activations import parse_activation
    >>> f, df = float_twin(parse_activation("elu:alpha=2"))
    >>> float(f(-1e9)), float(df(1.0))
    (-2.0, 1.0)
    """
    if act.name not in FLOAT_TWINS or act.tree is None:
        from selu_proof.numeric.formula_twin import numpy_twin

        return numpy_twin(act)  # read off the formula's tree
    fn, dfn = FLOAT_TWINS[act.name]
    p = float_params(act)
    return (lambda x: fn(x, **p)), (lambda x: dfn(x, **p))


@dataclass(frozen=True)
class Activation:
    """An activation together with how its Gaussian moments are predicted.

    Attributes
    ----------
    name : str
        ``"selu"``, ``"elu"``, ``"relu"`` or ``"tanh"``.
    fn, derivative : callable
        ``x -> f(x)`` and ``x -> f'(x)`` with the parameters bound.
    selu_params : tuple of float or None
        ``(alpha, lambda)`` if the activation is a SELU with these parameters, so
        that the closed-form map ``g`` applies; ``None`` otherwise.
    saturation : float
        ``lim f(x)`` for ``x -> -inf`` (``-lambda*alpha`` for a SELU); the value
        alpha dropout assigns to dropped units.
    catalogue : tuple or None
        ``(spec, normalize)``: the kernel catalogue activation (and its
        normalization, ``"affine"`` or ``None``) this is the float twin of, whose
        mean field is certified by quadrature
        (:func:`selu_proof.meanfield.activation.activation_fixed_point`);
        ``None`` for the SELU family, whose map ``g`` has closed forms.
    """

    name: str
    fn: Callable[[Any], NDArray[np.floating]]
    derivative: Callable[[Any], NDArray[np.floating]]
    selu_params: tuple[float, float] | None
    saturation: float
    params: dict[str, float] = field(default_factory=dict)
    catalogue: tuple[str, str | None] | None = None

    def __call__(self, x: ArrayLike) -> NDArray[np.floating]:
        """Apply the activation."""
        return self.fn(x)

    def moments(self, a: ArrayLike, v: ArrayLike) -> tuple[Any, Any]:
        """``(E f(z), Var f(z))`` for ``z ~ N(a, v)`` (the map ``g`` in reduced variables).

        SELU-family activations use the closed forms generated from
        :mod:`selu_proof.derive.symbolic` (paper Eq. (4)-(5)); ``tanh`` uses
        :func:`gaussian_moments`.
        """
        if self.selu_params is not None:
            alpha, lam = self.selu_params
            m, _, var = moments(np.asarray(a, dtype=float), np.asarray(v, dtype=float),
                                alpha, lam)
            return m, var
        return gaussian_moments(self.fn, a, v)


def get_activation(name: str, alpha: float | None = None,
                   scale: float | None = None) -> Activation:
    """The :class:`Activation` called ``name`` with optional SELU/ELU parameters.

    ``alpha`` and ``scale`` apply to ``selu`` (defaults ``alpha_01``,
    ``lambda_01``) and ``elu`` (defaults 1, 1); ``relu`` and ``tanh`` take none.

    >>> get_activation("relu").selu_params
    (0.0, 1.0)
    >>> get_activation("selu").saturation
    -1.7580993408473766
    """
    if name in ("selu", "elu"):
        a0, s0 = (ALPHA_01, LAMBDA_01) if name == "selu" else (1.0, 1.0)
        al = a0 if alpha is None else float(alpha)
        sc = s0 if scale is None else float(scale)
        base, deriv = (selu, selu_derivative) if name == "selu" else (elu, elu_derivative)
        return Activation(name, lambda x: base(x, al, sc), lambda x: deriv(x, al, sc),
                          (al, sc), -sc * al, {"alpha": al, "scale": sc})
    if alpha is not None or scale is not None:
        raise ValueError(f"{name} takes no alpha/scale parameters")
    if name == "relu":
        return Activation("relu", relu, relu_derivative, (0.0, 1.0), 0.0,
                          catalogue=("relu", None))
    if name == "tanh":
        return Activation("tanh", tanh, tanh_derivative, None, -1.0,
                          catalogue=("tanh", None))
    return catalogue_activation(name)


def catalogue_activation(spec: str, normalize: str | None = None) -> Activation:
    """The float twin of a kernel catalogue activation ``NAME[:key=value,...]``.

    With ``normalize="affine"`` it is ``lambda*(f - beta)`` with the float values of the
    certified constants (:func:`selu_proof.fixedpoint.normalization.normalize`).  Its
    moments are Gauss-Hermite quadrature (:func:`gaussian_moments`), a float estimate.

    >>> act = catalogue_activation("gelu", normalize="affine")
    >>> m, var = act.moments(0.0, 1.0)
    >>> abs(float(m)) < 1e-9, abs(float(var) - 1) < 1e-9
    (True, True)
    """
    from selu_proof.kernel.activations import ActivationError, parse_activation

    try:
        act = parse_activation(spec)
    except ActivationError as exc:
        raise ValueError(str(exc)) from None
    f, df = float_twin(act)
    name = act.spec
    if normalize is not None:
        from selu_proof.fixedpoint.normalization import normalize as norm

        consts = norm(act, normalize, digits=17).constants
        lam, beta = (float(consts[k].mid()) for k in ("lambda", "beta"))
        f0, df0 = f, df
        f = lambda x: lam * (f0(x) - beta)  # noqa: E731
        df = lambda x: lam * df0(x)  # noqa: E731
        name = f"{name} (affine-normalized)"
    return Activation(name, f, df, None, float(f(-50.0)), catalogue=(act.spec, normalize))


#: names accepted by :func:`get_activation`
ACTIVATIONS: tuple[str, ...] = ("selu", "elu", "relu", "tanh")


def gaussian_moments(fn: Callable[[Any], Any], a: ArrayLike, v: ArrayLike,
                     nodes: int = 160) -> tuple[Any, Any]:
    r"""Mean and variance of ``fn(z)``, ``z ~ N(a, v)``, by Gauss-Hermite quadrature.

    .. math:: E f(z) \approx \pi^{-1/2}\sum_k w_k f(a + \sqrt{2v}\,x_k)

    A generic numerical expectation (no closed form is typed): accurate to near
    machine precision for smooth ``fn`` such as ``tanh`` (which is analytic in a
    strip), only algebraically convergent for the SELU kink -- use the closed
    forms for the SELU family.

    >>> m, var = gaussian_moments(np.tanh, 0.0, 1.0)
    >>> abs(float(m)) < 1e-15, round(float(var), 10)
    (True, 0.3942944904)
    """
    x, w = np.polynomial.hermite.hermgauss(nodes)
    a_ = np.asarray(a, dtype=float)[..., None]
    s = np.sqrt(2 * np.asarray(v, dtype=float))[..., None]
    vals = np.asarray(fn(a_ + s * x), dtype=float)
    m = (vals * w).sum(axis=-1) / np.sqrt(np.pi)
    second = (vals * vals * w).sum(axis=-1) / np.sqrt(np.pi)
    return m, second - m * m
