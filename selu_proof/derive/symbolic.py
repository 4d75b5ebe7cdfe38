"""Symbolic moment maps of the SELU activation (the one source of truth).

Every formula the package evaluates is written here once, as a sympy
expression, and the numeric backends (:mod:`selu_proof.backends`) are generated
from these expressions.

Notation (Klambauer et al., "Self-Normalizing Neural Networks", NeurIPS 2017):
the pre-activation is ``z ~ N(mu*omega, nu*tau)``; everything depends on
``(mu, omega)`` only through ``a = mu*omega`` and on ``(nu, tau)`` only through
``v = nu*tau``.  The two moments of ``selu(z)`` are

.. math::

    \\tilde\\mu = E[\\mathrm{selu}(z)], \\qquad
    \\tilde\\xi = E[\\mathrm{selu}(z)^2], \\qquad
    \\tilde\\nu = \\tilde\\xi - \\tilde\\mu^2

(paper, Eq. (4)-(5) and Eq. (14)-(15) of the appendix).  The terms
``exp(v/2 + a)·erfc((v + a)/sqrt(2v))`` and ``exp(2v + 2a)·erfc((2v + a)/sqrt(2v))``
are written with the scaled complementary error function
``erfcx(x) = exp(x**2)·erfc(x)`` as ``erfcx(x)·exp(-a**2/(2v))`` so that
nothing overflows or cancels.
"""

from __future__ import annotations

from functools import cache

import mpmath
import sympy as sp

__all__ = [
    "a", "v", "mu", "omega", "nu", "tau", "alpha", "lam", "z",
    "erfcx", "selu_expr", "gaussian_density", "mean_map", "second_moment_map",
    "variance_map", "moments_by_integration", "jacobian_variance",
    "jacobian_second_moment", "largest_singular_value", "alpha01", "lambda01",
    "dropout_affine", "dropout_moments", "reduce_to_av", "GaussianBlock", "phi0", "Ppos", "Pneg",
    "Qexp1", "Qexp2", "Rexp1", "Rexp2", "expand_blocks", "tidy", "moment_partial",
    "corr", "selu_branches", "derivative_moments", "gaussian_moments", "chi1", "chi_c",
    "conditional_mean", "conditional_derivative_mean", "correlation_integrands",
    "dropout_mean_field",
]

# Paper symbols.  ``a`` and ``v`` are the reduced variables a = mu*omega, v = nu*tau.
a = sp.Symbol("a", real=True)
v = sp.Symbol("v", positive=True)
mu = sp.Symbol("mu", real=True)
omega = sp.Symbol("omega", real=True)
nu = sp.Symbol("nu", positive=True)
tau = sp.Symbol("tau", positive=True)
alpha = sp.Symbol("alpha", positive=True)
lam = sp.Symbol("lambda", positive=True)
z = sp.Symbol("z", real=True)
#: correlation of two inputs (mean-field correlation map)
corr = sp.Symbol("c", real=True)


class erfcx(sp.Function):  # noqa: N801 - mathematical function name
    """Scaled complementary error function ``erfcx(x) = exp(x**2)*erfc(x)``.

    It is positive and strictly decreasing on the real line, and
    ``d/dx erfcx(x) = 2*x*erfcx(x) - 2/sqrt(pi)``.
    """

    nargs = 1

    def fdiff(self, argindex: int = 1) -> sp.Expr:
        x = self.args[0]
        return 2 * x * erfcx(x) - 2 / sp.sqrt(sp.pi)

    @classmethod
    def eval(cls, x):  # noqa: D102
        if x is sp.S.Zero:
            return sp.S.One
        return None

    def _eval_rewrite_as_erfc(self, x, **kwargs):  # noqa: D102
        return sp.exp(x**2) * sp.erfc(x)

    def _eval_evalf(self, prec):  # noqa: D102
        x = self.args[0]._eval_evalf(prec)
        if x is None or not x.is_number:
            return None
        with mpmath.workprec(prec + 20):
            xv = mpmath.mpf(sp.Float(x, prec + 20))
            return sp.Float(mpmath.exp(xv**2) * mpmath.erfc(xv), precision=prec)


def selu_expr(x: sp.Expr = z, alpha_: sp.Expr = alpha, lam_: sp.Expr = lam) -> sp.Expr:
    """SELU as a piecewise expression (paper Eq. (2)).

    .. math::
        \\mathrm{selu}(x) = \\lambda x \\ (x > 0), \\quad
        \\lambda\\alpha(e^x - 1) \\ (x \\le 0)
    """
    return sp.Piecewise((lam_ * x, x > 0), (lam_ * alpha_ * (sp.exp(x) - 1), True))


