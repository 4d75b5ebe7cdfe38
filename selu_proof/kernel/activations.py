"""The activation catalogue: what a rigorous Gaussian integrator needs to know about ``f``.

Trusted.  Each entry is defined once, here, by

* its **pieces**: the open intervals between the kinks (fixed ``x``, so they do not move
  when the Gaussian's mean and variance are balls), each with a holomorphic extension of
  ``f`` and ``f'`` as complex-ball functions ``(x: acb, analytic: bool) -> acb``.  They
  follow python-flint's :meth:`acb.integral` convention: meromorphic pieces (``tanh``,
  the logistic sigmoid) return non-finite balls at their complex poles by themselves;
  a piece with a branch cut (``softplus``) checks the ``analytic`` flag and returns a
  non-finite ball where it is not holomorphic, so the integrator subdivides instead of
  guessing;
* a proved **growth bound** ``|f(x)| <= A + B|x|`` and ``|f'(x)| <= A' + B'|x|`` for real
  ``|x| >= T`` (:class:`Growth`; each derivation is a comment at the entry), which bounds
  the truncated Gaussian tails.

Parameters are exact decimals (``NAME:key=value,...``, :func:`parse_activation`); the
SELU defaults are the balls ``alpha_01``, ``lambda_01`` of :mod:`selu_proof.kernel.constants`.
Float (numpy) twins live in :mod:`selu_proof.numeric.activations`, torch twins in
:mod:`selu_proof.torch.activations`; both are tested against the ball values here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from fractions import Fraction

from flint import acb, arb, ctx

from selu_proof.kernel.constants import constant_balls
from selu_proof.kernel.exact import ball, fraction_str, parse_decimal

__all__ = ["Growth", "Piece", "CatalogueActivation", "CATALOGUE", "ALIASES", "parse_activation",
           "make_activation", "ActivationError"]

Fn = Callable[[acb, bool], acb]


class ActivationError(ValueError):
    """An unknown activation or parameter, or a parameter outside its range."""


@dataclass(frozen=True)
class Growth:
    r"""A proved polynomial growth bound of a function ``h`` on the real line.

    .. math:: |h(x)| \le \sum_k c_k |x|^k \qquad (x \in \mathbb{R},\ |x| \ge T)

    Attributes
    ----------
    threshold : Fraction
        ``T``.
    coeffs : tuple of Fraction
        ``c_0, c_1, ...``, all ``>= 0``.
    """

    threshold: Fraction
    coeffs: tuple[Fraction, ...]

    def __post_init__(self) -> None:
        if self.threshold < 0 or any(c < 0 for c in self.coeffs):
            raise ValueError("a growth bound has T >= 0 and non-negative coefficients")

    def times(self, other: Growth) -> Growth:
        """The bound of a product ``h1*h2`` (coefficients convolved, ``T`` the larger)."""
        out = [Fraction(0)] * (len(self.coeffs) + len(other.coeffs) - 1)
        for i, c in enumerate(self.coeffs):
            for j, d in enumerate(other.coeffs):
                out[i + j] += c * d
        return Growth(max(self.threshold, other.threshold), tuple(out))

    def at(self, x: arb) -> arb:
        """The bound's value ``sum c_k |x|^k`` as a ball."""
        ax = abs(x)
        total = arb(0)
        for c in reversed(self.coeffs):
            total = total * ax + ball(c)
        return total


def _g(a: Fraction | int, b: Fraction | int) -> Growth:
    """``|h(x)| <= a + b|x|`` for every real ``x`` (``T = 0``)."""
    return Growth(Fraction(0), (Fraction(a), Fraction(b)))


@dataclass(frozen=True)
class Piece:
    """``f`` and ``f'`` on the open interval ``(lo, hi)`` (``None``: unbounded)."""

    lo: Fraction | None
    hi: Fraction | None
    value: Fn
    derivative: Fn


