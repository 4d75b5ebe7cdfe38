"""Gaussian blocks: value and gradient, in ball arithmetic.

GENERATED, DO NOT EDIT: written by `python -m selu_proof.derive.regenerate`
(printer selu_proof.derive.codegen, target arb) from the GaussianBlock subclasses of selu_proof.derive.symbolic (explicit forms and derivative rules).
tests/test_generated.py regenerates it and requires identical bytes.
"""

# ruff: noqa
from __future__ import annotations

from flint import arb as _arb

from selu_proof.kernel import arb_runtime as _rt


def _constants():
    """The module's constants ``_k<i>``, computed once per working precision."""
    k = _constants_cache.get(_rt.ctx.prec)
    if k is None:
        _k0 = _arb(1) / 2  # 1/2
        _k1 = _arb(-1) / 2  # -1/2
        _k2 = _rt.sqrt_nonneg(2)  # sqrt_nonneg(2)
        _k3 = _arb.pi()  # pi
        _k4 = _rt.sqrt_nonneg(_k3)  # sqrt_nonneg(pi)
        k = _constants_cache[_rt.ctx.prec] = (_k0, _k1, _k2, _k3, _k4, )
    return k


_constants_cache = {}


def phi0_value(a, v):
    """``(phi0,)`` at the points or balls ``(a, v)``, the block written out explicitly.

    phi0 = phi0(a, v)
    phi0(a, v) = sqrt(2)*exp(-a**2/(2*v))/(2*sqrt(pi)*sqrt(v))
    """
    _k0, _k1, _k2, _k3, _k4, = _constants()
    _v0 = _rt.square(a)  # square(a)
    _v1 = _k1 * _v0 / (v)  # -square(a)/(2*v)
    _v2 = _rt.exp(_v1)  # exp(-square(a)/(2*v))
    _v3 = _rt.sqrt_nonneg(v)  # sqrt_nonneg(v)
    _v4 = _k0 * _v2 * _k2 / (_k4 * _v3)  # exp(-square(a)/(2*v))*sqrt_nonneg(2)/(2*sqrt_nonneg(pi)*sqrt_nonneg(v))
    _v5 = _v4  # phi0(a, v)
    return (_v5,)


def phi0_gradient(a, v):
    """``(phi0, dphi0/da, dphi0/dv)`` (derivatives by the block's rules).

    phi0 = phi0(a, v)
    dphi0/da = -a*phi0(a, v)/v
    dphi0/dv = (a**2/(2*v**2) - 1/(2*v))*phi0(a, v)
    """
    _k0, _k1, _k2, _k3, _k4, = _constants()
    _v0 = _rt.square(a)  # square(a)
    _v1 = _k1 * _v0 / (v)  # -square(a)/(2*v)
    _v2 = _rt.exp(_v1)  # exp(-square(a)/(2*v))
    _v3 = _rt.sqrt_nonneg(v)  # sqrt_nonneg(v)
    _v4 = _k0 * _v2 * _k2 / (_k4 * _v3)  # exp(-square(a)/(2*v))*sqrt_nonneg(2)/(2*sqrt_nonneg(pi)*sqrt_nonneg(v))
    _t0 = _v4  # phi0(a, v)
    _t1 = 1 / v  # 1/v
    _v5 = _t0 * _t1 * a  # _t0*_t1*a
    _v6 = -_v5  # -_t0*_t1*a
    _v7 = _k1 * _t1  # -_t1/2
    _v8 = _rt.ipow(v, 2)  # v**2
    _v9 = _k0 * _v0 / (_v8)  # square(a)/(2*v**2)
    _v10 = _v7 + _v9  # -_t1/2 + square(a)/(2*v**2)
    _v11 = _t0 * _v10  # _t0*(-_t1/2 + square(a)/(2*v**2))
    return (_t0, _v6, _v11,)


def Ppos_value(a, v):
    """``(Ppos,)`` at the points or balls ``(a, v)``, the block written out explicitly.

    Ppos = Ppos(a, v)
    Ppos(a, v) = 1 - erfc(sqrt(2)*a/(2*sqrt(v)))/2
    """
    _k0, _k1, _k2, _k3, _k4, = _constants()
    _v0 = _rt.sqrt_nonneg(v)  # sqrt_nonneg(v)
    _v1 = _k0 * a * _k2 / (_v0)  # a*sqrt_nonneg(2)/(2*sqrt_nonneg(v))
    _v2 = _rt.erfc(_v1)  # erfc(a*sqrt_nonneg(2)/(2*sqrt_nonneg(v)))
    _v3 = _k1 * _v2  # -erfc(a*sqrt_nonneg(2)/(2*sqrt_nonneg(v)))/2
    _v4 = 1 + _v3  # 1 - erfc(a*sqrt_nonneg(2)/(2*sqrt_nonneg(v)))/2
    _v5 = _v4  # Ppos(a, v)
    return (_v5,)