def gaussian_density(x: sp.Expr = z, mean: sp.Expr = a, var: sp.Expr = v) -> sp.Expr:
    """Density of ``N(mean, var)`` at ``x``."""
    return sp.exp(-((x - mean) ** 2) / (2 * var)) / sp.sqrt(2 * sp.pi * var)


def _sqrt2v(v_: sp.Expr) -> sp.Expr:
    return sp.sqrt(2 * v_)


class GaussianBlock(sp.Function):
    """A Gaussian expectation over ``z ~ N(a, v)`` used as a building block.

    Subclasses carry their explicit closed form (:meth:`explicit`) and their
    two partial derivatives expressed again in blocks (``fdiff``), so that
    sympy differentiates the moment maps without producing the cancelling
    ``erfcx'`` terms.  The derivative rules are checked against the explicit
    forms by the tests.
    """

    nargs = 2

    @classmethod
    def explicit(cls, a_: sp.Expr, v_: sp.Expr) -> sp.Expr:  # pragma: no cover
        raise NotImplementedError

    def expand_explicit(self) -> sp.Expr:
        """The block written with ``exp``, ``erfc`` and ``erfcx``."""
        return type(self).explicit(*self.args)

    def _eval_rewrite_as_erfc(self, a_, v_, **kwargs):  # noqa: D102
        return type(self).explicit(a_, v_).rewrite(sp.erfc)

    def _eval_evalf(self, prec):  # noqa: D102
        return self.expand_explicit()._eval_evalf(prec)

    def _eval_is_real(self):
        return True


class phi0(GaussianBlock):  # noqa: N801
    """Density of ``N(a, v)`` at zero: ``exp(-a**2/(2v)) / sqrt(2*pi*v)``."""

    @classmethod
    def explicit(cls, a_, v_):
        return sp.exp(-(a_**2) / (2 * v_)) / sp.sqrt(2 * sp.pi * v_)

    def fdiff(self, argindex=1):
        a_, v_ = self.args
        if argindex == 1:
            return -a_ / v_ * phi0(a_, v_)
        return (a_**2 / (2 * v_**2) - 1 / (2 * v_)) * phi0(a_, v_)

    def _eval_is_positive(self):
        return True


class Ppos(GaussianBlock):  # noqa: N801
    """``P(z > 0) = erfc(-a/sqrt(2v))/2``."""

    @classmethod
    def explicit(cls, a_, v_):
        return sp.erfc(-a_ / _sqrt2v(v_)) / 2

    def fdiff(self, argindex=1):
        a_, v_ = self.args
        if argindex == 1:
            return phi0(a_, v_)
        return -a_ / (2 * v_) * phi0(a_, v_)


class Pneg(GaussianBlock):  # noqa: N801
    """``P(z <= 0) = erfc(a/sqrt(2v))/2``."""

    @classmethod
    def explicit(cls, a_, v_):
        return sp.erfc(a_ / _sqrt2v(v_)) / 2

    def fdiff(self, argindex=1):
        a_, v_ = self.args
        if argindex == 1:
            return -phi0(a_, v_)
        return a_ / (2 * v_) * phi0(a_, v_)


def _exp_tail_class(k: int):
    class _Q(GaussianBlock):
        __doc__ = (f"``E[exp({k}z); z <= 0] = exp(-a**2/(2v)) erfcx((a + {k}v)/sqrt(2v)) / 2``"
                   f" (= exp({k}a + {k * k}v/2) erfc((a + {k}v)/sqrt(2v)) / 2).")

        @classmethod
        def explicit(cls, a_, v_):
            return sp.exp(-(a_**2) / (2 * v_)) * erfcx((a_ + k * v_) / _sqrt2v(v_)) / 2

        def fdiff(self, argindex=1):
            a_, v_ = self.args
            if argindex == 1:
                return k * self - phi0(a_, v_)
            return (k * k * self - k * phi0(a_, v_) + a_ / v_ * phi0(a_, v_)) / 2

        def _eval_is_positive(self):
            return True

    _Q.__name__ = _Q.__qualname__ = f"Qexp{k}"
    return _Q


Qexp1 = _exp_tail_class(1)
Qexp2 = _exp_tail_class(2)