@dataclass(frozen=True)
class CatalogueActivation:
    """A catalogue activation with its parameters bound.

    Attributes
    ----------
    name : str
        Catalogue name (aliases resolved, e.g. ``swish`` -> ``silu``).
    params : Mapping[str, Fraction | str]
        Parameter name -> exact value (:class:`~fractions.Fraction`) or the name of a
        kernel constant (``"alpha_01"``, ``"lambda_01"``).
    pieces : tuple of Piece
        Ordered, covering the real line; consecutive pieces meet at a kink.
    growth, derivative_growth : Growth
        Proved bounds on ``|f|`` and ``|f'|``.
    odd : bool
        ``f(-x) = -f(x)`` exactly (so ``E f(z) = 0`` for ``z ~ N(0, v)``).
    spec : str
        ``NAME:key=value,...`` with every parameter, as :func:`parse_activation` reads it.
    """

    name: str
    params: Mapping[str, Fraction | str]
    pieces: tuple[Piece, ...]
    growth: Growth
    derivative_growth: Growth
    odd: bool = False
    spec: str = field(default="", compare=False)

    @property
    def zero_mean(self) -> bool:
        """Whether ``E f(z) = 0`` exactly, ``z ~ N(0, 1)`` (odd ``f``, or SELU at ``alpha_01``)."""
        return self.odd or (self.name == "selu" and self.params.get("alpha") == "alpha_01")

    @property
    def kinks(self) -> tuple[Fraction, ...]:
        """The points where consecutive pieces meet (kinks of ``f``; for smooth activations
        the points where the integrator is helped by a split: ``0``, where the numerically
        stable form of the formula changes, or ``-2`` and ``2`` for GELU).
        """
        return tuple(p.hi for p in self.pieces[:-1])  # type: ignore[misc]

    def value(self, x: arb) -> arb:
        """``f(x)`` for a real ball ``x`` inside one piece (at a kink: the left piece)."""
        return self._eval(x, derivative=False)

    def derivative(self, x: arb) -> arb:
        """``f'(x)`` for a real ball ``x`` inside one piece (at a kink: the left piece)."""
        return self._eval(x, derivative=True)

    def _eval(self, x: arb, derivative: bool) -> arb:
        for p in self.pieces:
            if p.hi is None or x <= ball(p.hi):
                if p.lo is not None and not x >= ball(p.lo):
                    raise ValueError("point ball straddles a kink of the activation")
                fn = p.derivative if derivative else p.value
                return fn(acb(x), False).real
        raise AssertionError("pieces cover the real line")


# ---------------------------------------------------------------------------------------
# parameters


@dataclass(frozen=True)
class _Param:
    default: str  # an exact decimal or a kernel constant's name
    check: Callable[[Fraction], bool]
    meaning: str  # the allowed range, for the error message


_CONSTANTS = ("alpha_01", "lambda_01")


def _value(p: Fraction | str) -> arb:
    """The ball of a parameter at the working precision."""
    if isinstance(p, str):
        alpha, lam = constant_balls(ctx.prec)
        return alpha if p == "alpha_01" else lam
    return ball(p)


def _balls(params: Mapping[str, Fraction | str], *names: str) -> Callable[[], tuple[arb, ...]]:
    """Parameter balls, recomputed only when the working precision changes."""
    cache: dict[int, tuple[arb, ...]] = {}

    def get() -> tuple[arb, ...]:
        got = cache.get(ctx.prec)
        if got is None:
            got = cache[ctx.prec] = tuple(_value(params[n]) for n in names)
        return got
    return get


def _upper(p: Fraction | str) -> Fraction:
    """An exact upper bound of a parameter (kernel constants: a decimal above them)."""
    return {"alpha_01": Fraction(16733, 10000), "lambda_01": Fraction(10508, 10000)}[p] \
        if isinstance(p, str) else p


def _positive(q: Fraction) -> bool:
    return 0 < q <= 1000


def _nonneg(q: Fraction) -> bool:
    return 0 <= q <= 1000


