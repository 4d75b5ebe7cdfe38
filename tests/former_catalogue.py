"""The catalogue's ten former hand-written entries, kept as a test oracle: their pieces are
compared with the formula path's (tests/test_formula_catalogue.py).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from fractions import Fraction

from flint import acb, arb, ctx

from selu_proof.kernel.activations import Growth, Piece
from selu_proof.kernel.constants import constant_balls
from selu_proof.kernel.exact import ball

Fn = Callable[[acb, bool], acb]


def _g(a: Fraction | int, b: Fraction | int) -> Growth:
    """``|h(x)| <= a + b|x|`` for every real ``x`` (``T = 0``)."""
    return Growth(Fraction(0), (Fraction(a), Fraction(b)))


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



#: name -> builder of (pieces, growth, derivative growth) from the parameters
FORMER = {"selu": _selu, "elu": _elu, "celu": _celu, "relu": _relu, "leaky_relu": _leaky_relu,
          "gelu": _gelu, "silu": _silu, "mish": _mish, "tanh": _tanh, "softplus": _softplus}