class Rexp1(GaussianBlock):  # noqa: N801
    """``E[e^z - 1; z <= 0] = Q1 - P-`` (the negative branch of SELU, per unit ``lambda*alpha``).

    A block of its own because ``Q1`` and ``P-`` are both near 1/2 while their
    difference is small when ``v`` is small; as one block it is enclosed
    directly instead of as a difference of two enclosures.  Derivatives
    (Price's theorem): ``dR1/da = Q1``, ``dR1/dv = (Q1 - phi0)/2``.
    """

    @classmethod
    def explicit(cls, a_, v_):
        return Qexp1.explicit(a_, v_) - Pneg.explicit(a_, v_)

    def fdiff(self, argindex=1):
        a_, v_ = self.args
        if argindex == 1:
            return Qexp1(a_, v_)
        return (Qexp1(a_, v_) - phi0(a_, v_)) / 2


class Rexp2(GaussianBlock):  # noqa: N801
    """``E[(e^z - 1)^2; z <= 0] = Q2 - 2 Q1 + P-`` (cancels to ``~ v/2`` for small ``v``).

    Derivatives (Price's theorem): ``dR2/da = 2 (Q2 - Q1)``, ``dR2/dv = 2 Q2 - Q1``.
    """

    @classmethod
    def explicit(cls, a_, v_):
        return Qexp2.explicit(a_, v_) - 2 * Qexp1.explicit(a_, v_) + Pneg.explicit(a_, v_)

    def fdiff(self, argindex=1):
        a_, v_ = self.args
        if argindex == 1:
            return 2 * (Qexp2(a_, v_) - Qexp1(a_, v_))
        return 2 * Qexp2(a_, v_) - Qexp1(a_, v_)

    def _eval_is_nonnegative(self):
        return True


def expand_blocks(expr: sp.Expr) -> sp.Expr:
    """Replace every :class:`GaussianBlock` by its explicit closed form."""
    return expr.replace(lambda e: isinstance(e, GaussianBlock),
                        lambda e: e.expand_explicit())


def mean_map(a_: sp.Expr = a, v_: sp.Expr = v, alpha_: sp.Expr = alpha,
             lam_: sp.Expr = lam) -> sp.Expr:
    """First moment ``mu~ = E[selu(z)]``, ``z ~ N(a, v)`` (paper Eq. (4)).

    .. math::
        \\tilde\\mu = \\lambda\\big(a P_+ + v\\varphi_0 + \\alpha R_1\\big),
        \\quad R_1 = Q_1 - P_- = E[e^z - 1; z \\le 0]

    with ``P+ = P(z > 0)``, ``P- = P(z <= 0)``, ``phi0`` the density at 0 and
    ``Q1 = E[e^z; z <= 0] = exp(-a**2/(2v)) erfcx((a+v)/sqrt(2v))/2``
    (see :func:`expand_blocks` for the erfc/erfcx form).
    """
    expr = lam * (a * Ppos(a, v) + v * phi0(a, v) + alpha * Rexp1(a, v))
    return expr.subs({a: a_, v: v_, alpha: alpha_, lam: lam_}, simultaneous=True)


def second_moment_map(a_: sp.Expr = a, v_: sp.Expr = v, alpha_: sp.Expr = alpha,
                      lam_: sp.Expr = lam) -> sp.Expr:
    """Second moment ``xi~ = E[selu(z)**2]``, ``z ~ N(a, v)`` (paper Eq. (5)).

    .. math::
        \\tilde\\xi = \\lambda^2\\big((a^2+v) P_+ + a v\\varphi_0
        + \\alpha^2 R_2\\big), \\quad R_2 = Q_2 - 2Q_1 + P_- = E[(e^z-1)^2; z \\le 0]

    with ``Q2 = E[e^{2z}; z <= 0] = exp(-a**2/(2v)) erfcx((a+2v)/sqrt(2v))/2``.
    """
    expr = lam**2 * ((a**2 + v) * Ppos(a, v) + a * v * phi0(a, v)
                     + alpha**2 * Rexp2(a, v))
    return expr.subs({a: a_, v: v_, alpha: alpha_, lam: lam_}, simultaneous=True)