def _bounded(q: Fraction) -> bool:
    return -1000 <= q <= 1000


def _beta(q: Fraction) -> bool:
    return 0 < q <= 100


# ---------------------------------------------------------------------------------------
# the entries (f, f' and their growth bounds; every bound below holds for all real x, T = 0)

_ZERO: Fn = lambda x, _: acb(0)  # noqa: E731
_ONE: Fn = lambda x, _: acb(1)  # noqa: E731


def _selu(params: Mapping[str, Fraction | str]) -> tuple[tuple[Piece, ...], Growth, Growth]:
    # selu(x) = lambda*x (x > 0), lambda*alpha*(e^x - 1) (x <= 0), alpha >= 0, lambda > 0.
    # x <= 0: |e^x - 1| <= 1, so |f| <= lambda*alpha; x > 0: |f| = lambda*|x|.
    #   => |f| <= lambda*alpha + lambda*|x|.
    # f' = lambda*alpha*e^x <= lambda*alpha (x <= 0), lambda (x > 0)
    #   => |f'| <= lambda*max(1, alpha).
    get = _balls(params, "alpha", "lambda")
    la, lam = _upper(params["alpha"]), _upper(params["lambda"])

    def neg(x: acb, _: bool) -> acb:
        alpha, lam_ = get()
        return (lam_ * alpha) * x.expm1()

    def dneg(x: acb, _: bool) -> acb:
        alpha, lam_ = get()
        return (lam_ * alpha) * x.exp()

    def pos(x: acb, _: bool) -> acb:
        return get()[1] * x

    def dpos(x: acb, _: bool) -> acb:
        return acb(get()[1])

    pieces = (Piece(None, Fraction(0), neg, dneg), Piece(Fraction(0), None, pos, dpos))
    return pieces, _g(lam * la, lam), _g(lam * max(1, la), 0)


def _elu(params: Mapping[str, Fraction | str]) -> tuple[tuple[Piece, ...], Growth, Growth]:
    # elu = selu with lambda = 1: |f| <= alpha + |x|, |f'| <= max(1, alpha).
    return _selu({"alpha": params["alpha"], "lambda": Fraction(1)})


def _celu(params: Mapping[str, Fraction | str]) -> tuple[tuple[Piece, ...], Growth, Growth]:
    # celu(x) = x (x > 0), alpha*(exp(x/alpha) - 1) (x <= 0), alpha > 0.
    # x <= 0: |alpha*(e^{x/alpha} - 1)| <= alpha => |f| <= alpha + |x|;
    # f' = e^{x/alpha} <= 1 (x <= 0), 1 (x > 0) => |f'| <= 1.
    get = _balls(params, "alpha")

    def neg(x: acb, _: bool) -> acb:
        (alpha,) = get()
        return alpha * (x / alpha).expm1()

    def dneg(x: acb, _: bool) -> acb:
        return (x / get()[0]).exp()

    pieces = (Piece(None, Fraction(0), neg, dneg), Piece(Fraction(0), None, lambda x, _: x, _ONE))
    return pieces, _g(_upper(params["alpha"]), 1), _g(1, 0)


def _relu(params: Mapping[str, Fraction | str]) -> tuple[tuple[Piece, ...], Growth, Growth]:
    # relu(x) = max(x, 0): |f| <= |x|, |f'| <= 1.
    pieces = (Piece(None, Fraction(0), _ZERO, _ZERO),
              Piece(Fraction(0), None, lambda x, _: x, _ONE))
    return pieces, _g(0, 1), _g(1, 0)


def _leaky_relu(params: Mapping[str, Fraction | str]) -> tuple[tuple[Piece, ...], Growth, Growth]:
    # x (x > 0), slope*x (x <= 0): |f| <= max(1, |slope|)*|x|, |f'| <= max(1, |slope|).
    get = _balls(params, "slope")
    m = max(Fraction(1), abs(_upper(params["slope"])))
    pieces = (Piece(None, Fraction(0), lambda x, _: get()[0] * x, lambda x, _: acb(get()[0])),
              Piece(Fraction(0), None, lambda x, _: x, _ONE))
    return pieces, _g(0, m), _g(m, 0)


