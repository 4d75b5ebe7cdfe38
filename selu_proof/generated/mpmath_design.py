"""Design system of selu_proof.fixedpoint for mpmath.

GENERATED, DO NOT EDIT: written by `python -m selu_proof.derive.regenerate`
(printer selu_proof.derive.codegen, target mpmath) from selu_proof.derive.regenerate.design_expressions.
tests/test_generated.py regenerates it and requires identical bytes.
"""

# ruff: noqa
from __future__ import annotations

import mpmath as _mp


def _mp_erfcx(x):
    return _mp.exp(x * x) * _mp.erfc(x)


def _mp_square(x):
    return x * x


def design_system(a, v, alpha, lambda_):
    """The design equations and their (alpha, lambda) Jacobian (selu_proof.fixedpoint).

    mu~ = lambda*(a*Ppos(a, v) + alpha*Rexp1(a, v) + v*phi0(a, v))
    nu~ = -lambda**2*(a*Ppos(a, v) + alpha*Rexp1(a, v) + v*phi0(a, v))**2 +
        lambda**2*(a*v*phi0(a, v) + alpha**2*Rexp2(a, v) + (a**2 + v)*Ppos(a, v))
    dmu~/dalpha = lambda*Rexp1(a, v)
    dmu~/dlambda = a*Ppos(a, v) + alpha*Rexp1(a, v) + v*phi0(a, v)
    dnu~/dalpha = 2*alpha*lambda**2*Rexp2(a, v) - 2*lambda**2*(a*Ppos(a, v) + alpha*Rexp1(a, v)
        + v*phi0(a, v))*Rexp1(a, v)
    dnu~/dlambda = -2*lambda*(a*Ppos(a, v) + alpha*Rexp1(a, v) + v*phi0(a, v))**2 +
        2*lambda*(a*v*phi0(a, v) + alpha**2*Rexp2(a, v) + (a**2 + v)*Ppos(a, v))
    """
    _v0 = _mp.sqrt(v)  # sqrt_nonneg(v)
    _v1 = (_mp.mpf(1) / 2) * a * _mp.sqrt(_mp.mpf(2)) / (_v0)  # a*sqrt_nonneg(2)/(2*sqrt_nonneg(v))
    _v2 = _mp.erfc(_v1)  # erfc(a*sqrt_nonneg(2)/(2*sqrt_nonneg(v)))
    _v3 = (_mp.mpf(-1) / 2) * _v2  # -erfc(a*sqrt_nonneg(2)/(2*sqrt_nonneg(v)))/2
    _v4 = _mp.mpf(1) + _v3  # 1 - erfc(a*sqrt_nonneg(2)/(2*sqrt_nonneg(v)))/2
    _t0 = _v4  # Ppos(a, v)
    _v5 = a + v  # a + v
    _v6 = (_mp.mpf(1) / 2) * _v5 * _mp.sqrt(_mp.mpf(2)) / (_v0)  # (a + v)*sqrt_nonneg(2)/(2*sqrt_nonneg(v))
    _v7 = _mp_erfcx(_v6)  # erfcx((a + v)*sqrt_nonneg(2)/(2*sqrt_nonneg(v)))
    _v8 = _mp_square(a)  # square(a)
    _v9 = (_mp.mpf(-1) / 2) * _v8 / (v)  # -square(a)/(2*v)
    _v10 = _mp.exp(_v9)  # exp(-square(a)/(2*v))
    _v11 = (_mp.mpf(1) / 2) * _v7 * _v10  # exp(-square(a)/(2*v))*erfcx((a + v)*sqrt_nonneg(2)/(2*sqrt_nonneg(v)))/2
    _v12 = _v3 + _v11
    _t1 = _v12  # Rexp1(a, v)
    _v13 = (_mp.mpf(1) / 2) * _v10 * _mp.sqrt(_mp.mpf(2)) / (_mp.sqrt((+_mp.pi)) * _v0)  # exp(-square(a)/(2*v))*sqrt_nonneg(2)/(2*sqrt_nonneg(pi)*sqrt_nonneg(v))
    _v14 = _v13  # phi0(a, v)
    _t2 = v * _v14  # v*phi0(a, v)
    _v15 = _t0 * a  # _t0*a
    _v16 = _t1 * alpha  # _t1*alpha
    _t3 = _t2 + _v15 + _v16  # _t0*a + _t1*alpha + _t2
    _t4 = _mp_square(lambda_)  # square(lambda)
    _t5 = _mp_square(_t3)  # square(_t3)
    _v17 = (_mp.mpf(1) / 2) * _v2  # erfc(a*sqrt_nonneg(2)/(2*sqrt_nonneg(v)))/2
    _v18 = _mp.mpf(2) * v  # 2*v
    _v19 = a + _v18  # a + 2*v
    _v20 = (_mp.mpf(1) / 2) * _v19 * _mp.sqrt(_mp.mpf(2)) / (_v0)  # (a + 2*v)*sqrt_nonneg(2)/(2*sqrt_nonneg(v))
    _v21 = _mp_erfcx(_v20)  # erfcx((a + 2*v)*sqrt_nonneg(2)/(2*sqrt_nonneg(v)))
    _v22 = (_mp.mpf(1) / 2) * _v21 * _v10
    _v23 = _v7 * _v10  # exp(-square(a)/(2*v))*erfcx((a + v)*sqrt_nonneg(2)/(2*sqrt_nonneg(v)))
    _v24 = -_v23  # -exp(-square(a)/(2*v))*erfcx((a + v)*sqrt_nonneg(2)/(2*sqrt_nonneg(v)))
    _v25 = _v17 + _v22 + _v24
    _t6 = _v25  # Rexp2(a, v)
    _v26 = v + _v8  # v + square(a)
    _v27 = _t0 * _v26  # _t0*(v + square(a))
    _v28 = _t2 * a  # _t2*a
    _v29 = _mp_square(alpha)  # square(alpha)
    _v30 = _t6 * _v29  # _t6*square(alpha)
    _t7 = _v27 + _v28 + _v30  # _t0*(v + square(a)) + _t2*a + _t6*square(alpha)
    _t8 = _mp.mpf(2) * _t4  # 2*_t4
    _t9 = _mp.mpf(2) * lambda_  # 2*lambda
    _v31 = _t3 * lambda_  # _t3*lambda
    _v32 = _t4 * _t7  # _t4*_t7
    _v33 = _t4 * _t5  # _t4*_t5
    _v34 = -_v33  # -_t4*_t5
    _v35 = _v32 + _v34  # -_t4*_t5 + _t4*_t7
    _v36 = _t1 * lambda_  # _t1*lambda
    _v37 = _t6 * _t8 * alpha  # _t6*_t8*alpha
    _v38 = _t1 * _t3 * _t8  # _t1*_t3*_t8
    _v39 = -_v38  # -_t1*_t3*_t8
    _v40 = _v37 + _v39  # -_t1*_t3*_t8 + _t6*_t8*alpha
    _v41 = _t7 * _t9  # _t7*_t9
    _v42 = _t5 * _t9  # _t5*_t9
    _v43 = -_v42  # -_t5*_t9
    _v44 = _v41 + _v43  # -_t5*_t9 + _t7*_t9
    return (_v31, _v35, _v36, _t3, _v40, _v44,)


FUNCTIONS = {
    'design_system': design_system,
}