def variance_map(a_: sp.Expr = a, v_: sp.Expr = v, alpha_: sp.Expr = alpha,
                 lam_: sp.Expr = lam) -> sp.Expr:
    """Variance ``nu~ = xi~ - mu~**2`` of ``selu(z)``, ``z ~ N(a, v)``."""
    return (second_moment_map(a_, v_, alpha_, lam_)
            - mean_map(a_, v_, alpha_, lam_) ** 2)


@cache
def moments_by_integration() -> tuple[sp.Expr, sp.Expr]:
    """``E[selu(z)]`` and ``E[selu(z)**2]`` integrated by sympy from the definition.

    Integrates the two branches of the piecewise SELU against the Gaussian
    density of ``N(a, v)``; used to check :func:`mean_map` and
    :func:`second_moment_map` (which are the closed forms evaluated everywhere).
    """
    dens = gaussian_density()
    pos, neg = lam * z, lam * alpha * (sp.exp(z) - 1)
    first = (sp.integrate(pos * dens, (z, 0, sp.oo))
             + sp.integrate(neg * dens, (z, -sp.oo, 0)))
    second = (sp.integrate(pos**2 * dens, (z, 0, sp.oo))
              + sp.integrate(sp.expand(neg**2) * dens, (z, -sp.oo, 0)))
    return first, second


def reduce_to_av(expr: sp.Expr) -> sp.Expr:
    """Substitute ``a = mu*omega`` and ``v = nu*tau`` in an ``(a, v)`` expression."""
    return expr.subs({a: mu * omega, v: nu * tau}, simultaneous=True)


def tidy(expr: sp.Expr) -> sp.Expr:
    """Expand and collect on the Gaussian blocks, cancelling equal terms.

    The derivative rules of the blocks produce terms such as
    ``a**2 phi0/(2v) - a**2 phi0/(2v)`` that cancel exactly; removing them
    symbolically keeps interval evaluations tight.
    """
    expr = sp.expand(expr)
    blocks = sorted(expr.atoms(GaussianBlock), key=sp.default_sort_key)
    return sp.collect(expr, blocks)


def moment_partial(which: str, var: sp.Symbol, alpha_: sp.Expr = alpha,
                   lam_: sp.Expr = lam) -> sp.Expr:
    """``d(mu~)/d var`` (``which="mean"``) or ``d(xi~)/d var`` (``"second"``), tidied.

    By Price's theorem these are ``E[selu'(z)]`` and ``E[selu''(z)]/2`` etc.;
    sympy obtains them from the block derivative rules, e.g.
    ``d mu~/da = lambda*(P+ + alpha*Q1)``.
    """
    base = mean_map(alpha_=alpha_, lam_=lam_) if which == "mean" else \
        second_moment_map(alpha_=alpha_, lam_=lam_)
    return tidy(sp.diff(base, var))


def _moment_partials(alpha_: sp.Expr, lam_: sp.Expr):
    m = mean_map(alpha_=alpha_, lam_=lam_)
    x = second_moment_map(alpha_=alpha_, lam_=lam_)
    return (m, x, moment_partial("mean", a, alpha_, lam_), moment_partial("mean", v, alpha_, lam_),
            moment_partial("second", a, alpha_, lam_), moment_partial("second", v, alpha_, lam_))


def jacobian_second_moment(alpha_: sp.Expr = alpha, lam_: sp.Expr = lam) -> sp.Matrix:
    """Jacobian ``J`` of ``(mu, nu) -> (mu~, xi~)`` (paper Eq. (50)-(53)).

    Since the moments depend on ``a = mu*omega`` and ``v = nu*tau`` only,

    .. math::
        J = \\begin{pmatrix}\\omega\\,\\partial_a\\tilde\\mu & \\tau\\,\\partial_v\\tilde\\mu\\\\
              \\omega\\,\\partial_a\\tilde\\xi & \\tau\\,\\partial_v\\tilde\\xi\\end{pmatrix}

    The entries are expressions in ``a, v, omega, tau``.
    """
    m, x, m_a, m_v, x_a, x_v = _moment_partials(alpha_, lam_)
    return sp.Matrix([[omega * m_a, tau * m_v], [omega * x_a, tau * x_v]])


def jacobian_variance(alpha_: sp.Expr = alpha, lam_: sp.Expr = lam) -> sp.Matrix:
    """Jacobian ``H`` of the variance map ``(mu, nu) -> (mu~, nu~)`` (paper Theorem 1).

    ``H11 = J11, H12 = J12, H21 = J21 - 2 mu~ J11, H22 = J22 - 2 mu~ J12``.
    Entries are expressions in ``a, v, omega, tau``.
    """
    m = mean_map(alpha_=alpha_, lam_=lam_)
    jac = jacobian_second_moment(alpha_, lam_)
    return sp.Matrix([[jac[0, 0], jac[0, 1]],
                      [jac[1, 0] - 2 * m * jac[0, 0], jac[1, 1] - 2 * m * jac[0, 1]]])