def _halves(neg: Fn, dneg: Fn, pos: Fn, dpos: Fn) -> tuple[Piece, ...]:
    """A smooth activation as two pieces meeting at ``0``: not a kink, but where its
    numerically stable form changes (``e^x`` small on the left, ``e^-x`` on the right), which
    keeps the ball evaluations on the integrator's ellipses tight.
    """
    return (Piece(None, Fraction(0), neg, dneg), Piece(Fraction(0), None, pos, dpos))


def _gelu(params: Mapping[str, Fraction | str]) -> tuple[tuple[Piece, ...], Growth, Growth]:
    # gelu(x) = x*Phi(x), Phi(x) = erfc(-x/sqrt 2)/2 in [0, 1] => |f| <= |x|.
    # f' = Phi(x) + x*phi(x); |x*phi(x)| <= phi(1) = e^{-1/2}/sqrt(2 pi) < 1/4 (max at |x| = 1)
    #   => |f'| <= 5/4.  Entire.
    def cdf(x: acb) -> acb:
        return (-x / arb(2).sqrt()).erfc() / 2

    def value(x: acb, _: bool) -> acb:
        return x * cdf(x)

    def deriv(x: acb, _: bool) -> acb:
        return cdf(x) + x * (-(x * x) / 2).exp() / (2 * arb.pi()).sqrt()

    # entire; split at -2 and 2 (not kinks): fewer integrand evaluations (about 20%
    # measured) where Phi turns from its Gaussian tail to 1
    cuts = (None, Fraction(-2), Fraction(2), None)
    pieces = tuple(Piece(lo, hi, value, deriv) for lo, hi in zip(cuts, cuts[1:]))
    return pieces, _g(0, 1), _g(Fraction(5, 4), 0)


def _sigmoid_neg(y: acb) -> acb:
    """Logistic ``e^y/(1 + e^y)``, tight for ``Re y <= 0`` (poles give non-finite balls)."""
    e = y.exp()
    return e / (1 + e)


def _sigmoid_pos(y: acb) -> acb:
    """Logistic ``1/(1 + e^{-y})``, tight for ``Re y >= 0``."""
    return 1 / (1 + (-y).exp())


def _silu(params: Mapping[str, Fraction | str]) -> tuple[tuple[Piece, ...], Growth, Growth]:
    # silu(x) = x*s(beta*x), s the logistic function, 0 < s < 1 => |f| <= |x|.
    # f' = s(u) + u*s(u)*s(-u), u = beta*x; |u|*s(u)*s(-u) <= |u|*e^{-|u|} <= 1/e < 1/2
    #   (s(-|u|) <= e^{-|u|}, s <= 1) => |f'| <= 3/2.  Poles at u = i*pi*(2k+1).
    get = _balls(params, "beta")

    def half(sig: Callable[[acb], acb]) -> tuple[Fn, Fn]:
        def value(x: acb, _: bool) -> acb:
            return x * sig(get()[0] * x)

        def deriv(x: acb, _: bool) -> acb:
            u = get()[0] * x
            s = sig(u)
            return s + u * s * (1 - s)
        return value, deriv

    return _halves(*half(_sigmoid_neg), *half(_sigmoid_pos)), _g(0, 1), _g(Fraction(3, 2), 0)