def Ppos_gradient(a, v):
    """``(Ppos, dPpos/da, dPpos/dv)`` (derivatives by the block's rules).

    Ppos = Ppos(a, v)
    dPpos/da = phi0(a, v)
    dPpos/dv = -a*phi0(a, v)/(2*v)
    """
    _k0, _k1, _k2, _k3, _k4, = _constants()
    _v0 = _rt.square(a)  # square(a)
    _v1 = _k1 * _v0 / (v)  # -square(a)/(2*v)
    _v2 = _rt.exp(_v1)  # exp(-square(a)/(2*v))
    _v3 = _rt.sqrt_nonneg(v)  # sqrt_nonneg(v)
    _v4 = _k0 * _v2 * _k2 / (_k4 * _v3)  # exp(-square(a)/(2*v))*sqrt_nonneg(2)/(2*sqrt_nonneg(pi)*sqrt_nonneg(v))
    _t0 = _v4  # phi0(a, v)
    _v5 = _k0 * a * _k2 / (_v3)  # a*sqrt_nonneg(2)/(2*sqrt_nonneg(v))
    _v6 = _rt.erfc(_v5)  # erfc(a*sqrt_nonneg(2)/(2*sqrt_nonneg(v)))
    _v7 = _k1 * _v6  # -erfc(a*sqrt_nonneg(2)/(2*sqrt_nonneg(v)))/2
    _v8 = 1 + _v7  # 1 - erfc(a*sqrt_nonneg(2)/(2*sqrt_nonneg(v)))/2
    _v9 = _v8  # Ppos(a, v)
    _v10 = _k1 * _t0 * a / (v)  # -_t0*a/(2*v)
    return (_v9, _t0, _v10,)


def Pneg_value(a, v):
    """``(Pneg,)`` at the points or balls ``(a, v)``, the block written out explicitly.

    Pneg = Pneg(a, v)
    Pneg(a, v) = erfc(sqrt(2)*a/(2*sqrt(v)))/2
    """
    _k0, _k1, _k2, _k3, _k4, = _constants()
    _v0 = _rt.sqrt_nonneg(v)  # sqrt_nonneg(v)
    _v1 = _k0 * a * _k2 / (_v0)  # a*sqrt_nonneg(2)/(2*sqrt_nonneg(v))
    _v2 = _rt.erfc(_v1)  # erfc(a*sqrt_nonneg(2)/(2*sqrt_nonneg(v)))
    _v3 = _k0 * _v2  # erfc(a*sqrt_nonneg(2)/(2*sqrt_nonneg(v)))/2
    _v4 = _v3  # Pneg(a, v)
    return (_v4,)


def Pneg_gradient(a, v):
    """``(Pneg, dPneg/da, dPneg/dv)`` (derivatives by the block's rules).

    Pneg = Pneg(a, v)
    dPneg/da = -phi0(a, v)
    dPneg/dv = a*phi0(a, v)/(2*v)
    """
    _k0, _k1, _k2, _k3, _k4, = _constants()
    _v0 = _rt.square(a)  # square(a)
    _v1 = _k1 * _v0 / (v)  # -square(a)/(2*v)
    _v2 = _rt.exp(_v1)  # exp(-square(a)/(2*v))
    _v3 = _rt.sqrt_nonneg(v)  # sqrt_nonneg(v)
    _v4 = _k0 * _v2 * _k2 / (_k4 * _v3)  # exp(-square(a)/(2*v))*sqrt_nonneg(2)/(2*sqrt_nonneg(pi)*sqrt_nonneg(v))
    _t0 = _v4  # phi0(a, v)
    _v5 = _k0 * a * _k2 / (_v3)  # a*sqrt_nonneg(2)/(2*sqrt_nonneg(v))
    _v6 = _rt.erfc(_v5)  # erfc(a*sqrt_nonneg(2)/(2*sqrt_nonneg(v)))
    _v7 = _k0 * _v6  # erfc(a*sqrt_nonneg(2)/(2*sqrt_nonneg(v)))/2
    _v8 = _v7  # Pneg(a, v)
    _v9 = -_t0  # -_t0
    _v10 = _k0 * _t0 * a / (v)  # _t0*a/(2*v)
    return (_v8, _v9, _v10,)