def largest_singular_value(matrix: sp.Matrix) -> sp.Expr:
    """Largest singular value ``S`` of a real 2x2 matrix ``[[p, q], [r, s]]``.

    .. math:: S = \\tfrac12\\left(\\sqrt{(p+s)^2 + (r-q)^2} + \\sqrt{(p-s)^2 + (r+q)^2}\\right)
    """
    p, q, r, s = matrix[0, 0], matrix[0, 1], matrix[1, 0], matrix[1, 1]
    return (sp.sqrt((p + s) ** 2 + (r - q) ** 2) + sp.sqrt((p - s) ** 2 + (r + q) ** 2)) / 2


def alpha01() -> sp.Expr:
    """Closed form of ``alpha_01`` (paper Eq. (8)).

    .. math:: \\alpha_{01} = -\\frac{\\sqrt{2/\\pi}}{\\mathrm{erfc}(1/\\sqrt2)\\,e^{1/2} - 1}
    """
    return -sp.sqrt(2 / sp.pi) / (sp.erfc(1 / sp.sqrt(2)) * sp.exp(sp.Rational(1, 2)) - 1)


def lambda01() -> sp.Expr:
    """Closed form of ``lambda_01`` (paper Eq. (9)).

    .. math:: \\lambda_{01} = (1 - \\mathrm{erfc}(\\tfrac{1}{\\sqrt2})\\sqrt e)\\sqrt{2\\pi}
        \\big(2\\,\\mathrm{erfc}(\\sqrt2)e^2 + \\pi\\,\\mathrm{erfc}(\\tfrac{1}{\\sqrt2})^2 e
        - 2(2+\\pi)\\mathrm{erfc}(\\tfrac{1}{\\sqrt2})\\sqrt e + \\pi + 2\\big)^{-1/2}
    """
    c = sp.erfc(1 / sp.sqrt(2))
    e = sp.E
    return ((1 - c * sp.sqrt(e)) * sp.sqrt(2 * sp.pi)
            * (2 * sp.erfc(sp.sqrt(2)) * e**2 + sp.pi * c**2 * e
               - 2 * (2 + sp.pi) * c * sp.sqrt(e) + sp.pi + 2) ** sp.Rational(-1, 2))


def dropout_moments(mean_in: sp.Expr, var_in: sp.Expr, q: sp.Expr, saturation: sp.Expr,
                    aff_a: sp.Expr, aff_b: sp.Expr) -> tuple[sp.Expr, sp.Expr]:
    """Mean and variance of alpha dropout's output ``a*(x*d + saturation*(1 - d)) + b``.

    ``x`` has moments ``(mean_in, var_in)``; ``d ~ Bernoulli(q)`` is independent of ``x``:

    .. math:: E\\,y = a(q\\mu + (1-q)\\alpha') + b, \\qquad
              \\mathrm{Var}\\,y = a^2 q\\,(\\nu + (1-q)(\\mu - \\alpha')^2)

    :func:`dropout_affine` solves these for ``(a, b)`` at the fixed point.
    """
    mean_out = aff_a * (q * mean_in + (1 - q) * saturation) + aff_b
    var_out = aff_a**2 * q * (var_in + (1 - q) * (mean_in - saturation) ** 2)
    return mean_out, var_out


def dropout_affine(q: sp.Expr, saturation: sp.Expr, mean: sp.Expr,
                   var: sp.Expr) -> tuple[sp.Expr, sp.Expr]:
    """Affine terms ``(a, b)`` of alpha dropout (paper Section "Alpha-dropout").

    A dropped unit takes ``saturation = -lambda*alpha``; with keep probability
    ``q`` the output ``a*(x*d + saturation*(1 - d)) + b`` has mean ``mean`` and
    variance ``var`` when ``x`` has them:

    .. math:: a = \\sqrt{\\frac{\\nu^*}{q((1-q)(\\alpha'-\\mu^*)^2 + \\nu^*)}}, \\quad
              b = \\mu^* - a(q\\mu^* + (1-q)\\alpha')

    (The paper's formulas are the case ``mean = 0, var = 1``; they solve
    :func:`dropout_moments` ``= (mean, var)`` for ``(a, b)``.)
    """
    aff_a = sp.sqrt(var / (q * ((1 - q) * (saturation - mean) ** 2 + var)))
    aff_b = mean - aff_a * (q * mean + (1 - q) * saturation)
    return aff_a, aff_b