def _mish(params: Mapping[str, Fraction | str]) -> tuple[tuple[Piece, ...], Growth, Growth]:
    # mish(x) = x*tanh(softplus(x)) = x*r(x), r = n/(n + 2) = 1 - 2/(n + 2), n = w^2 + 2w, w = e^x
    # (tanh(log(1 + w)) = ((1 + w)^2 - 1)/((1 + w)^2 + 1)): meromorphic, no branch cut.
    # Right of 0, with u = e^{-x}: r = 1 - 2u^2/(1 + 2u + 2u^2), r' = 4u^2(1 + u)/(1 + 2u + 2u^2)^2.
    # Real x: 0 < r < 1 => |f| <= |x|.  f' = r + x*r', r' = 4w(w + 1)/(n + 2)^2 > 0.
    #   x >= 0: n + 2 >= w^2, w + 1 <= 2w => r' <= 8/w^2 = 8e^{-2x}, x*r' <= 8/(2e) < 3/2;
    #   x < 0:  n + 2 >= 2, w + 1 <= 2 => r' <= 2w, |x|*r' <= 2|x|e^{x} <= 2/e < 1.
    #   => |f'| <= 1 + 3/2 = 5/2.
    def neg_parts(x: acb) -> tuple[acb, acb]:
        w = x.exp()
        d = w * (w + 2) + 2
        return 1 - 2 / d, 4 * w * (w + 1) / (d * d)

    def pos_parts(x: acb) -> tuple[acb, acb]:
        u = (-x).exp()
        u2 = u * u
        d = 1 + 2 * u + 2 * u2
        return 1 - 2 * u2 / d, 4 * u2 * (1 + u) / (d * d)

    def half(parts: Callable[[acb], tuple[acb, acb]]) -> tuple[Fn, Fn]:
        def value(x: acb, _: bool) -> acb:
            return x * parts(x)[0]

        def deriv(x: acb, _: bool) -> acb:
            r, dr = parts(x)
            return r + x * dr
        return value, deriv

    return _halves(*half(neg_parts), *half(pos_parts)), _g(0, 1), _g(Fraction(5, 2), 0)


def _tanh(params: Mapping[str, Fraction | str]) -> tuple[tuple[Piece, ...], Growth, Growth]:
    # |tanh| <= 1, 0 < tanh' = 1 - tanh^2 <= 1.  Poles at i*pi*(k + 1/2).
    def deriv(x: acb, _: bool) -> acb:
        t = x.tanh()
        return 1 - t * t

    def value(x: acb, _: bool) -> acb:
        return x.tanh()

    return _halves(value, deriv, value, deriv), _g(1, 0), _g(1, 0)


def _softplus(params: Mapping[str, Fraction | str]) -> tuple[tuple[Piece, ...], Growth, Growth]:
    # softplus(x) = log(1 + e^x) = x + log(1 + e^{-x}) in (0, log 2 + max(x, 0)]
    #   (1 + e^x <= 2e^{max(x,0)}) => |f| <= 1 + |x|.  f' = s(x) in (0, 1).
    # log has a branch cut: checked via `analytic` (non-finite where it may be touched).
    def neg(x: acb, analytic: bool) -> acb:
        return (1 + x.exp()).log(analytic=analytic)

    def pos(x: acb, analytic: bool) -> acb:
        return x + (1 + (-x).exp()).log(analytic=analytic)

    pieces = _halves(neg, lambda x, _: _sigmoid_neg(x), pos, lambda x, _: _sigmoid_pos(x))
    return pieces, _g(1, 1), _g(1, 0)


@dataclass(frozen=True)
class _Entry:
    build: Callable[[Mapping[str, Fraction | str]], tuple[tuple[Piece, ...], Growth, Growth]]
    params: Mapping[str, _Param]
    odd: bool = False
    summary: str = ""


_ALPHA = _Param("1", _nonneg, "0 <= alpha <= 1000")