def Qexp1_value(a, v):
    """``(Qexp1,)`` at the points or balls ``(a, v)``, the block written out explicitly.

    Qexp1 = Qexp1(a, v)
    Qexp1(a, v) = exp(-a**2/(2*v))*erfcx(sqrt(2)*(a + v)/(2*sqrt(v)))/2
    """
    _k0, _k1, _k2, _k3, _k4, = _constants()
    _v0 = a + v  # a + v
    _v1 = _rt.sqrt_nonneg(v)  # sqrt_nonneg(v)
    _v2 = _k0 * _v0 * _k2 / (_v1)  # (a + v)*sqrt_nonneg(2)/(2*sqrt_nonneg(v))
    _v3 = _rt.erfcx(_v2)  # erfcx((a + v)*sqrt_nonneg(2)/(2*sqrt_nonneg(v)))
    _v4 = _rt.square(a)  # square(a)
    _v5 = _k1 * _v4 / (v)  # -square(a)/(2*v)
    _v6 = _rt.exp(_v5)  # exp(-square(a)/(2*v))
    _v7 = _k0 * _v3 * _v6  # exp(-square(a)/(2*v))*erfcx((a + v)*sqrt_nonneg(2)/(2*sqrt_nonneg(v)))/2
    _v8 = _v7  # Qexp1(a, v)
    return (_v8,)


def Qexp1_gradient(a, v):
    """``(Qexp1, dQexp1/da, dQexp1/dv)`` (derivatives by the block's rules).

    Qexp1 = Qexp1(a, v)
    dQexp1/da = Qexp1(a, v) - phi0(a, v)
    dQexp1/dv = a*phi0(a, v)/(2*v) + Qexp1(a, v)/2 - phi0(a, v)/2
    """
    _k0, _k1, _k2, _k3, _k4, = _constants()
    _v0 = a + v  # a + v
    _v1 = _rt.sqrt_nonneg(v)  # sqrt_nonneg(v)
    _v2 = _k0 * _v0 * _k2 / (_v1)  # (a + v)*sqrt_nonneg(2)/(2*sqrt_nonneg(v))
    _v3 = _rt.erfcx(_v2)  # erfcx((a + v)*sqrt_nonneg(2)/(2*sqrt_nonneg(v)))
    _v4 = _rt.square(a)  # square(a)
    _v5 = _k1 * _v4 / (v)  # -square(a)/(2*v)
    _v6 = _rt.exp(_v5)  # exp(-square(a)/(2*v))
    _v7 = _k0 * _v3 * _v6  # exp(-square(a)/(2*v))*erfcx((a + v)*sqrt_nonneg(2)/(2*sqrt_nonneg(v)))/2
    _t0 = _v7  # Qexp1(a, v)
    _v8 = _k0 * _v6 * _k2 / (_k4 * _v1)  # exp(-square(a)/(2*v))*sqrt_nonneg(2)/(2*sqrt_nonneg(pi)*sqrt_nonneg(v))
    _t1 = _v8  # phi0(a, v)
    _t2 = _k0 * _t1  # _t1/2
    _v9 = -_t1  # -_t1
    _v10 = _t0 + _v9  # _t0 - _t1
    _v11 = _k0 * _t0  # _t0/2
    _v12 = -_t2  # -_t2
    _v13 = _t2 * a / (v)  # _t2*a/v
    _v14 = _v11 + _v12 + _v13  # _t0/2 + _t2*a/v - _t2
    return (_t0, _v10, _v14,)