# --------------------------------------------------------------------------- mean-field maps
# Poole et al. 2016 (arXiv:1606.05340), Schoenholz et al. 2017 (arXiv:1611.01232):
# the backward pass and pairs of inputs, with the same Gaussian blocks.


def selu_branches(x: sp.Expr = z, alpha_: sp.Expr = alpha,
                  lam_: sp.Expr = lam) -> tuple[sp.Expr, sp.Expr]:
    """The two branches ``(x <= 0, x > 0)`` of SELU (paper Eq. (2)) and of its derivative.

    Returns ``((lam*alpha*(e^x - 1), lam*x), (lam*alpha*e^x, lam))``: the
    function on each side of the kink and ``selu'`` there.
    """
    neg, pos = lam_ * alpha_ * (sp.exp(x) - 1), lam_ * x
    return (neg, pos), (sp.diff(neg, x), sp.diff(pos, x))


def derivative_moments(a_: sp.Expr = a, v_: sp.Expr = v, alpha_: sp.Expr = alpha,
                       lam_: sp.Expr = lam) -> tuple[sp.Expr, sp.Expr]:
    """``E[selu'(z)]`` and ``E[selu'(z)**2]`` for ``z ~ N(a, v)``.

    .. math:: E[\\mathrm{selu}'(z)] = \\lambda(P_+ + \\alpha Q_1), \\qquad
              E[\\mathrm{selu}'(z)^2] = \\lambda^2(P_+ + \\alpha^2 Q_2)

    since ``selu'(z) = lambda`` for ``z > 0`` and ``lambda*alpha*e^z`` for
    ``z <= 0`` (``Q_k = E[e^{kz}; z <= 0]``).  The first equals
    ``d mu~/da`` (Price's theorem), which the tests check.
    """
    d1 = lam * (Ppos(a, v) + alpha * Qexp1(a, v))
    d2 = lam**2 * (Ppos(a, v) + alpha**2 * Qexp2(a, v))
    rep = {a: a_, v: v_, alpha: alpha_, lam: lam_}
    return d1.subs(rep, simultaneous=True), d2.subs(rep, simultaneous=True)


def gaussian_moments(alpha_: sp.Expr = alpha, lam_: sp.Expr = lam) -> tuple[sp.Expr, ...]:
    """``E h(z)``, ``z ~ N(a, v)``, and its partials in ``a`` and ``v``, for
    ``h = selu, selu**2, selu', selu'**2`` in this order, each as ``(E h, d/da, d/dv)``.

    The raw moments a model answers (:class:`selu_proof.kernel.model.Model`): the values
    are :func:`mean_map`, :func:`second_moment_map` and :func:`derivative_moments`, the
    partials their derivatives by the block rules, tidied (:func:`tidy`).
    """
    d1, d2 = derivative_moments(alpha_=alpha_, lam_=lam_)
    out: list[sp.Expr] = []
    for e in (mean_map(alpha_=alpha_, lam_=lam_), second_moment_map(alpha_=alpha_, lam_=lam_),
              d1, d2):
        out += [e, tidy(sp.diff(e, a)), tidy(sp.diff(e, v))]
    return tuple(out)


def chi1(a_: sp.Expr = a, v_: sp.Expr = v, alpha_: sp.Expr = alpha, lam_: sp.Expr = lam,
         tau_: sp.Expr = tau) -> sp.Expr:
    """``chi_1 = tau * E[selu'(z)**2]``, ``z ~ N(a, v)`` (Poole et al. 2016, Eq. (7)).

    The factor by which the mean squared backpropagated gradient grows per
    layer (toward the input), and, at a fixed point of ``g``, the slope of the
    correlation map at ``c = 1``.
    """
    return tau_ * derivative_moments(a_, v_, alpha_, lam_)[1]