#: name -> entry; parameters with their defaults and allowed ranges
CATALOGUE: dict[str, _Entry] = {
    "selu": _Entry(_selu, {"alpha": _Param("alpha_01", _nonneg, "0 <= alpha <= 1000"),
                           "lambda": _Param("lambda_01", _positive, "0 < lambda <= 1000")},
                   summary="lambda*x (x>0), lambda*alpha*(e^x-1) (x<=0)"),
    "elu": _Entry(_elu, {"alpha": _ALPHA}, summary="x (x>0), alpha*(e^x-1) (x<=0)"),
    "celu": _Entry(_celu, {"alpha": _Param("1", _positive, "0 < alpha <= 1000")},
                   summary="x (x>0), alpha*(e^(x/alpha)-1) (x<=0)"),
    "relu": _Entry(_relu, {}, summary="max(x, 0)"),
    "leaky_relu": _Entry(_leaky_relu, {"slope": _Param("0.01", _bounded,
                                                       "-1000 <= slope <= 1000")},
                         summary="x (x>0), slope*x (x<=0)"),
    "gelu": _Entry(_gelu, {}, summary="x*Phi(x) (erf form)"),
    "silu": _Entry(_silu, {"beta": _Param("1", _beta, "0 < beta <= 100")},
                   summary="x*sigmoid(beta*x)"),
    "mish": _Entry(_mish, {}, summary="x*tanh(softplus(x))"),
    "tanh": _Entry(_tanh, {}, odd=True, summary="tanh(x)"),
    "softplus": _Entry(_softplus, {}, summary="log(1 + e^x)"),
}

#: alternative names
ALIASES: dict[str, str] = {"swish": "silu"}


def make_activation(name: str, **params: str) -> CatalogueActivation:
    """The catalogue activation ``name`` with exact decimal parameters (defaults for the rest).

    >>> make_activation("elu", alpha="1.5").params
    {'alpha': Fraction(3, 2)}
    """
    key = ALIASES.get(name, name)
    entry = CATALOGUE.get(key)
    if entry is None:
        raise ActivationError(f"unknown activation {name!r}; choose one of "
                              f"{', '.join([*CATALOGUE, *ALIASES])}")
    bound: dict[str, Fraction | str] = {}
    for p, spec in entry.params.items():
        text = params.pop(p, None)
        if text is None or (text == spec.default and text in _CONSTANTS):
            # a kernel constant's name, as a spec string shows it (so specs round-trip)
            bound[p] = spec.default if spec.default in _CONSTANTS else Fraction(spec.default)
            continue
        try:
            q = parse_decimal(text)
        except ValueError as exc:
            raise ActivationError(f"{key}: parameter {p}={text!r}: {exc}") from None
        if not spec.check(q):
            raise ActivationError(f"{key}: parameter {p}={text} out of range ({spec.meaning})")
        bound[p] = q
    if params:
        allowed = ", ".join(entry.params) or "none"
        raise ActivationError(f"{key}: unknown parameter {sorted(params)[0]!r} "
                              f"(parameters: {allowed})")
    pieces, growth, dgrowth = entry.build(bound)
    shown = ",".join(f"{k}={v}" if isinstance(v, str) else f"{k}={_show(v)}"
                     for k, v in bound.items())
    return CatalogueActivation(key, bound, pieces, growth, dgrowth, entry.odd,
                      key + (":" + shown if shown else ""))


def _show(q: Fraction) -> str:
    return fraction_str(q)


def parse_activation(text: str) -> CatalogueActivation:
    """Parse ``NAME`` or ``NAME:key=value,...`` (exact decimal values).

    >>> parse_activation("silu:beta=2").spec
    'silu:beta=2'
    >>> parse_activation("tanh:beta=1")
    Traceback (most recent call last):
    ...
    selu_proof.kernel.activations.ActivationError: tanh: unknown parameter 'beta' (parameters: none)
    """
    name, _, rest = text.strip().partition(":")
    params: dict[str, str] = {}
    if rest:
        for item in rest.split(","):
            k, eq, val = item.partition("=")
            if not eq or not k.strip() or not val.strip():
                raise ActivationError(f"{name}: expected key=value in {item!r}")
            if k.strip() in params:
                raise ActivationError(f"{name}: parameter {k.strip()!r} given twice")
            params[k.strip()] = val.strip()
    return make_activation(name.strip(), **params)