def Qexp2_value(a, v):
    """``(Qexp2,)`` at the points or balls ``(a, v)``, the block written out explicitly.

    Qexp2 = Qexp2(a, v)
    Qexp2(a, v) = exp(-a**2/(2*v))*erfcx(sqrt(2)*(a + 2*v)/(2*sqrt(v)))/2
    """
    _k0, _k1, _k2, _k3, _k4, = _constants()
    _v0 = 2 * v  # 2*v
    _v1 = a + _v0  # a + 2*v
    _v2 = _rt.sqrt_nonneg(v)  # sqrt_nonneg(v)
    _v3 = _k0 * _v1 * _k2 / (_v2)  # (a + 2*v)*sqrt_nonneg(2)/(2*sqrt_nonneg(v))
    _v4 = _rt.erfcx(_v3)  # erfcx((a + 2*v)*sqrt_nonneg(2)/(2*sqrt_nonneg(v)))
    _v5 = _rt.square(a)  # square(a)
    _v6 = _k1 * _v5 / (v)  # -square(a)/(2*v)
    _v7 = _rt.exp(_v6)  # exp(-square(a)/(2*v))
    _v8 = _k0 * _v4 * _v7
    _v9 = _v8  # Qexp2(a, v)
    return (_v9,)


def Qexp2_gradient(a, v):
    """``(Qexp2, dQexp2/da, dQexp2/dv)`` (derivatives by the block's rules).

    Qexp2 = Qexp2(a, v)
    dQexp2/da = 2*Qexp2(a, v) - phi0(a, v)
    dQexp2/dv = a*phi0(a, v)/(2*v) + 2*Qexp2(a, v) - phi0(a, v)
    """
    _k0, _k1, _k2, _k3, _k4, = _constants()
    _v0 = 2 * v  # 2*v
    _v1 = a + _v0  # a + 2*v
    _v2 = _rt.sqrt_nonneg(v)  # sqrt_nonneg(v)
    _v3 = _k0 * _v1 * _k2 / (_v2)  # (a + 2*v)*sqrt_nonneg(2)/(2*sqrt_nonneg(v))
    _v4 = _rt.erfcx(_v3)  # erfcx((a + 2*v)*sqrt_nonneg(2)/(2*sqrt_nonneg(v)))
    _v5 = _rt.square(a)  # square(a)
    _v6 = _k1 * _v5 / (v)  # -square(a)/(2*v)
    _v7 = _rt.exp(_v6)  # exp(-square(a)/(2*v))
    _v8 = _k0 * _v4 * _v7
    _t0 = _v8  # Qexp2(a, v)
    _v9 = _k0 * _v7 * _k2 / (_k4 * _v2)  # exp(-square(a)/(2*v))*sqrt_nonneg(2)/(2*sqrt_nonneg(pi)*sqrt_nonneg(v))
    _t1 = _v9  # phi0(a, v)
    _v10 = -_t1  # -_t1
    _v11 = 2 * _t0  # 2*_t0
    _t2 = _v10 + _v11  # 2*_t0 - _t1
    _v12 = _k0 * _t1 * a / (v)  # _t1*a/(2*v)
    _v13 = _t2 + _v12  # _t1*a/(2*v) + _t2
    return (_t0, _t2, _v13,)


def Rexp1_value(a, v):
    """``(Rexp1,)`` at the points or balls ``(a, v)``, the block written out explicitly.

    Rexp1 = Rexp1(a, v)
    Rexp1(a, v) = -erfc(sqrt(2)*a/(2*sqrt(v)))/2 + exp(-a**2/(2*v))*erfcx(sqrt(2)*(a +
        v)/(2*sqrt(v)))/2
    """
    _k0, _k1, _k2, _k3, _k4, = _constants()
    _v0 = _rt.sqrt_nonneg(v)  # sqrt_nonneg(v)
    _v1 = _k0 * a * _k2 / (_v0)  # a*sqrt_nonneg(2)/(2*sqrt_nonneg(v))
    _v2 = _rt.erfc(_v1)  # erfc(a*sqrt_nonneg(2)/(2*sqrt_nonneg(v)))
    _v3 = _k1 * _v2  # -erfc(a*sqrt_nonneg(2)/(2*sqrt_nonneg(v)))/2
    _v4 = a + v  # a + v
    _v5 = _k0 * _v4 * _k2 / (_v0)  # (a + v)*sqrt_nonneg(2)/(2*sqrt_nonneg(v))
    _v6 = _rt.erfcx(_v5)  # erfcx((a + v)*sqrt_nonneg(2)/(2*sqrt_nonneg(v)))
    _v7 = _rt.square(a)  # square(a)
    _v8 = _k1 * _v7 / (v)  # -square(a)/(2*v)
    _v9 = _rt.exp(_v8)  # exp(-square(a)/(2*v))
    _v10 = _k0 * _v6 * _v9  # exp(-square(a)/(2*v))*erfcx((a + v)*sqrt_nonneg(2)/(2*sqrt_nonneg(v)))/2
    _v11 = _v3 + _v10
    _v12 = _v11  # Rexp1(a, v)
    return (_v12,)