def chi_c(a_: sp.Expr = a, v_: sp.Expr = v, alpha_: sp.Expr = alpha, lam_: sp.Expr = lam,
          tau_: sp.Expr = tau) -> sp.Expr:
    """``chi_c = tau * E[selu'(z)]**2``: at a fixed point, the correlation map's slope at ``c = 0``.

    (Schoenholz et al. 2017, Eq. (5) with ``c* = 0``.)  Two independent
    pre-activations give ``d c~/d c = v E[selu'(z)] E[selu'(z')] / nu~`` and
    ``v / nu~ = tau`` at the fixed point.
    """
    return tau_ * derivative_moments(a_, v_, alpha_, lam_)[0] ** 2


def conditional_mean(x: sp.Expr = z, c_: sp.Expr = corr, a_: sp.Expr = a, v_: sp.Expr = v,
                     alpha_: sp.Expr = alpha, lam_: sp.Expr = lam) -> sp.Expr:
    """``E[selu(z') | z = x]``, ``(z, z')`` Gaussian: means ``a``, variances ``v``, cov. ``v*c``.

    Conditionally on ``z = x``, ``z' ~ N(a + c(x - a), v(1 - c**2))``, so this
    is :func:`mean_map` at those moments (``|c| < 1``).
    """
    return mean_map(a_ + c_ * (x - a_), v_ * (1 - c_**2), alpha_, lam_)


def conditional_derivative_mean(x: sp.Expr = z, c_: sp.Expr = corr, a_: sp.Expr = a,
                                v_: sp.Expr = v, alpha_: sp.Expr = alpha,
                                lam_: sp.Expr = lam) -> sp.Expr:
    """``E[selu'(z') | z = x]``: :func:`derivative_moments` at the conditional moments."""
    return derivative_moments(a_ + c_ * (x - a_), v_ * (1 - c_**2), alpha_, lam_)[0]


def correlation_integrands(alpha_: sp.Expr = alpha,
                           lam_: sp.Expr = lam) -> tuple[sp.Expr, sp.Expr, sp.Expr, sp.Expr]:
    """Integrands in ``z`` of ``E[selu(z) selu(z')]`` and ``E[selu'(z) selu'(z')]``.

    With ``p(z)`` the density of ``N(a, v)``,

    .. math:: E[\\mathrm{selu}(z)\\mathrm{selu}(z')] = \\int_{-\\infty}^0 s_-(z)\\,m(z)\\,p(z)\\,dz
              + \\int_0^\\infty s_+(z)\\,m(z)\\,p(z)\\,dz, \\qquad
              m(z) = E[\\mathrm{selu}(z') \\mid z]

    Returns ``(neg, pos, dneg, dpos)``: the integrands of the two branches
    (each analytic on its half line) for the product and for the derivatives
    (``selu'(z) E[selu'(z') | z] p(z)``).  Functions of ``(z, a, v, c)``.
    The correlation map is ``c~ = (E[selu(z) selu(z')] - mu~**2)/nu~`` and its
    slope ``d c~/dc = v E[selu'(z) selu'(z')]/nu~`` (Price's theorem).
    """
    (neg, pos), (dneg, dpos) = selu_branches(z, alpha_, lam_)
    dens = gaussian_density(z, a, v)
    m = conditional_mean(z, corr, a, v, alpha_, lam_)
    dm = conditional_derivative_mean(z, corr, a, v, alpha_, lam_)
    return neg * m * dens, pos * m * dens, dneg * dm * dens, dpos * dm * dens


def dropout_mean_field(q: sp.Expr, saturation: sp.Expr, mean: sp.Expr,
                       var: sp.Expr) -> tuple[sp.Expr, sp.Expr]:
    """Factors by which alpha dropout multiplies ``chi_1`` and the covariance of two inputs.

    Dropout's output is ``A(x d + saturation (1 - d)) + B`` with ``d ~ Bernoulli(q)``
    and ``(A, B)`` from :func:`dropout_affine`.  Its derivative in ``x`` is
    ``A d``, so the mean squared gradient gains ``E[(A d)**2] = A**2 q``; two
    different inputs get independent masks, so their covariance is
    multiplied by ``A**2 q**2`` while the variance is restored to ``var``:

    .. math:: \\chi_1^{drop} = A^2 q\\,\\chi_1, \\qquad
              \\tilde c^{drop}(c) = A^2 q^2\\,\\tilde c(c) \\ (c \\ne 1)

    Returns ``(A**2 q, A**2 q**2)``.
    """
    aff_a, _ = dropout_affine(q, saturation, mean, var)
    return sp.simplify(aff_a**2 * q), sp.simplify(aff_a**2 * q**2)