def Rexp1_gradient(a, v):
    """``(Rexp1, dRexp1/da, dRexp1/dv)`` (derivatives by the block's rules).

    Rexp1 = Rexp1(a, v)
    dRexp1/da = Qexp1(a, v)
    dRexp1/dv = Qexp1(a, v)/2 - phi0(a, v)/2
    """
    _k0, _k1, _k2, _k3, _k4, = _constants()
    _v0 = a + v  # a + v
    _v1 = _rt.sqrt_nonneg(v)  # sqrt_nonneg(v)
    _v2 = _k0 * _v0 * _k2 / (_v1)  # (a + v)*sqrt_nonneg(2)/(2*sqrt_nonneg(v))
    _v3 = _rt.erfcx(_v2)  # erfcx((a + v)*sqrt_nonneg(2)/(2*sqrt_nonneg(v)))
    _v4 = _rt.square(a)  # square(a)
    _v5 = _k1 * _v4 / (v)  # -square(a)/(2*v)
    _v6 = _rt.exp(_v5)  # exp(-square(a)/(2*v))
    _v7 = _k0 * _v3 * _v6  # exp(-square(a)/(2*v))*erfcx((a + v)*sqrt_nonneg(2)/(2*sqrt_nonneg(v)))/2
    _t0 = _v7  # Qexp1(a, v)
    _v8 = _k0 * a * _k2 / (_v1)  # a*sqrt_nonneg(2)/(2*sqrt_nonneg(v))
    _v9 = _rt.erfc(_v8)  # erfc(a*sqrt_nonneg(2)/(2*sqrt_nonneg(v)))
    _v10 = _k1 * _v9  # -erfc(a*sqrt_nonneg(2)/(2*sqrt_nonneg(v)))/2
    _v11 = _v10 + _v7
    _v12 = _v11  # Rexp1(a, v)
    _v13 = _k0 * _t0  # _t0/2
    _v14 = _k0 * _v6 * _k2 / (_k4 * _v1)  # exp(-square(a)/(2*v))*sqrt_nonneg(2)/(2*sqrt_nonneg(pi)*sqrt_nonneg(v))
    _v15 = _v14  # phi0(a, v)
    _v16 = _k1 * _v15  # -phi0(a, v)/2
    _v17 = _v13 + _v16  # _t0/2 - phi0(a, v)/2
    return (_v12, _t0, _v17,)


def Rexp2_value(a, v):
    """``(Rexp2,)`` at the points or balls ``(a, v)``, the block written out explicitly.

    Rexp2 = Rexp2(a, v)
    Rexp2(a, v) = erfc(sqrt(2)*a/(2*sqrt(v)))/2 - exp(-a**2/(2*v))*erfcx(sqrt(2)*(a +
        v)/(2*sqrt(v))) + exp(-a**2/(2*v))*erfcx(sqrt(2)*(a + 2*v)/(2*sqrt(v)))/2
    """
    _k0, _k1, _k2, _k3, _k4, = _constants()
    _v0 = _rt.sqrt_nonneg(v)  # sqrt_nonneg(v)
    _v1 = _k0 * a * _k2 / (_v0)  # a*sqrt_nonneg(2)/(2*sqrt_nonneg(v))
    _v2 = _rt.erfc(_v1)  # erfc(a*sqrt_nonneg(2)/(2*sqrt_nonneg(v)))
    _v3 = _k0 * _v2  # erfc(a*sqrt_nonneg(2)/(2*sqrt_nonneg(v)))/2
    _v4 = 2 * v  # 2*v
    _v5 = a + _v4  # a + 2*v
    _v6 = _k0 * _v5 * _k2 / (_v0)  # (a + 2*v)*sqrt_nonneg(2)/(2*sqrt_nonneg(v))
    _v7 = _rt.erfcx(_v6)  # erfcx((a + 2*v)*sqrt_nonneg(2)/(2*sqrt_nonneg(v)))
    _v8 = _rt.square(a)  # square(a)
    _v9 = _k1 * _v8 / (v)  # -square(a)/(2*v)
    _v10 = _rt.exp(_v9)  # exp(-square(a)/(2*v))
    _v11 = _k0 * _v7 * _v10
    _v12 = a + v  # a + v
    _v13 = _k0 * _v12 * _k2 / (_v0)  # (a + v)*sqrt_nonneg(2)/(2*sqrt_nonneg(v))
    _v14 = _rt.erfcx(_v13)  # erfcx((a + v)*sqrt_nonneg(2)/(2*sqrt_nonneg(v)))
    _v15 = _v14 * _v10  # exp(-square(a)/(2*v))*erfcx((a + v)*sqrt_nonneg(2)/(2*sqrt_nonneg(v)))
    _v16 = -_v15  # -exp(-square(a)/(2*v))*erfcx((a + v)*sqrt_nonneg(2)/(2*sqrt_nonneg(v)))
    _v17 = _v3 + _v11 + _v16
    _v18 = _v17  # Rexp2(a, v)
    return (_v18,)


def Rexp2_gradient(a, v):
    """``(Rexp2, dRexp2/da, dRexp2/dv)`` (derivatives by the block's rules).

    Rexp2 = Rexp2(a, v)
    dRexp2/da = -2*Qexp1(a, v) + 2*Qexp2(a, v)
    dRexp2/dv = -Qexp1(a, v) + 2*Qexp2(a, v)
    """
    _k0, _k1, _k2, _k3, _k4, = _constants()
    _v0 = a + v  # a + v
    _v1 = _rt.sqrt_nonneg(v)  # sqrt_nonneg(v)
    _v2 = _k0 * _v0 * _k2 / (_v1)  # (a + v)*sqrt_nonneg(2)/(2*sqrt_nonneg(v))
    _v3 = _rt.erfcx(_v2)  # erfcx((a + v)*sqrt_nonneg(2)/(2*sqrt_nonneg(v)))
    _v4 = _rt.square(a)  # square(a)
    _v5 = _k1 * _v4 / (v)  # -square(a)/(2*v)
    _v6 = _rt.exp(_v5)  # exp(-square(a)/(2*v))
    _v7 = _k0 * _v3 * _v6  # exp(-square(a)/(2*v))*erfcx((a + v)*sqrt_nonneg(2)/(2*sqrt_nonneg(v)))/2
    _t0 = _v7  # Qexp1(a, v)
    _v8 = 2 * v  # 2*v
    _v9 = a + _v8  # a + 2*v
    _v10 = _k0 * _v9 * _k2 / (_v1)  # (a + 2*v)*sqrt_nonneg(2)/(2*sqrt_nonneg(v))
    _v11 = _rt.erfcx(_v10)  # erfcx((a + 2*v)*sqrt_nonneg(2)/(2*sqrt_nonneg(v)))
    _v12 = _k0 * _v11 * _v6
    _v13 = _v12  # Qexp2(a, v)
    _t1 = (-2) * _v13  # -2*Qexp2(a, v)
    _v14 = _k0 * a * _k2 / (_v1)  # a*sqrt_nonneg(2)/(2*sqrt_nonneg(v))
    _v15 = _rt.erfc(_v14)  # erfc(a*sqrt_nonneg(2)/(2*sqrt_nonneg(v)))
    _v16 = _k0 * _v15  # erfc(a*sqrt_nonneg(2)/(2*sqrt_nonneg(v)))/2
    _v17 = _v3 * _v6  # exp(-square(a)/(2*v))*erfcx((a + v)*sqrt_nonneg(2)/(2*sqrt_nonneg(v)))
    _v18 = -_v17  # -exp(-square(a)/(2*v))*erfcx((a + v)*sqrt_nonneg(2)/(2*sqrt_nonneg(v)))
    _v19 = _v16 + _v12 + _v18
    _v20 = _v19  # Rexp2(a, v)
    _v21 = -_t1  # -_t1
    _v22 = (-2) * _t0  # -2*_t0
    _v23 = _v21 + _v22  # -2*_t0 - _t1
    _v24 = -_t0  # -_t0
    _v25 = _v24 + _v21  # -_t0 - _t1
    return (_v20, _v23, _v25,)


FUNCTIONS = {
    'phi0': (phi0_value, phi0_gradient),
    'Ppos': (Ppos_value, Ppos_gradient),
    'Pneg': (Pneg_value, Pneg_gradient),
    'Qexp1': (Qexp1_value, Qexp1_gradient),
    'Qexp2': (Qexp2_value, Qexp2_gradient),
    'Rexp1': (Rexp1_value, Rexp1_gradient),
    'Rexp2': (Rexp2_value, Rexp2_gradient),
}
