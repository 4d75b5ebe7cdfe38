"""Backend functions of selu_proof.backends for mpmath.

GENERATED, DO NOT EDIT: written by `python -m selu_proof.derive.regenerate`
(printer selu_proof.derive.codegen, target mpmath) from selu_proof.derive.expressions.backend_expressions.
tests/test_generated.py regenerates it and requires identical bytes.
"""

# ruff: noqa
from __future__ import annotations

import mpmath as _mp


def _mp_erfcx(x):
    return _mp.exp(x * x) * _mp.erfc(x)


def _mp_square(x):
    return x * x


def moments(a, v, alpha, lambda_):
    """Backend function 'moments' (selu_proof.backends.compiled).

    out[0] = lambda*(a*Ppos(a, v) + alpha*Rexp1(a, v) + v*phi0(a, v))
    out[1] = lambda**2*(a*v*phi0(a, v) + alpha**2*Rexp2(a, v) + (a**2 + v)*Ppos(a, v))
    out[2] = -lambda**2*(a*Ppos(a, v) + alpha*Rexp1(a, v) + v*phi0(a, v))**2 +
        lambda**2*(a*v*phi0(a, v) + alpha**2*Rexp2(a, v) + (a**2 + v)*Ppos(a, v))
    """
    _v0 = _mp.sqrt(v)  # sqrt_nonneg(v)
    _v1 = (_mp.mpf(1) / 2) * a * _mp.sqrt(_mp.mpf(2)) / (_v0)  # a*sqrt_nonneg(2)/(2*sqrt_nonneg(v))
    _v2 = _mp.erfc(_v1)  # erfc(a*sqrt_nonneg(2)/(2*sqrt_nonneg(v)))
    _v3 = (_mp.mpf(-1) / 2) * _v2  # -erfc(a*sqrt_nonneg(2)/(2*sqrt_nonneg(v)))/2
    _v4 = _mp.mpf(1) + _v3  # 1 - erfc(a*sqrt_nonneg(2)/(2*sqrt_nonneg(v)))/2
    _t0 = _v4  # Ppos(a, v)
    _v5 = _mp_square(a)  # square(a)
    _v6 = (_mp.mpf(-1) / 2) * _v5 / (v)  # -square(a)/(2*v)
    _v7 = _mp.exp(_v6)  # exp(-square(a)/(2*v))
    _v8 = (_mp.mpf(1) / 2) * _v7 * _mp.sqrt(_mp.mpf(2)) / (_mp.sqrt((+_mp.pi)) * _v0)  # exp(-square(a)/(2*v))*sqrt_nonneg(2)/(2*sqrt_nonneg(pi)*sqrt_nonneg(v))
    _v9 = _v8  # phi0(a, v)
    _t1 = v * _v9  # v*phi0(a, v)
    _v10 = _t0 * a  # _t0*a
    _v11 = a + v  # a + v
    _v12 = (_mp.mpf(1) / 2) * _v11 * _mp.sqrt(_mp.mpf(2)) / (_v0)  # (a + v)*sqrt_nonneg(2)/(2*sqrt_nonneg(v))
    _v13 = _mp_erfcx(_v12)  # erfcx((a + v)*sqrt_nonneg(2)/(2*sqrt_nonneg(v)))
    _v14 = (_mp.mpf(1) / 2) * _v13 * _v7  # exp(-square(a)/(2*v))*erfcx((a + v)*sqrt_nonneg(2)/(2*sqrt_nonneg(v)))/2
    _v15 = _v3 + _v14
    _v16 = _v15  # Rexp1(a, v)
    _v17 = alpha * _v16  # alpha*Rexp1(a, v)
    _t2 = _t1 + _v10 + _v17  # _t0*a + _t1 + alpha*Rexp1(a, v)
    _t3 = _mp_square(lambda_)  # square(lambda)
    _v18 = v + _v5  # v + square(a)
    _v19 = _t0 * _v18  # _t0*(v + square(a))
    _v20 = _t1 * a  # _t1*a
    _v21 = (_mp.mpf(1) / 2) * _v2  # erfc(a*sqrt_nonneg(2)/(2*sqrt_nonneg(v)))/2
    _v22 = _mp.mpf(2) * v  # 2*v
    _v23 = a + _v22  # a + 2*v
    _v24 = (_mp.mpf(1) / 2) * _v23 * _mp.sqrt(_mp.mpf(2)) / (_v0)  # (a + 2*v)*sqrt_nonneg(2)/(2*sqrt_nonneg(v))
    _v25 = _mp_erfcx(_v24)  # erfcx((a + 2*v)*sqrt_nonneg(2)/(2*sqrt_nonneg(v)))
    _v26 = (_mp.mpf(1) / 2) * _v25 * _v7
    _v27 = _v13 * _v7  # exp(-square(a)/(2*v))*erfcx((a + v)*sqrt_nonneg(2)/(2*sqrt_nonneg(v)))
    _v28 = -_v27  # -exp(-square(a)/(2*v))*erfcx((a + v)*sqrt_nonneg(2)/(2*sqrt_nonneg(v)))
    _v29 = _v21 + _v26 + _v28
    _v30 = _v29  # Rexp2(a, v)
    _v31 = _mp_square(alpha)  # square(alpha)
    _v32 = _v30 * _v31  # Rexp2(a, v)*square(alpha)
    _v33 = _v19 + _v20 + _v32  # _t0*(v + square(a)) + _t1*a + Rexp2(a, v)*square(alpha)
    _t4 = _t3 * _v33  # _t3*(_t0*(v + square(a)) + _t1*a + Rexp2(a, v)*square(alpha))
    _v34 = _t2 * lambda_  # _t2*lambda
    _v35 = _mp_square(_t2)  # square(_t2)
    _v36 = _t3 * _v35  # _t3*square(_t2)
    _v37 = -_v36  # -_t3*square(_t2)
    _v38 = _t4 + _v37  # -_t3*square(_t2) + _t4
    return (_v34, _t4, _v38,)


def jacobian_variance(a, v, alpha, lambda_, omega, tau):
    """Backend function 'jacobian_variance' (selu_proof.backends.compiled).

    out[0] = omega*(alpha*lambda*Qexp1(a, v) + lambda*Ppos(a, v))
    out[1] = tau*(alpha*lambda*Qexp1(a, v)/2 + (-alpha*lambda/2 + lambda/2)*phi0(a, v))
    out[2] = -2*lambda*omega*(alpha*lambda*Qexp1(a, v) + lambda*Ppos(a, v))*(a*Ppos(a, v) +
        alpha*Rexp1(a, v) + v*phi0(a, v)) + omega*(2*a*lambda**2*Ppos(a, v) -
        2*alpha**2*lambda**2*Qexp1(a, v) + 2*alpha**2*lambda**2*Qexp2(a, v) +
        2*lambda**2*v*phi0(a, v))
    out[3] = -2*lambda*tau*(alpha*lambda*Qexp1(a, v)/2 + (-alpha*lambda/2 + lambda/2)*phi0(a,
        v))*(a*Ppos(a, v) + alpha*Rexp1(a, v) + v*phi0(a, v)) +
        tau*(-alpha**2*lambda**2*Qexp1(a, v) + 2*alpha**2*lambda**2*Qexp2(a, v) +
        lambda**2*Ppos(a, v))
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
    _t1 = _v11  # Qexp1(a, v)
    _t2 = _t1 * alpha  # _t1*alpha
    _v12 = _t0 * lambda_  # _t0*lambda
    _v13 = _t2 * lambda_  # _t2*lambda
    _v14 = _v12 + _v13  # _t0*lambda + _t2*lambda
    _t3 = omega * _v14  # omega*(_t0*lambda + _t2*lambda)
    _t4 = (_mp.mpf(1) / 2) * lambda_  # lambda/2
    _v15 = (_mp.mpf(1) / 2) * _v10 * _mp.sqrt(_mp.mpf(2)) / (_mp.sqrt((+_mp.pi)) * _v0)  # exp(-square(a)/(2*v))*sqrt_nonneg(2)/(2*sqrt_nonneg(pi)*sqrt_nonneg(v))
    _t5 = _v15  # phi0(a, v)
    _v16 = _t2 * _t4  # _t2*_t4
    _v17 = (_mp.mpf(1) / 2) * lambda_  # lambda/2
    _v18 = _t4 * alpha  # _t4*alpha
    _v19 = -_v18  # -_t4*alpha
    _v20 = _v17 + _v19  # -_t4*alpha + lambda/2
    _v21 = _t5 * _v20  # _t5*(-_t4*alpha + lambda/2)
    _v22 = _v16 + _v21  # _t2*_t4 + _t5*(-_t4*alpha + lambda/2)
    _t6 = tau * _v22  # tau*(_t2*_t4 + _t5*(-_t4*alpha + lambda/2))
    _t7 = _t0 * a  # _t0*a
    _t8 = _t5 * v  # _t5*v
    _v23 = _v3 + _v11
    _v24 = _v23  # Rexp1(a, v)
    _v25 = alpha * _v24  # alpha*Rexp1(a, v)
    _v26 = _t7 + _t8 + _v25  # _t7 + _t8 + alpha*Rexp1(a, v)
    _t9 = _mp.mpf(2) * lambda_ * _v26  # 2*lambda*(_t7 + _t8 + alpha*Rexp1(a, v))
    _t10 = _mp_square(lambda_)  # square(lambda)
    _t11 = _mp.mpf(2) * _t10  # 2*_t10
    _v27 = _mp_square(alpha)  # square(alpha)
    _t12 = _t10 * _v27  # _t10*square(alpha)
    _t13 = _t1 * _t12  # _t1*_t12
    _v28 = _mp.mpf(2) * v  # 2*v
    _v29 = a + _v28  # a + 2*v
    _v30 = (_mp.mpf(1) / 2) * _v29 * _mp.sqrt(_mp.mpf(2)) / (_v0)  # (a + 2*v)*sqrt_nonneg(2)/(2*sqrt_nonneg(v))
    _v31 = _mp_erfcx(_v30)  # erfcx((a + 2*v)*sqrt_nonneg(2)/(2*sqrt_nonneg(v)))
    _v32 = (_mp.mpf(1) / 2) * _v31 * _v10
    _v33 = _v32  # Qexp2(a, v)
    _t14 = _mp.mpf(2) * _t12 * _v33  # 2*_t12*Qexp2(a, v)
    _v34 = _mp.mpf(-2) * _t13  # -2*_t13
    _v35 = _t11 * _t7  # _t11*_t7
    _v36 = _t11 * _t8  # _t11*_t8
    _v37 = _t14 + _v34 + _v35 + _v36  # _t11*_t7 + _t11*_t8 - 2*_t13 + _t14
    _v38 = omega * _v37  # omega*(_t11*_t7 + _t11*_t8 - 2*_t13 + _t14)
    _v39 = _t3 * _t9  # _t3*_t9
    _v40 = -_v39  # -_t3*_t9
    _v41 = _v38 + _v40  # -_t3*_t9 + omega*(_t11*_t7 + _t11*_t8 - 2*_t13 + _t14)
    _v42 = -_t13  # -_t13
    _v43 = _t0 * _t10  # _t0*_t10
    _v44 = _t14 + _v42 + _v43  # _t0*_t10 - _t13 + _t14
    _v45 = tau * _v44  # tau*(_t0*_t10 - _t13 + _t14)
    _v46 = _t6 * _t9  # _t6*_t9
    _v47 = -_v46  # -_t6*_t9
    _v48 = _v45 + _v47  # -_t6*_t9 + tau*(_t0*_t10 - _t13 + _t14)
    return (_t3, _t6, _v41, _v48,)


def jacobian_second_moment(a, v, alpha, lambda_, omega, tau):
    """Backend function 'jacobian_second_moment' (selu_proof.backends.compiled).

    out[0] = omega*(alpha*lambda*Qexp1(a, v) + lambda*Ppos(a, v))
    out[1] = tau*(alpha*lambda*Qexp1(a, v)/2 + (-alpha*lambda/2 + lambda/2)*phi0(a, v))
    out[2] = omega*(2*a*lambda**2*Ppos(a, v) - 2*alpha**2*lambda**2*Qexp1(a, v) +
        2*alpha**2*lambda**2*Qexp2(a, v) + 2*lambda**2*v*phi0(a, v))
    out[3] = tau*(-alpha**2*lambda**2*Qexp1(a, v) + 2*alpha**2*lambda**2*Qexp2(a, v) +
        lambda**2*Ppos(a, v))
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
    _t1 = _v11  # Qexp1(a, v)
    _t2 = _t1 * alpha  # _t1*alpha
    _t3 = (_mp.mpf(1) / 2) * lambda_  # lambda/2
    _v12 = (_mp.mpf(1) / 2) * _v10 * _mp.sqrt(_mp.mpf(2)) / (_mp.sqrt((+_mp.pi)) * _v0)  # exp(-square(a)/(2*v))*sqrt_nonneg(2)/(2*sqrt_nonneg(pi)*sqrt_nonneg(v))
    _t4 = _v12  # phi0(a, v)
    _t5 = _mp_square(lambda_)  # square(lambda)
    _t6 = _t0 * _t5  # _t0*_t5
    _v13 = _mp_square(alpha)  # square(alpha)
    _t7 = _t5 * _v13  # _t5*square(alpha)
    _t8 = _t1 * _t7  # _t1*_t7
    _v14 = _mp.mpf(2) * v  # 2*v
    _v15 = a + _v14  # a + 2*v
    _v16 = (_mp.mpf(1) / 2) * _v15 * _mp.sqrt(_mp.mpf(2)) / (_v0)  # (a + 2*v)*sqrt_nonneg(2)/(2*sqrt_nonneg(v))
    _v17 = _mp_erfcx(_v16)  # erfcx((a + 2*v)*sqrt_nonneg(2)/(2*sqrt_nonneg(v)))
    _v18 = (_mp.mpf(1) / 2) * _v17 * _v10
    _v19 = _v18  # Qexp2(a, v)
    _t9 = _mp.mpf(2) * _t7 * _v19  # 2*_t7*Qexp2(a, v)
    _v20 = _t0 * lambda_  # _t0*lambda
    _v21 = _t2 * lambda_  # _t2*lambda
    _v22 = _v20 + _v21  # _t0*lambda + _t2*lambda
    _v23 = omega * _v22  # omega*(_t0*lambda + _t2*lambda)
    _v24 = _t2 * _t3  # _t2*_t3
    _v25 = (_mp.mpf(1) / 2) * lambda_  # lambda/2
    _v26 = _t3 * alpha  # _t3*alpha
    _v27 = -_v26  # -_t3*alpha
    _v28 = _v25 + _v27  # -_t3*alpha + lambda/2
    _v29 = _t4 * _v28  # _t4*(-_t3*alpha + lambda/2)
    _v30 = _v24 + _v29  # _t2*_t3 + _t4*(-_t3*alpha + lambda/2)
    _v31 = tau * _v30  # tau*(_t2*_t3 + _t4*(-_t3*alpha + lambda/2))
    _v32 = _mp.mpf(-2) * _t8  # -2*_t8
    _v33 = _mp.mpf(2) * _t6 * a  # 2*_t6*a
    _v34 = _mp.mpf(2) * _t4 * _t5 * v  # 2*_t4*_t5*v
    _v35 = _t9 + _v32 + _v33 + _v34  # 2*_t4*_t5*v + 2*_t6*a - 2*_t8 + _t9
    _v36 = omega * _v35  # omega*(2*_t4*_t5*v + 2*_t6*a - 2*_t8 + _t9)
    _v37 = -_t8  # -_t8
    _v38 = _t6 + _t9 + _v37  # _t6 - _t8 + _t9
    _v39 = tau * _v38  # tau*(_t6 - _t8 + _t9)
    return (_v23, _v31, _v36, _v39,)


def spectral_variance(a, v, alpha, lambda_, omega, tau):
    """Backend function 'spectral_variance' (selu_proof.backends.compiled).

    out[0] = sqrt((-2*lambda*omega*(alpha*lambda*Qexp1(a, v) + lambda*Ppos(a, v))*(a*Ppos(a, v)
        + alpha*Rexp1(a, v) + v*phi0(a, v)) + omega*(2*a*lambda**2*Ppos(a, v) -
        2*alpha**2*lambda**2*Qexp1(a, v) + 2*alpha**2*lambda**2*Qexp2(a, v) +
        2*lambda**2*v*phi0(a, v)) - tau*(alpha*lambda*Qexp1(a, v)/2 + (-alpha*lambda/2 +
        lambda/2)*phi0(a, v)))**2 + (-2*lambda*tau*(alpha*lambda*Qexp1(a, v)/2 +
        (-alpha*lambda/2 + lambda/2)*phi0(a, v))*(a*Ppos(a, v) + alpha*Rexp1(a, v) + v*phi0(a,
        v)) + omega*(alpha*lambda*Qexp1(a, v) + lambda*Ppos(a, v)) +
        tau*(-alpha**2*lambda**2*Qexp1(a, v) + 2*alpha**2*lambda**2*Qexp2(a, v) +
        lambda**2*Ppos(a, v)))**2)/2 + sqrt((-2*lambda*omega*(alpha*lambda*Qexp1(a, v) +
        lambda*Ppos(a, v))*(a*Ppos(a, v) + alpha*Rexp1(a, v) + v*phi0(a, v)) +
        omega*(2*a*lambda**2*Ppos(a, v) - 2*alpha**2*lambda**2*Qexp1(a, v) +
        2*alpha**2*lambda**2*Qexp2(a, v) + 2*lambda**2*v*phi0(a, v)) +
        tau*(alpha*lambda*Qexp1(a, v)/2 + (-alpha*lambda/2 + lambda/2)*phi0(a, v)))**2 +
        (2*lambda*tau*(alpha*lambda*Qexp1(a, v)/2 + (-alpha*lambda/2 + lambda/2)*phi0(a,
        v))*(a*Ppos(a, v) + alpha*Rexp1(a, v) + v*phi0(a, v)) + omega*(alpha*lambda*Qexp1(a, v)
        + lambda*Ppos(a, v)) - tau*(-alpha**2*lambda**2*Qexp1(a, v) +
        2*alpha**2*lambda**2*Qexp2(a, v) + lambda**2*Ppos(a, v)))**2)/2
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
    _t1 = _v11  # Qexp1(a, v)
    _t2 = _t1 * alpha  # _t1*alpha
    _v12 = _t0 * lambda_  # _t0*lambda
    _v13 = _t2 * lambda_  # _t2*lambda
    _v14 = _v12 + _v13  # _t0*lambda + _t2*lambda
    _t3 = omega * _v14  # omega*(_t0*lambda + _t2*lambda)
    _t4 = _mp_square(lambda_)  # square(lambda)
    _t5 = _t0 * _t4  # _t0*_t4
    _v15 = _mp_square(alpha)  # square(alpha)
    _t6 = _t4 * _v15  # _t4*square(alpha)
    _t7 = _t1 * _t6  # _t1*_t6
    _v16 = _mp.mpf(2) * v  # 2*v
    _v17 = a + _v16  # a + 2*v
    _v18 = (_mp.mpf(1) / 2) * _v17 * _mp.sqrt(_mp.mpf(2)) / (_v0)  # (a + 2*v)*sqrt_nonneg(2)/(2*sqrt_nonneg(v))
    _v19 = _mp_erfcx(_v18)  # erfcx((a + 2*v)*sqrt_nonneg(2)/(2*sqrt_nonneg(v)))
    _v20 = (_mp.mpf(1) / 2) * _v19 * _v10
    _v21 = _v20  # Qexp2(a, v)
    _t8 = _mp.mpf(2) * _t6 * _v21  # 2*_t6*Qexp2(a, v)
    _v22 = -_t7  # -_t7
    _v23 = _t5 + _t8 + _v22  # _t5 - _t7 + _t8
    _t9 = tau * _v23  # tau*(_t5 - _t7 + _t8)
    _t10 = (_mp.mpf(1) / 2) * lambda_  # lambda/2
    _v24 = (_mp.mpf(1) / 2) * _v10 * _mp.sqrt(_mp.mpf(2)) / (_mp.sqrt((+_mp.pi)) * _v0)  # exp(-square(a)/(2*v))*sqrt_nonneg(2)/(2*sqrt_nonneg(pi)*sqrt_nonneg(v))
    _t11 = _v24  # phi0(a, v)
    _v25 = _t10 * _t2  # _t10*_t2
    _v26 = (_mp.mpf(1) / 2) * lambda_  # lambda/2
    _v27 = _t10 * alpha  # _t10*alpha
    _v28 = -_v27  # -_t10*alpha
    _v29 = _v26 + _v28  # -_t10*alpha + lambda/2
    _v30 = _t11 * _v29  # _t11*(-_t10*alpha + lambda/2)
    _v31 = _v25 + _v30  # _t10*_t2 + _t11*(-_t10*alpha + lambda/2)
    _t12 = tau * _v31  # tau*(_t10*_t2 + _t11*(-_t10*alpha + lambda/2))
    _t13 = _t11 * v  # _t11*v
    _v32 = _t0 * a  # _t0*a
    _v33 = _v3 + _v11
    _v34 = _v33  # Rexp1(a, v)
    _v35 = alpha * _v34  # alpha*Rexp1(a, v)
    _v36 = _t13 + _v32 + _v35  # _t0*a + _t13 + alpha*Rexp1(a, v)
    _t14 = _mp.mpf(2) * lambda_ * _v36  # 2*lambda*(_t0*a + _t13 + alpha*Rexp1(a, v))
    _t15 = _t12 * _t14  # _t12*_t14
    _t16 = _t14 * _t3  # _t14*_t3
    _v37 = _mp.mpf(-2) * _t7  # -2*_t7
    _v38 = _mp.mpf(2) * _t13 * _t4  # 2*_t13*_t4
    _v39 = _mp.mpf(2) * _t5 * a  # 2*_t5*a
    _t17 = _t8 + _v37 + _v38 + _v39  # 2*_t13*_t4 + 2*_t5*a - 2*_t7 + _t8
    _v40 = -_t16  # -_t16
    _v41 = _t17 * omega  # _t17*omega
    _v42 = _t12 + _v40 + _v41  # _t12 - _t16 + _t17*omega
    _v43 = _mp_square(_v42)  # square(_t12 - _t16 + _t17*omega)
    _v44 = -_t9  # -_t9
    _v45 = _t15 + _t3 + _v44  # _t15 + _t3 - _t9
    _v46 = _mp_square(_v45)  # square(_t15 + _t3 - _t9)
    _v47 = _v43 + _v46  # square(_t12 - _t16 + _t17*omega) + square(_t15 + _t3 - _t9)
    _v48 = _mp.sqrt(_v47)  # sqrt_nonneg(square(_t12 - _t16 + _t17*omega) + square(_t15 + _t3 - _t9))
    _v49 = (_mp.mpf(1) / 2) * _v48
    _v50 = -_t15  # -_t15
    _v51 = _t3 + _t9 + _v50  # -_t15 + _t3 + _t9
    _v52 = _mp_square(_v51)  # square(-_t15 + _t3 + _t9)
    _v53 = -_t12  # -_t12
    _v54 = _v53 + _v40 + _v41  # -_t12 - _t16 + _t17*omega
    _v55 = _mp_square(_v54)  # square(-_t12 - _t16 + _t17*omega)
    _v56 = _v52 + _v55  # square(-_t12 - _t16 + _t17*omega) + square(-_t15 + _t3 + _t9)
    _v57 = _mp.sqrt(_v56)
    _v58 = (_mp.mpf(1) / 2) * _v57
    _v59 = _v49 + _v58
    return (_v59,)


def spectral_second_moment(a, v, alpha, lambda_, omega, tau):
    """Backend function 'spectral_second_moment' (selu_proof.backends.compiled).

    out[0] = sqrt((omega*(alpha*lambda*Qexp1(a, v) + lambda*Ppos(a, v)) -
        tau*(-alpha**2*lambda**2*Qexp1(a, v) + 2*alpha**2*lambda**2*Qexp2(a, v) +
        lambda**2*Ppos(a, v)))**2 + (omega*(2*a*lambda**2*Ppos(a, v) -
        2*alpha**2*lambda**2*Qexp1(a, v) + 2*alpha**2*lambda**2*Qexp2(a, v) +
        2*lambda**2*v*phi0(a, v)) + tau*(alpha*lambda*Qexp1(a, v)/2 + (-alpha*lambda/2 +
        lambda/2)*phi0(a, v)))**2)/2 + sqrt((omega*(alpha*lambda*Qexp1(a, v) + lambda*Ppos(a,
        v)) + tau*(-alpha**2*lambda**2*Qexp1(a, v) + 2*alpha**2*lambda**2*Qexp2(a, v) +
        lambda**2*Ppos(a, v)))**2 + (omega*(2*a*lambda**2*Ppos(a, v) -
        2*alpha**2*lambda**2*Qexp1(a, v) + 2*alpha**2*lambda**2*Qexp2(a, v) +
        2*lambda**2*v*phi0(a, v)) - tau*(alpha*lambda*Qexp1(a, v)/2 + (-alpha*lambda/2 +
        lambda/2)*phi0(a, v)))**2)/2
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
    _t1 = _v11  # Qexp1(a, v)
    _t2 = _t1 * alpha  # _t1*alpha
    _v12 = _t0 * lambda_  # _t0*lambda
    _v13 = _t2 * lambda_  # _t2*lambda
    _v14 = _v12 + _v13  # _t0*lambda + _t2*lambda
    _t3 = omega * _v14  # omega*(_t0*lambda + _t2*lambda)
    _t4 = _mp_square(lambda_)  # square(lambda)
    _t5 = _t0 * _t4  # _t0*_t4
    _v15 = _mp_square(alpha)  # square(alpha)
    _t6 = _t4 * _v15  # _t4*square(alpha)
    _t7 = _t1 * _t6  # _t1*_t6
    _v16 = _mp.mpf(2) * v  # 2*v
    _v17 = a + _v16  # a + 2*v
    _v18 = (_mp.mpf(1) / 2) * _v17 * _mp.sqrt(_mp.mpf(2)) / (_v0)  # (a + 2*v)*sqrt_nonneg(2)/(2*sqrt_nonneg(v))
    _v19 = _mp_erfcx(_v18)  # erfcx((a + 2*v)*sqrt_nonneg(2)/(2*sqrt_nonneg(v)))
    _v20 = (_mp.mpf(1) / 2) * _v19 * _v10
    _v21 = _v20  # Qexp2(a, v)
    _t8 = _mp.mpf(2) * _t6 * _v21  # 2*_t6*Qexp2(a, v)
    _v22 = -_t7  # -_t7
    _v23 = _t5 + _t8 + _v22  # _t5 - _t7 + _t8
    _t9 = tau * _v23  # tau*(_t5 - _t7 + _t8)
    _t10 = (_mp.mpf(1) / 2) * lambda_  # lambda/2
    _v24 = (_mp.mpf(1) / 2) * _v10 * _mp.sqrt(_mp.mpf(2)) / (_mp.sqrt((+_mp.pi)) * _v0)  # exp(-square(a)/(2*v))*sqrt_nonneg(2)/(2*sqrt_nonneg(pi)*sqrt_nonneg(v))
    _t11 = _v24  # phi0(a, v)
    _v25 = _t10 * _t2  # _t10*_t2
    _v26 = (_mp.mpf(1) / 2) * lambda_  # lambda/2
    _v27 = _t10 * alpha  # _t10*alpha
    _v28 = -_v27  # -_t10*alpha
    _v29 = _v26 + _v28  # -_t10*alpha + lambda/2
    _v30 = _t11 * _v29  # _t11*(-_t10*alpha + lambda/2)
    _v31 = _v25 + _v30  # _t10*_t2 + _t11*(-_t10*alpha + lambda/2)
    _t12 = tau * _v31  # tau*(_t10*_t2 + _t11*(-_t10*alpha + lambda/2))
    _v32 = _mp.mpf(-2) * _t7  # -2*_t7
    _v33 = _mp.mpf(2) * _t5 * a  # 2*_t5*a
    _v34 = _mp.mpf(2) * _t11 * _t4 * v  # 2*_t11*_t4*v
    _v35 = _t8 + _v32 + _v33 + _v34  # 2*_t11*_t4*v + 2*_t5*a - 2*_t7 + _t8
    _t13 = omega * _v35  # omega*(2*_t11*_t4*v + 2*_t5*a - 2*_t7 + _t8)
    _v36 = _t12 + _t13  # _t12 + _t13
    _v37 = _mp_square(_v36)  # square(_t12 + _t13)
    _v38 = -_t9  # -_t9
    _v39 = _t3 + _v38  # _t3 - _t9
    _v40 = _mp_square(_v39)  # square(_t3 - _t9)
    _v41 = _v37 + _v40  # square(_t12 + _t13) + square(_t3 - _t9)
    _v42 = _mp.sqrt(_v41)  # sqrt_nonneg(square(_t12 + _t13) + square(_t3 - _t9))
    _v43 = (_mp.mpf(1) / 2) * _v42  # sqrt_nonneg(square(_t12 + _t13) + square(_t3 - _t9))/2
    _v44 = -_t12  # -_t12
    _v45 = _t13 + _v44  # -_t12 + _t13
    _v46 = _mp_square(_v45)  # square(-_t12 + _t13)
    _v47 = _t3 + _t9  # _t3 + _t9
    _v48 = _mp_square(_v47)  # square(_t3 + _t9)
    _v49 = _v46 + _v48  # square(-_t12 + _t13) + square(_t3 + _t9)
    _v50 = _mp.sqrt(_v49)  # sqrt_nonneg(square(-_t12 + _t13) + square(_t3 + _t9))
    _v51 = (_mp.mpf(1) / 2) * _v50  # sqrt_nonneg(square(-_t12 + _t13) + square(_t3 + _t9))/2
    _v52 = _v43 + _v51
    return (_v52,)


def dropout_affine(q, saturation, mean, var):
    """Backend function 'dropout_affine' (selu_proof.backends.compiled).

    out[0] = sqrt(var/(q*(var + (1 - q)*(-mean + saturation)**2)))
    out[1] = mean - sqrt(var/(q*(var + (1 - q)*(-mean + saturation)**2)))*(mean*q +
        saturation*(1 - q))
    """
    _v0 = -q  # -q
    _t0 = _mp.mpf(1) + _v0  # 1 - q
    _v1 = -mean  # -mean
    _v2 = saturation + _v1  # -mean + saturation
    _v3 = _mp_square(_v2)  # square(-mean + saturation)
    _v4 = _t0 * _v3  # _t0*square(-mean + saturation)
    _v5 = var + _v4  # _t0*square(-mean + saturation) + var
    _v6 = var / (q * _v5)  # var/(q*(_t0*square(-mean + saturation) + var))
    _t1 = _mp.sqrt(_v6)  # sqrt(var/(q*(_t0*square(-mean + saturation) + var)))
    _v7 = _t0 * saturation  # _t0*saturation
    _v8 = mean * q  # mean*q
    _v9 = _v7 + _v8  # _t0*saturation + mean*q
    _v10 = _t1 * _v9  # _t1*(_t0*saturation + mean*q)
    _v11 = -_v10  # -_t1*(_t0*saturation + mean*q)
    _v12 = mean + _v11  # -_t1*(_t0*saturation + mean*q) + mean
    return (_t1, _v12,)


def dropout_moments(mean_in, var_in, q, saturation, a, b):
    """Backend function 'dropout_moments' (selu_proof.backends.compiled).

    out[0] = a*(mean_in*q + saturation*(1 - q)) + b
    out[1] = a**2*q*(var_in + (1 - q)*(mean_in - saturation)**2)
    """
    _v0 = -q  # -q
    _t0 = _mp.mpf(1) + _v0  # 1 - q
    _v1 = _t0 * saturation  # _t0*saturation
    _v2 = mean_in * q  # mean_in*q
    _v3 = _v1 + _v2  # _t0*saturation + mean_in*q
    _v4 = a * _v3  # a*(_t0*saturation + mean_in*q)
    _v5 = b + _v4  # a*(_t0*saturation + mean_in*q) + b
    _v6 = -saturation  # -saturation
    _v7 = mean_in + _v6  # mean_in - saturation
    _v8 = _mp_square(_v7)  # square(mean_in - saturation)
    _v9 = _t0 * _v8  # _t0*square(mean_in - saturation)
    _v10 = var_in + _v9  # _t0*square(mean_in - saturation) + var_in
    _v11 = _mp_square(a)  # square(a)
    _v12 = q * _v10 * _v11  # q*(_t0*square(mean_in - saturation) + var_in)*square(a)
    return (_v5, _v12,)


def gaussian_moments(a, v, alpha, lambda_):
    """Backend function 'gaussian_moments' (selu_proof.backends.compiled).

    out[0] = lambda*(a*Ppos(a, v) + alpha*Rexp1(a, v) + v*phi0(a, v))
    out[1] = alpha*lambda*Qexp1(a, v) + lambda*Ppos(a, v)
    out[2] = alpha*lambda*Qexp1(a, v)/2 + (-alpha*lambda/2 + lambda/2)*phi0(a, v)
    out[3] = lambda**2*(a*v*phi0(a, v) + alpha**2*Rexp2(a, v) + (a**2 + v)*Ppos(a, v))
    out[4] = 2*a*lambda**2*Ppos(a, v) - 2*alpha**2*lambda**2*Qexp1(a, v) +
        2*alpha**2*lambda**2*Qexp2(a, v) + 2*lambda**2*v*phi0(a, v)
    out[5] = -alpha**2*lambda**2*Qexp1(a, v) + 2*alpha**2*lambda**2*Qexp2(a, v) +
        lambda**2*Ppos(a, v)
    out[6] = lambda*(alpha*Qexp1(a, v) + Ppos(a, v))
    out[7] = alpha*lambda*Qexp1(a, v) + (-alpha*lambda + lambda)*phi0(a, v)
    out[8] = alpha*lambda*Qexp1(a, v)/2 + (a*alpha*lambda/(2*v) - a*lambda/(2*v) -
        alpha*lambda/2)*phi0(a, v)
    out[9] = lambda**2*(alpha**2*Qexp2(a, v) + Ppos(a, v))
    out[10] = 2*alpha**2*lambda**2*Qexp2(a, v) + (-alpha**2*lambda**2 + lambda**2)*phi0(a, v)
    out[11] = 2*alpha**2*lambda**2*Qexp2(a, v) + (a*alpha**2*lambda**2/(2*v) - a*lambda**2/(2*v)
        - alpha**2*lambda**2)*phi0(a, v)
    """
    _v0 = _mp.sqrt(v)  # sqrt_nonneg(v)
    _v1 = (_mp.mpf(1) / 2) * a * _mp.sqrt(_mp.mpf(2)) / (_v0)  # a*sqrt_nonneg(2)/(2*sqrt_nonneg(v))
    _v2 = _mp.erfc(_v1)  # erfc(a*sqrt_nonneg(2)/(2*sqrt_nonneg(v)))
    _v3 = (_mp.mpf(-1) / 2) * _v2  # -erfc(a*sqrt_nonneg(2)/(2*sqrt_nonneg(v)))/2
    _v4 = _mp.mpf(1) + _v3  # 1 - erfc(a*sqrt_nonneg(2)/(2*sqrt_nonneg(v)))/2
    _t0 = _v4  # Ppos(a, v)
    _t1 = _t0 * a  # _t0*a
    _v5 = _mp_square(a)  # square(a)
    _v6 = (_mp.mpf(-1) / 2) * _v5 / (v)  # -square(a)/(2*v)
    _v7 = _mp.exp(_v6)  # exp(-square(a)/(2*v))
    _v8 = (_mp.mpf(1) / 2) * _v7 * _mp.sqrt(_mp.mpf(2)) / (_mp.sqrt((+_mp.pi)) * _v0)  # exp(-square(a)/(2*v))*sqrt_nonneg(2)/(2*sqrt_nonneg(pi)*sqrt_nonneg(v))
    _t2 = _v8  # phi0(a, v)
    _t3 = _t2 * v  # _t2*v
    _v9 = a + v  # a + v
    _v10 = (_mp.mpf(1) / 2) * _v9 * _mp.sqrt(_mp.mpf(2)) / (_v0)  # (a + v)*sqrt_nonneg(2)/(2*sqrt_nonneg(v))
    _v11 = _mp_erfcx(_v10)  # erfcx((a + v)*sqrt_nonneg(2)/(2*sqrt_nonneg(v)))
    _v12 = (_mp.mpf(1) / 2) * _v11 * _v7  # exp(-square(a)/(2*v))*erfcx((a + v)*sqrt_nonneg(2)/(2*sqrt_nonneg(v)))/2
    _t4 = _v12  # Qexp1(a, v)
    _t5 = _t4 * alpha  # _t4*alpha
    _t6 = _t5 * lambda_  # _t5*lambda
    _t7 = (_mp.mpf(1) / 2) * lambda_  # lambda/2
    _t8 = _t5 * _t7  # _t5*_t7
    _t9 = _t7 * alpha  # _t7*alpha
    _t10 = _mp_square(lambda_)  # square(lambda)
    _t11 = _mp_square(alpha)  # square(alpha)
    _t12 = _mp.mpf(2) * _t10  # 2*_t10
    _t13 = _t10 * _t11  # _t10*_t11
    _t14 = _t13 * _t4  # _t13*_t4
    _v13 = _mp.mpf(2) * v  # 2*v
    _v14 = a + _v13  # a + 2*v
    _v15 = (_mp.mpf(1) / 2) * _v14 * _mp.sqrt(_mp.mpf(2)) / (_v0)  # (a + 2*v)*sqrt_nonneg(2)/(2*sqrt_nonneg(v))
    _v16 = _mp_erfcx(_v15)  # erfcx((a + 2*v)*sqrt_nonneg(2)/(2*sqrt_nonneg(v)))
    _v17 = (_mp.mpf(1) / 2) * _v16 * _v7
    _v18 = _v17  # Qexp2(a, v)
    _t15 = _t11 * _v18  # _t11*Qexp2(a, v)
    _t16 = _t12 * _t15  # _t12*_t15
    _t17 = _mp.mpf(1) / v  # 1/v
    _t18 = _t17 * a  # _t17*a
    _v19 = _v3 + _v12
    _v20 = _v19  # Rexp1(a, v)
    _v21 = alpha * _v20  # alpha*Rexp1(a, v)
    _v22 = _t1 + _t3 + _v21  # _t1 + _t3 + alpha*Rexp1(a, v)
    _v23 = lambda_ * _v22  # lambda*(_t1 + _t3 + alpha*Rexp1(a, v))
    _v24 = _t0 * lambda_  # _t0*lambda
    _v25 = _t6 + _v24  # _t0*lambda + _t6
    _v26 = (_mp.mpf(1) / 2) * lambda_  # lambda/2
    _v27 = -_t9  # -_t9
    _v28 = _v26 + _v27  # -_t9 + lambda/2
    _v29 = _t2 * _v28  # _t2*(-_t9 + lambda/2)
    _v30 = _t8 + _v29  # _t2*(-_t9 + lambda/2) + _t8
    _v31 = v + _v5  # v + square(a)
    _v32 = _t0 * _v31  # _t0*(v + square(a))
    _v33 = (_mp.mpf(1) / 2) * _v2  # erfc(a*sqrt_nonneg(2)/(2*sqrt_nonneg(v)))/2
    _v34 = _v11 * _v7  # exp(-square(a)/(2*v))*erfcx((a + v)*sqrt_nonneg(2)/(2*sqrt_nonneg(v)))
    _v35 = -_v34  # -exp(-square(a)/(2*v))*erfcx((a + v)*sqrt_nonneg(2)/(2*sqrt_nonneg(v)))
    _v36 = _v33 + _v17 + _v35
    _v37 = _v36  # Rexp2(a, v)
    _v38 = _t11 * _v37  # _t11*Rexp2(a, v)
    _v39 = _t3 * a  # _t3*a
    _v40 = _v32 + _v38 + _v39  # _t0*(v + square(a)) + _t11*Rexp2(a, v) + _t3*a
    _v41 = _t10 * _v40  # _t10*(_t0*(v + square(a)) + _t11*Rexp2(a, v) + _t3*a)
    _v42 = _mp.mpf(-2) * _t14  # -2*_t14
    _v43 = _t1 * _t12  # _t1*_t12
    _v44 = _t12 * _t3  # _t12*_t3
    _v45 = _t16 + _v42 + _v43 + _v44  # _t1*_t12 + _t12*_t3 - 2*_t14 + _t16
    _v46 = -_t14  # -_t14
    _v47 = _t0 * _t10  # _t0*_t10
    _v48 = _t16 + _v46 + _v47  # _t0*_t10 - _t14 + _t16
    _v49 = _t0 + _t5  # _t0 + _t5
    _v50 = lambda_ * _v49  # lambda*(_t0 + _t5)
    _v51 = alpha * lambda_  # alpha*lambda
    _v52 = -_v51  # -alpha*lambda
    _v53 = lambda_ + _v52  # -alpha*lambda + lambda
    _v54 = _t2 * _v53  # _t2*(-alpha*lambda + lambda)
    _v55 = _t6 + _v54  # _t2*(-alpha*lambda + lambda) + _t6
    _v56 = _t18 * _t7  # _t18*_t7
    _v57 = -_v56  # -_t18*_t7
    _v58 = (_mp.mpf(1) / 2) * _t17 * a * alpha * lambda_  # _t17*a*alpha*lambda/2
    _v59 = _v27 + _v57 + _v58  # _t17*a*alpha*lambda/2 - _t18*_t7 - _t9
    _v60 = _t2 * _v59  # _t2*(_t17*a*alpha*lambda/2 - _t18*_t7 - _t9)
    _v61 = _t8 + _v60  # _t2*(_t17*a*alpha*lambda/2 - _t18*_t7 - _t9) + _t8
    _v62 = _t0 + _t15  # _t0 + _t15
    _v63 = _t10 * _v62  # _t10*(_t0 + _t15)
    _v64 = -_t13  # -_t13
    _v65 = _t10 + _v64  # _t10 - _t13
    _v66 = _t2 * _v65  # _t2*(_t10 - _t13)
    _v67 = _t16 + _v66  # _t16 + _t2*(_t10 - _t13)
    _v68 = (_mp.mpf(-1) / 2) * _t10 * _t18  # -_t10*_t18/2
    _v69 = (_mp.mpf(1) / 2) * _t10 * _t11 * _t17 * a  # _t10*_t11*_t17*a/2
    _v70 = _v64 + _v68 + _v69  # _t10*_t11*_t17*a/2 - _t10*_t18/2 - _t13
    _v71 = _t2 * _v70  # _t2*(_t10*_t11*_t17*a/2 - _t10*_t18/2 - _t13)
    _v72 = _t16 + _v71  # _t16 + _t2*(_t10*_t11*_t17*a/2 - _t10*_t18/2 - _t13)
    return (_v23, _v25, _v30, _v41, _v45, _v48, _v50, _v55, _v61, _v63, _v67, _v72,)


def mean_field_slopes(a, v, alpha, lambda_, tau):
    """Backend function 'mean_field_slopes' (selu_proof.backends.compiled).

    out[0] = lambda**2*tau*(alpha**2*Qexp2(a, v) + Ppos(a, v))
    out[1] = lambda**2*tau*(alpha*Qexp1(a, v) + Ppos(a, v))**2
    out[2] = lambda*(alpha*Qexp1(a, v) + Ppos(a, v))
    out[3] = lambda**2*(alpha**2*Qexp2(a, v) + Ppos(a, v))
    """
    _t0 = _mp_square(lambda_)  # square(lambda)
    _v0 = _mp.sqrt(v)  # sqrt_nonneg(v)
    _v1 = (_mp.mpf(1) / 2) * a * _mp.sqrt(_mp.mpf(2)) / (_v0)  # a*sqrt_nonneg(2)/(2*sqrt_nonneg(v))
    _v2 = _mp.erfc(_v1)  # erfc(a*sqrt_nonneg(2)/(2*sqrt_nonneg(v)))
    _v3 = (_mp.mpf(-1) / 2) * _v2  # -erfc(a*sqrt_nonneg(2)/(2*sqrt_nonneg(v)))/2
    _v4 = _mp.mpf(1) + _v3  # 1 - erfc(a*sqrt_nonneg(2)/(2*sqrt_nonneg(v)))/2
    _t1 = _v4  # Ppos(a, v)
    _v5 = _mp.mpf(2) * v  # 2*v
    _v6 = a + _v5  # a + 2*v
    _v7 = (_mp.mpf(1) / 2) * _v6 * _mp.sqrt(_mp.mpf(2)) / (_v0)  # (a + 2*v)*sqrt_nonneg(2)/(2*sqrt_nonneg(v))
    _v8 = _mp_erfcx(_v7)  # erfcx((a + 2*v)*sqrt_nonneg(2)/(2*sqrt_nonneg(v)))
    _v9 = _mp_square(a)  # square(a)
    _v10 = (_mp.mpf(-1) / 2) * _v9 / (v)  # -square(a)/(2*v)
    _v11 = _mp.exp(_v10)  # exp(-square(a)/(2*v))
    _v12 = (_mp.mpf(1) / 2) * _v8 * _v11
    _v13 = _v12  # Qexp2(a, v)
    _v14 = _mp_square(alpha)  # square(alpha)
    _v15 = _v13 * _v14  # Qexp2(a, v)*square(alpha)
    _v16 = _t1 + _v15  # _t1 + Qexp2(a, v)*square(alpha)
    _t2 = _t0 * _v16  # _t0*(_t1 + Qexp2(a, v)*square(alpha))
    _v17 = a + v  # a + v
    _v18 = (_mp.mpf(1) / 2) * _v17 * _mp.sqrt(_mp.mpf(2)) / (_v0)  # (a + v)*sqrt_nonneg(2)/(2*sqrt_nonneg(v))
    _v19 = _mp_erfcx(_v18)  # erfcx((a + v)*sqrt_nonneg(2)/(2*sqrt_nonneg(v)))
    _v20 = (_mp.mpf(1) / 2) * _v19 * _v11  # exp(-square(a)/(2*v))*erfcx((a + v)*sqrt_nonneg(2)/(2*sqrt_nonneg(v)))/2
    _v21 = _v20  # Qexp1(a, v)
    _v22 = alpha * _v21  # alpha*Qexp1(a, v)
    _t3 = _t1 + _v22  # _t1 + alpha*Qexp1(a, v)
    _v23 = _t2 * tau  # _t2*tau
    _v24 = _mp_square(_t3)  # square(_t3)
    _v25 = _t0 * tau * _v24  # _t0*tau*square(_t3)
    _v26 = _t3 * lambda_  # _t3*lambda
    return (_v23, _v25, _v26, _t2,)


def correlation_integrands(z, a, v, c, alpha, lambda_):
    """Backend function 'correlation_integrands' (selu_proof.backends.compiled).

    out[0] = sqrt(2)*alpha*lambda**2*(exp(z) - 1)*(alpha*Rexp1(a + c*(-a + z), v*(1 - c**2)) +
        v*(1 - c**2)*phi0(a + c*(-a + z), v*(1 - c**2)) + (a + c*(-a + z))*Ppos(a + c*(-a + z),
        v*(1 - c**2)))*exp(-(-a + z)**2/(2*v))/(2*sqrt(pi)*sqrt(v))
    out[1] = sqrt(2)*lambda**2*z*(alpha*Rexp1(a + c*(-a + z), v*(1 - c**2)) + v*(1 -
        c**2)*phi0(a + c*(-a + z), v*(1 - c**2)) + (a + c*(-a + z))*Ppos(a + c*(-a + z), v*(1 -
        c**2)))*exp(-(-a + z)**2/(2*v))/(2*sqrt(pi)*sqrt(v))
    out[2] = sqrt(2)*alpha*lambda**2*(alpha*Qexp1(a + c*(-a + z), v*(1 - c**2)) + Ppos(a + c*(-a
        + z), v*(1 - c**2)))*exp(z)*exp(-(-a + z)**2/(2*v))/(2*sqrt(pi)*sqrt(v))
    out[3] = sqrt(2)*lambda**2*(alpha*Qexp1(a + c*(-a + z), v*(1 - c**2)) + Ppos(a + c*(-a + z),
        v*(1 - c**2)))*exp(-(-a + z)**2/(2*v))/(2*sqrt(pi)*sqrt(v))
    """
    _t0 = _mp.exp(z)  # exp(z)
    _v0 = -a  # -a
    _t1 = z + _v0  # -a + z
    _v1 = _t1 * c  # _t1*c
    _t2 = a + _v1  # _t1*c + a
    _v2 = _mp_square(c)  # square(c)
    _v3 = -_v2  # -square(c)
    _v4 = _mp.mpf(1) + _v3  # 1 - square(c)
    _t3 = v * _v4  # v*(1 - square(c))
    _v5 = _mp.sqrt(_t3)  # sqrt(_t3)
    _v6 = (_mp.mpf(1) / 2) * _t2 * _mp.sqrt(_mp.mpf(2)) / (_v5)  # _t2*sqrt_nonneg(2)/(2*sqrt(_t3))
    _v7 = _mp.erfc(_v6)  # erfc(_t2*sqrt_nonneg(2)/(2*sqrt(_t3)))
    _v8 = (_mp.mpf(-1) / 2) * _v7  # -erfc(_t2*sqrt_nonneg(2)/(2*sqrt(_t3)))/2
    _v9 = _mp.mpf(1) + _v8  # 1 - erfc(_t2*sqrt_nonneg(2)/(2*sqrt(_t3)))/2
    _t4 = _v9  # Ppos(_t2, _t3)
    _v10 = _mp_square(_t1)  # square(_t1)
    _v11 = (_mp.mpf(-1) / 2) * _v10 / (v)  # -square(_t1)/(2*v)
    _v12 = _mp.exp(_v11)  # exp(-square(_t1)/(2*v))
    _v13 = _mp_square(lambda_)  # square(lambda)
    _v14 = _mp.sqrt(v)  # sqrt_nonneg(v)
    _t5 = (_mp.mpf(1) / 2) * _v12 * _mp.sqrt(_mp.mpf(2)) * _v13 / (_mp.sqrt((+_mp.pi)) * _v14)
    _v15 = _t2 * _t4  # _t2*_t4
    _v16 = _mp_square(_t2)  # square(_t2)
    _v17 = (_mp.mpf(-1) / 2) * _v16 / (_t3)  # -square(_t2)/(2*_t3)
    _v18 = _mp.exp(_v17)  # exp(-square(_t2)/(2*_t3))
    _v19 = (_mp.mpf(1) / 2) * _v18 * _mp.sqrt(_mp.mpf(2)) / (_v5 * _mp.sqrt((+_mp.pi)))  # exp(-square(_t2)/(2*_t3))*sqrt_nonneg(2)/(2*sqrt(_t3)*sqrt_nonneg(pi))
    _v20 = _v19  # phi0(_t2, _t3)
    _v21 = _t3 * _v20  # _t3*phi0(_t2, _t3)
    _v22 = _t2 + _t3  # _t2 + _t3
    _v23 = (_mp.mpf(1) / 2) * _v22 * _mp.sqrt(_mp.mpf(2)) / (_v5)  # (_t2 + _t3)*sqrt_nonneg(2)/(2*sqrt(_t3))
    _v24 = _mp_erfcx(_v23)  # erfcx((_t2 + _t3)*sqrt_nonneg(2)/(2*sqrt(_t3)))
    _v25 = (_mp.mpf(1) / 2) * _v24 * _v18
    _v26 = _v8 + _v25
    _v27 = _v26  # Rexp1(_t2, _t3)
    _v28 = alpha * _v27  # alpha*Rexp1(_t2, _t3)
    _v29 = _v15 + _v21 + _v28  # _t2*_t4 + _t3*phi0(_t2, _t3) + alpha*Rexp1(_t2, _t3)
    _t6 = _t5 * _v29  # _t5*(_t2*_t4 + _t3*phi0(_t2, _t3) + alpha*Rexp1(_t2, _t3))
    _v30 = _v25  # Qexp1(_t2, _t3)
    _v31 = alpha * _v30  # alpha*Qexp1(_t2, _t3)
    _v32 = _t4 + _v31  # _t4 + alpha*Qexp1(_t2, _t3)
    _t7 = _t5 * _v32  # _t5*(_t4 + alpha*Qexp1(_t2, _t3))
    _v33 = _mp.mpf(-1) + _t0  # _t0 - 1
    _v34 = _t6 * alpha * _v33  # _t6*alpha*(_t0 - 1)
    _v35 = _t6 * z  # _t6*z
    _v36 = _t0 * _t7 * alpha  # _t0*_t7*alpha
    return (_v34, _v35, _v36, _t7,)


def selu_branches(z, alpha, lambda_):
    """Backend function 'selu_branches' (selu_proof.backends.compiled).

    out[0] = alpha*lambda*(exp(z) - 1)
    out[1] = lambda*z
    out[2] = alpha*lambda*exp(z)
    out[3] = lambda
    """
    _t0 = _mp.exp(z)  # exp(z)
    _t1 = alpha * lambda_  # alpha*lambda
    _v0 = _mp.mpf(-1) + _t0  # _t0 - 1
    _v1 = _t1 * _v0  # _t1*(_t0 - 1)
    _v2 = z * lambda_  # lambda*z
    _v3 = _t0 * _t1  # _t0*_t1
    return (_v1, _v2, _v3, lambda_,)


def dropout_mean_field(q, saturation, mean, var):
    """Backend function 'dropout_mean_field' (selu_proof.backends.compiled).

    out[0] = var/(var - (mean - saturation)**2*(q - 1))
    out[1] = q*var/(var - (mean - saturation)**2*(q - 1))
    """
    _v0 = _mp.mpf(-1) + q  # q - 1
    _v1 = -saturation  # -saturation
    _v2 = mean + _v1  # mean - saturation
    _v3 = _mp_square(_v2)  # square(mean - saturation)
    _v4 = _v0 * _v3  # (q - 1)*square(mean - saturation)
    _v5 = -_v4  # -(q - 1)*square(mean - saturation)
    _v6 = var + _v5  # var - (q - 1)*square(mean - saturation)
    _t0 = var / (_v6)  # var/(var - (q - 1)*square(mean - saturation))
    _v7 = _t0 * q  # _t0*q
    return (_t0, _v7,)


def goal_S_H(mu, omega, nu, tau, alpha, lambda_):
    """Backend function 'goal:S(H)' (selu_proof.backends.compiled).

    out[0] = sqrt((-2*lambda*omega*(alpha*lambda*Qexp1(mu*omega, nu*tau) + lambda*Ppos(mu*omega,
        nu*tau))*(alpha*Rexp1(mu*omega, nu*tau) + mu*omega*Ppos(mu*omega, nu*tau) +
        nu*tau*phi0(mu*omega, nu*tau)) + omega*(-2*alpha**2*lambda**2*Qexp1(mu*omega, nu*tau) +
        2*alpha**2*lambda**2*Qexp2(mu*omega, nu*tau) + 2*lambda**2*mu*omega*Ppos(mu*omega,
        nu*tau) + 2*lambda**2*nu*tau*phi0(mu*omega, nu*tau)) - tau*(alpha*lambda*Qexp1(mu*omega,
        nu*tau)/2 + (-alpha*lambda/2 + lambda/2)*phi0(mu*omega, nu*tau)))**2 +
        (-2*lambda*tau*(alpha*lambda*Qexp1(mu*omega, nu*tau)/2 + (-alpha*lambda/2 +
        lambda/2)*phi0(mu*omega, nu*tau))*(alpha*Rexp1(mu*omega, nu*tau) +
        mu*omega*Ppos(mu*omega, nu*tau) + nu*tau*phi0(mu*omega, nu*tau)) +
        omega*(alpha*lambda*Qexp1(mu*omega, nu*tau) + lambda*Ppos(mu*omega, nu*tau)) +
        tau*(-alpha**2*lambda**2*Qexp1(mu*omega, nu*tau) + 2*alpha**2*lambda**2*Qexp2(mu*omega,
        nu*tau) + lambda**2*Ppos(mu*omega, nu*tau)))**2)/2 +
        sqrt((-2*lambda*omega*(alpha*lambda*Qexp1(mu*omega, nu*tau) + lambda*Ppos(mu*omega,
        nu*tau))*(alpha*Rexp1(mu*omega, nu*tau) + mu*omega*Ppos(mu*omega, nu*tau) +
        nu*tau*phi0(mu*omega, nu*tau)) + omega*(-2*alpha**2*lambda**2*Qexp1(mu*omega, nu*tau) +
        2*alpha**2*lambda**2*Qexp2(mu*omega, nu*tau) + 2*lambda**2*mu*omega*Ppos(mu*omega,
        nu*tau) + 2*lambda**2*nu*tau*phi0(mu*omega, nu*tau)) + tau*(alpha*lambda*Qexp1(mu*omega,
        nu*tau)/2 + (-alpha*lambda/2 + lambda/2)*phi0(mu*omega, nu*tau)))**2 +
        (2*lambda*tau*(alpha*lambda*Qexp1(mu*omega, nu*tau)/2 + (-alpha*lambda/2 +
        lambda/2)*phi0(mu*omega, nu*tau))*(alpha*Rexp1(mu*omega, nu*tau) +
        mu*omega*Ppos(mu*omega, nu*tau) + nu*tau*phi0(mu*omega, nu*tau)) +
        omega*(alpha*lambda*Qexp1(mu*omega, nu*tau) + lambda*Ppos(mu*omega, nu*tau)) -
        tau*(-alpha**2*lambda**2*Qexp1(mu*omega, nu*tau) + 2*alpha**2*lambda**2*Qexp2(mu*omega,
        nu*tau) + lambda**2*Ppos(mu*omega, nu*tau)))**2)/2
    """
    _t0 = mu * omega  # mu*omega
    _t1 = nu * tau  # nu*tau
    _v0 = _mp.sqrt(_t1)  # sqrt(_t1)
    _v1 = (_mp.mpf(1) / 2) * _t0 * _mp.sqrt(_mp.mpf(2)) / (_v0)  # _t0*sqrt_nonneg(2)/(2*sqrt(_t1))
    _v2 = _mp.erfc(_v1)  # erfc(_t0*sqrt_nonneg(2)/(2*sqrt(_t1)))
    _v3 = (_mp.mpf(-1) / 2) * _v2  # -erfc(_t0*sqrt_nonneg(2)/(2*sqrt(_t1)))/2
    _v4 = _mp.mpf(1) + _v3  # 1 - erfc(_t0*sqrt_nonneg(2)/(2*sqrt(_t1)))/2
    _t2 = _v4  # Ppos(_t0, _t1)
    _v5 = _t0 + _t1  # _t0 + _t1
    _v6 = (_mp.mpf(1) / 2) * _v5 * _mp.sqrt(_mp.mpf(2)) / (_v0)  # (_t0 + _t1)*sqrt_nonneg(2)/(2*sqrt(_t1))
    _v7 = _mp_erfcx(_v6)  # erfcx((_t0 + _t1)*sqrt_nonneg(2)/(2*sqrt(_t1)))
    _v8 = _mp_square(_t0)  # square(_t0)
    _v9 = (_mp.mpf(-1) / 2) * _v8 / (_t1)  # -square(_t0)/(2*_t1)
    _v10 = _mp.exp(_v9)  # exp(-square(_t0)/(2*_t1))
    _v11 = (_mp.mpf(1) / 2) * _v7 * _v10
    _t3 = _v11  # Qexp1(_t0, _t1)
    _t4 = _t3 * alpha  # _t3*alpha
    _v12 = _t2 * lambda_  # _t2*lambda
    _v13 = _t4 * lambda_  # _t4*lambda
    _v14 = _v12 + _v13  # _t2*lambda + _t4*lambda
    _t5 = omega * _v14  # omega*(_t2*lambda + _t4*lambda)
    _t6 = _mp_square(lambda_)  # square(lambda)
    _t7 = _t2 * _t6  # _t2*_t6
    _v15 = _mp_square(alpha)  # square(alpha)
    _t8 = _t6 * _v15  # _t6*square(alpha)
    _t9 = _t3 * _t8  # _t3*_t8
    _v16 = _mp.mpf(2) * _t1  # 2*_t1
    _v17 = _t0 + _v16  # _t0 + 2*_t1
    _v18 = (_mp.mpf(1) / 2) * _v17 * _mp.sqrt(_mp.mpf(2)) / (_v0)  # (_t0 + 2*_t1)*sqrt_nonneg(2)/(2*sqrt(_t1))
    _v19 = _mp_erfcx(_v18)  # erfcx((_t0 + 2*_t1)*sqrt_nonneg(2)/(2*sqrt(_t1)))
    _v20 = (_mp.mpf(1) / 2) * _v19 * _v10
    _v21 = _v20  # Qexp2(_t0, _t1)
    _t10 = _mp.mpf(2) * _t8 * _v21  # 2*_t8*Qexp2(_t0, _t1)
    _v22 = -_t9  # -_t9
    _v23 = _t10 + _t7 + _v22  # _t10 + _t7 - _t9
    _t11 = tau * _v23  # tau*(_t10 + _t7 - _t9)
    _t12 = (_mp.mpf(1) / 2) * lambda_  # lambda/2
    _v24 = (_mp.mpf(1) / 2) * _v10 * _mp.sqrt(_mp.mpf(2)) / (_v0 * _mp.sqrt((+_mp.pi)))  # exp(-square(_t0)/(2*_t1))*sqrt_nonneg(2)/(2*sqrt(_t1)*sqrt_nonneg(pi))
    _t13 = _v24  # phi0(_t0, _t1)
    _v25 = _t12 * _t4  # _t12*_t4
    _v26 = (_mp.mpf(1) / 2) * lambda_  # lambda/2
    _v27 = _t12 * alpha  # _t12*alpha
    _v28 = -_v27  # -_t12*alpha
    _v29 = _v26 + _v28  # -_t12*alpha + lambda/2
    _v30 = _t13 * _v29  # _t13*(-_t12*alpha + lambda/2)
    _v31 = _v25 + _v30  # _t12*_t4 + _t13*(-_t12*alpha + lambda/2)
    _t14 = tau * _v31  # tau*(_t12*_t4 + _t13*(-_t12*alpha + lambda/2))
    _t15 = _t1 * _t13  # _t1*_t13
    _v32 = _t0 * _t2  # _t0*_t2
    _v33 = _v3 + _v11
    _v34 = _v33  # Rexp1(_t0, _t1)
    _v35 = alpha * _v34  # alpha*Rexp1(_t0, _t1)
    _v36 = _t15 + _v32 + _v35  # _t0*_t2 + _t15 + alpha*Rexp1(_t0, _t1)
    _t16 = _mp.mpf(2) * lambda_ * _v36  # 2*lambda*(_t0*_t2 + _t15 + alpha*Rexp1(_t0, _t1))
    _t17 = _t14 * _t16  # _t14*_t16
    _t18 = _t16 * _t5  # _t16*_t5
    _v37 = _mp.mpf(-2) * _t9  # -2*_t9
    _v38 = _mp.mpf(2) * _t0 * _t7  # 2*_t0*_t7
    _v39 = _mp.mpf(2) * _t15 * _t6  # 2*_t15*_t6
    _t19 = _t10 + _v37 + _v38 + _v39  # 2*_t0*_t7 + _t10 + 2*_t15*_t6 - 2*_t9
    _v40 = -_t17  # -_t17
    _v41 = _t11 + _t5 + _v40  # _t11 - _t17 + _t5
    _v42 = _mp_square(_v41)  # square(_t11 - _t17 + _t5)
    _v43 = -_t14  # -_t14
    _v44 = -_t18  # -_t18
    _v45 = _t19 * omega  # _t19*omega
    _v46 = _v43 + _v44 + _v45  # -_t14 - _t18 + _t19*omega
    _v47 = _mp_square(_v46)  # square(-_t14 - _t18 + _t19*omega)
    _v48 = _v42 + _v47  # square(_t11 - _t17 + _t5) + square(-_t14 - _t18 + _t19*omega)
    _v49 = _mp.sqrt(_v48)
    _v50 = (_mp.mpf(1) / 2) * _v49
    _v51 = _t14 + _v44 + _v45  # _t14 - _t18 + _t19*omega
    _v52 = _mp_square(_v51)  # square(_t14 - _t18 + _t19*omega)
    _v53 = -_t11  # -_t11
    _v54 = _t17 + _t5 + _v53  # -_t11 + _t17 + _t5
    _v55 = _mp_square(_v54)  # square(-_t11 + _t17 + _t5)
    _v56 = _v52 + _v55  # square(-_t11 + _t17 + _t5) + square(_t14 - _t18 + _t19*omega)
    _v57 = _mp.sqrt(_v56)
    _v58 = (_mp.mpf(1) / 2) * _v57
    _v59 = _v50 + _v58
    return (_v59,)


def goal_S_J(mu, omega, nu, tau, alpha, lambda_):
    """Backend function 'goal:S(J)' (selu_proof.backends.compiled).

    out[0] = sqrt((omega*(alpha*lambda*Qexp1(mu*omega, nu*tau) + lambda*Ppos(mu*omega, nu*tau))
        - tau*(-alpha**2*lambda**2*Qexp1(mu*omega, nu*tau) +
        2*alpha**2*lambda**2*Qexp2(mu*omega, nu*tau) + lambda**2*Ppos(mu*omega, nu*tau)))**2 +
        (omega*(-2*alpha**2*lambda**2*Qexp1(mu*omega, nu*tau) +
        2*alpha**2*lambda**2*Qexp2(mu*omega, nu*tau) + 2*lambda**2*mu*omega*Ppos(mu*omega,
        nu*tau) + 2*lambda**2*nu*tau*phi0(mu*omega, nu*tau)) + tau*(alpha*lambda*Qexp1(mu*omega,
        nu*tau)/2 + (-alpha*lambda/2 + lambda/2)*phi0(mu*omega, nu*tau)))**2)/2 +
        sqrt((omega*(alpha*lambda*Qexp1(mu*omega, nu*tau) + lambda*Ppos(mu*omega, nu*tau)) +
        tau*(-alpha**2*lambda**2*Qexp1(mu*omega, nu*tau) + 2*alpha**2*lambda**2*Qexp2(mu*omega,
        nu*tau) + lambda**2*Ppos(mu*omega, nu*tau)))**2 +
        (omega*(-2*alpha**2*lambda**2*Qexp1(mu*omega, nu*tau) +
        2*alpha**2*lambda**2*Qexp2(mu*omega, nu*tau) + 2*lambda**2*mu*omega*Ppos(mu*omega,
        nu*tau) + 2*lambda**2*nu*tau*phi0(mu*omega, nu*tau)) - tau*(alpha*lambda*Qexp1(mu*omega,
        nu*tau)/2 + (-alpha*lambda/2 + lambda/2)*phi0(mu*omega, nu*tau)))**2)/2
    """
    _t0 = mu * omega  # mu*omega
    _t1 = nu * tau  # nu*tau
    _v0 = _mp.sqrt(_t1)  # sqrt(_t1)
    _v1 = (_mp.mpf(1) / 2) * _t0 * _mp.sqrt(_mp.mpf(2)) / (_v0)  # _t0*sqrt_nonneg(2)/(2*sqrt(_t1))
    _v2 = _mp.erfc(_v1)  # erfc(_t0*sqrt_nonneg(2)/(2*sqrt(_t1)))
    _v3 = (_mp.mpf(-1) / 2) * _v2  # -erfc(_t0*sqrt_nonneg(2)/(2*sqrt(_t1)))/2
    _v4 = _mp.mpf(1) + _v3  # 1 - erfc(_t0*sqrt_nonneg(2)/(2*sqrt(_t1)))/2
    _t2 = _v4  # Ppos(_t0, _t1)
    _v5 = _t0 + _t1  # _t0 + _t1
    _v6 = (_mp.mpf(1) / 2) * _v5 * _mp.sqrt(_mp.mpf(2)) / (_v0)  # (_t0 + _t1)*sqrt_nonneg(2)/(2*sqrt(_t1))
    _v7 = _mp_erfcx(_v6)  # erfcx((_t0 + _t1)*sqrt_nonneg(2)/(2*sqrt(_t1)))
    _v8 = _mp_square(_t0)  # square(_t0)
    _v9 = (_mp.mpf(-1) / 2) * _v8 / (_t1)  # -square(_t0)/(2*_t1)
    _v10 = _mp.exp(_v9)  # exp(-square(_t0)/(2*_t1))
    _v11 = (_mp.mpf(1) / 2) * _v7 * _v10
    _t3 = _v11  # Qexp1(_t0, _t1)
    _t4 = _t3 * alpha  # _t3*alpha
    _v12 = _t2 * lambda_  # _t2*lambda
    _v13 = _t4 * lambda_  # _t4*lambda
    _v14 = _v12 + _v13  # _t2*lambda + _t4*lambda
    _t5 = omega * _v14  # omega*(_t2*lambda + _t4*lambda)
    _t6 = _mp_square(lambda_)  # square(lambda)
    _t7 = _t2 * _t6  # _t2*_t6
    _v15 = _mp_square(alpha)  # square(alpha)
    _t8 = _t6 * _v15  # _t6*square(alpha)
    _t9 = _t3 * _t8  # _t3*_t8
    _v16 = _mp.mpf(2) * _t1  # 2*_t1
    _v17 = _t0 + _v16  # _t0 + 2*_t1
    _v18 = (_mp.mpf(1) / 2) * _v17 * _mp.sqrt(_mp.mpf(2)) / (_v0)  # (_t0 + 2*_t1)*sqrt_nonneg(2)/(2*sqrt(_t1))
    _v19 = _mp_erfcx(_v18)  # erfcx((_t0 + 2*_t1)*sqrt_nonneg(2)/(2*sqrt(_t1)))
    _v20 = (_mp.mpf(1) / 2) * _v19 * _v10
    _v21 = _v20  # Qexp2(_t0, _t1)
    _t10 = _mp.mpf(2) * _t8 * _v21  # 2*_t8*Qexp2(_t0, _t1)
    _v22 = -_t9  # -_t9
    _v23 = _t10 + _t7 + _v22  # _t10 + _t7 - _t9
    _t11 = tau * _v23  # tau*(_t10 + _t7 - _t9)
    _t12 = (_mp.mpf(1) / 2) * lambda_  # lambda/2
    _v24 = (_mp.mpf(1) / 2) * _v10 * _mp.sqrt(_mp.mpf(2)) / (_v0 * _mp.sqrt((+_mp.pi)))  # exp(-square(_t0)/(2*_t1))*sqrt_nonneg(2)/(2*sqrt(_t1)*sqrt_nonneg(pi))
    _t13 = _v24  # phi0(_t0, _t1)
    _v25 = _t12 * _t4  # _t12*_t4
    _v26 = (_mp.mpf(1) / 2) * lambda_  # lambda/2
    _v27 = _t12 * alpha  # _t12*alpha
    _v28 = -_v27  # -_t12*alpha
    _v29 = _v26 + _v28  # -_t12*alpha + lambda/2
    _v30 = _t13 * _v29  # _t13*(-_t12*alpha + lambda/2)
    _v31 = _v25 + _v30  # _t12*_t4 + _t13*(-_t12*alpha + lambda/2)
    _t14 = tau * _v31  # tau*(_t12*_t4 + _t13*(-_t12*alpha + lambda/2))
    _v32 = _mp.mpf(-2) * _t9  # -2*_t9
    _v33 = _mp.mpf(2) * _t0 * _t7  # 2*_t0*_t7
    _v34 = _mp.mpf(2) * _t1 * _t13 * _t6  # 2*_t1*_t13*_t6
    _v35 = _t10 + _v32 + _v33 + _v34  # 2*_t0*_t7 + 2*_t1*_t13*_t6 + _t10 - 2*_t9
    _t15 = omega * _v35  # omega*(2*_t0*_t7 + 2*_t1*_t13*_t6 + _t10 - 2*_t9)
    _v36 = _t11 + _t5  # _t11 + _t5
    _v37 = _mp_square(_v36)  # square(_t11 + _t5)
    _v38 = -_t14  # -_t14
    _v39 = _t15 + _v38  # -_t14 + _t15
    _v40 = _mp_square(_v39)  # square(-_t14 + _t15)
    _v41 = _v37 + _v40  # square(_t11 + _t5) + square(-_t14 + _t15)
    _v42 = _mp.sqrt(_v41)  # sqrt_nonneg(square(_t11 + _t5) + square(-_t14 + _t15))
    _v43 = (_mp.mpf(1) / 2) * _v42  # sqrt_nonneg(square(_t11 + _t5) + square(-_t14 + _t15))/2
    _v44 = _t14 + _t15  # _t14 + _t15
    _v45 = _mp_square(_v44)  # square(_t14 + _t15)
    _v46 = -_t11  # -_t11
    _v47 = _t5 + _v46  # -_t11 + _t5
    _v48 = _mp_square(_v47)  # square(-_t11 + _t5)
    _v49 = _v45 + _v48  # square(-_t11 + _t5) + square(_t14 + _t15)
    _v50 = _mp.sqrt(_v49)  # sqrt_nonneg(square(-_t11 + _t5) + square(_t14 + _t15))
    _v51 = (_mp.mpf(1) / 2) * _v50  # sqrt_nonneg(square(-_t11 + _t5) + square(_t14 + _t15))/2
    _v52 = _v43 + _v51
    return (_v52,)


def goal_minus_S_H(mu, omega, nu, tau, alpha, lambda_):
    """Backend function 'goal:-S(H)' (selu_proof.backends.compiled).

    out[0] = -sqrt((-2*lambda*omega*(alpha*lambda*Qexp1(mu*omega, nu*tau) +
        lambda*Ppos(mu*omega, nu*tau))*(alpha*Rexp1(mu*omega, nu*tau) + mu*omega*Ppos(mu*omega,
        nu*tau) + nu*tau*phi0(mu*omega, nu*tau)) + omega*(-2*alpha**2*lambda**2*Qexp1(mu*omega,
        nu*tau) + 2*alpha**2*lambda**2*Qexp2(mu*omega, nu*tau) +
        2*lambda**2*mu*omega*Ppos(mu*omega, nu*tau) + 2*lambda**2*nu*tau*phi0(mu*omega, nu*tau))
        - tau*(alpha*lambda*Qexp1(mu*omega, nu*tau)/2 + (-alpha*lambda/2 +
        lambda/2)*phi0(mu*omega, nu*tau)))**2 + (-2*lambda*tau*(alpha*lambda*Qexp1(mu*omega,
        nu*tau)/2 + (-alpha*lambda/2 + lambda/2)*phi0(mu*omega, nu*tau))*(alpha*Rexp1(mu*omega,
        nu*tau) + mu*omega*Ppos(mu*omega, nu*tau) + nu*tau*phi0(mu*omega, nu*tau)) +
        omega*(alpha*lambda*Qexp1(mu*omega, nu*tau) + lambda*Ppos(mu*omega, nu*tau)) +
        tau*(-alpha**2*lambda**2*Qexp1(mu*omega, nu*tau) + 2*alpha**2*lambda**2*Qexp2(mu*omega,
        nu*tau) + lambda**2*Ppos(mu*omega, nu*tau)))**2)/2 -
        sqrt((-2*lambda*omega*(alpha*lambda*Qexp1(mu*omega, nu*tau) + lambda*Ppos(mu*omega,
        nu*tau))*(alpha*Rexp1(mu*omega, nu*tau) + mu*omega*Ppos(mu*omega, nu*tau) +
        nu*tau*phi0(mu*omega, nu*tau)) + omega*(-2*alpha**2*lambda**2*Qexp1(mu*omega, nu*tau) +
        2*alpha**2*lambda**2*Qexp2(mu*omega, nu*tau) + 2*lambda**2*mu*omega*Ppos(mu*omega,
        nu*tau) + 2*lambda**2*nu*tau*phi0(mu*omega, nu*tau)) + tau*(alpha*lambda*Qexp1(mu*omega,
        nu*tau)/2 + (-alpha*lambda/2 + lambda/2)*phi0(mu*omega, nu*tau)))**2 +
        (2*lambda*tau*(alpha*lambda*Qexp1(mu*omega, nu*tau)/2 + (-alpha*lambda/2 +
        lambda/2)*phi0(mu*omega, nu*tau))*(alpha*Rexp1(mu*omega, nu*tau) +
        mu*omega*Ppos(mu*omega, nu*tau) + nu*tau*phi0(mu*omega, nu*tau)) +
        omega*(alpha*lambda*Qexp1(mu*omega, nu*tau) + lambda*Ppos(mu*omega, nu*tau)) -
        tau*(-alpha**2*lambda**2*Qexp1(mu*omega, nu*tau) + 2*alpha**2*lambda**2*Qexp2(mu*omega,
        nu*tau) + lambda**2*Ppos(mu*omega, nu*tau)))**2)/2
    """
    _t0 = mu * omega  # mu*omega
    _t1 = nu * tau  # nu*tau
    _v0 = _mp.sqrt(_t1)  # sqrt(_t1)
    _v1 = (_mp.mpf(1) / 2) * _t0 * _mp.sqrt(_mp.mpf(2)) / (_v0)  # _t0*sqrt_nonneg(2)/(2*sqrt(_t1))
    _v2 = _mp.erfc(_v1)  # erfc(_t0*sqrt_nonneg(2)/(2*sqrt(_t1)))
    _v3 = (_mp.mpf(-1) / 2) * _v2  # -erfc(_t0*sqrt_nonneg(2)/(2*sqrt(_t1)))/2
    _v4 = _mp.mpf(1) + _v3  # 1 - erfc(_t0*sqrt_nonneg(2)/(2*sqrt(_t1)))/2
    _t2 = _v4  # Ppos(_t0, _t1)
    _v5 = _t0 + _t1  # _t0 + _t1
    _v6 = (_mp.mpf(1) / 2) * _v5 * _mp.sqrt(_mp.mpf(2)) / (_v0)  # (_t0 + _t1)*sqrt_nonneg(2)/(2*sqrt(_t1))
    _v7 = _mp_erfcx(_v6)  # erfcx((_t0 + _t1)*sqrt_nonneg(2)/(2*sqrt(_t1)))
    _v8 = _mp_square(_t0)  # square(_t0)
    _v9 = (_mp.mpf(-1) / 2) * _v8 / (_t1)  # -square(_t0)/(2*_t1)
    _v10 = _mp.exp(_v9)  # exp(-square(_t0)/(2*_t1))
    _v11 = (_mp.mpf(1) / 2) * _v7 * _v10
    _t3 = _v11  # Qexp1(_t0, _t1)
    _t4 = _t3 * alpha  # _t3*alpha
    _v12 = _t2 * lambda_  # _t2*lambda
    _v13 = _t4 * lambda_  # _t4*lambda
    _v14 = _v12 + _v13  # _t2*lambda + _t4*lambda
    _t5 = omega * _v14  # omega*(_t2*lambda + _t4*lambda)
    _t6 = _mp_square(lambda_)  # square(lambda)
    _t7 = _t2 * _t6  # _t2*_t6
    _v15 = _mp_square(alpha)  # square(alpha)
    _t8 = _t6 * _v15  # _t6*square(alpha)
    _t9 = _t3 * _t8  # _t3*_t8
    _v16 = _mp.mpf(2) * _t1  # 2*_t1
    _v17 = _t0 + _v16  # _t0 + 2*_t1
    _v18 = (_mp.mpf(1) / 2) * _v17 * _mp.sqrt(_mp.mpf(2)) / (_v0)  # (_t0 + 2*_t1)*sqrt_nonneg(2)/(2*sqrt(_t1))
    _v19 = _mp_erfcx(_v18)  # erfcx((_t0 + 2*_t1)*sqrt_nonneg(2)/(2*sqrt(_t1)))
    _v20 = (_mp.mpf(1) / 2) * _v19 * _v10
    _v21 = _v20  # Qexp2(_t0, _t1)
    _t10 = _mp.mpf(2) * _t8 * _v21  # 2*_t8*Qexp2(_t0, _t1)
    _v22 = -_t9  # -_t9
    _v23 = _t10 + _t7 + _v22  # _t10 + _t7 - _t9
    _t11 = tau * _v23  # tau*(_t10 + _t7 - _t9)
    _t12 = (_mp.mpf(1) / 2) * lambda_  # lambda/2
    _v24 = (_mp.mpf(1) / 2) * _v10 * _mp.sqrt(_mp.mpf(2)) / (_v0 * _mp.sqrt((+_mp.pi)))  # exp(-square(_t0)/(2*_t1))*sqrt_nonneg(2)/(2*sqrt(_t1)*sqrt_nonneg(pi))
    _t13 = _v24  # phi0(_t0, _t1)
    _v25 = _t12 * _t4  # _t12*_t4
    _v26 = (_mp.mpf(1) / 2) * lambda_  # lambda/2
    _v27 = _t12 * alpha  # _t12*alpha
    _v28 = -_v27  # -_t12*alpha
    _v29 = _v26 + _v28  # -_t12*alpha + lambda/2
    _v30 = _t13 * _v29  # _t13*(-_t12*alpha + lambda/2)
    _v31 = _v25 + _v30  # _t12*_t4 + _t13*(-_t12*alpha + lambda/2)
    _t14 = tau * _v31  # tau*(_t12*_t4 + _t13*(-_t12*alpha + lambda/2))
    _t15 = _t1 * _t13  # _t1*_t13
    _v32 = _t0 * _t2  # _t0*_t2
    _v33 = _v3 + _v11
    _v34 = _v33  # Rexp1(_t0, _t1)
    _v35 = alpha * _v34  # alpha*Rexp1(_t0, _t1)
    _v36 = _t15 + _v32 + _v35  # _t0*_t2 + _t15 + alpha*Rexp1(_t0, _t1)
    _t16 = _mp.mpf(2) * lambda_ * _v36  # 2*lambda*(_t0*_t2 + _t15 + alpha*Rexp1(_t0, _t1))
    _t17 = _t14 * _t16  # _t14*_t16
    _t18 = _t16 * _t5  # _t16*_t5
    _v37 = _mp.mpf(-2) * _t9  # -2*_t9
    _v38 = _mp.mpf(2) * _t0 * _t7  # 2*_t0*_t7
    _v39 = _mp.mpf(2) * _t15 * _t6  # 2*_t15*_t6
    _t19 = _t10 + _v37 + _v38 + _v39  # 2*_t0*_t7 + _t10 + 2*_t15*_t6 - 2*_t9
    _v40 = -_t17  # -_t17
    _v41 = _t11 + _t5 + _v40  # _t11 - _t17 + _t5
    _v42 = _mp_square(_v41)  # square(_t11 - _t17 + _t5)
    _v43 = -_t14  # -_t14
    _v44 = -_t18  # -_t18
    _v45 = _t19 * omega  # _t19*omega
    _v46 = _v43 + _v44 + _v45  # -_t14 - _t18 + _t19*omega
    _v47 = _mp_square(_v46)  # square(-_t14 - _t18 + _t19*omega)
    _v48 = _v42 + _v47  # square(_t11 - _t17 + _t5) + square(-_t14 - _t18 + _t19*omega)
    _v49 = _mp.sqrt(_v48)
    _v50 = (_mp.mpf(-1) / 2) * _v49
    _v51 = _t14 + _v44 + _v45  # _t14 - _t18 + _t19*omega
    _v52 = _mp_square(_v51)  # square(_t14 - _t18 + _t19*omega)
    _v53 = -_t11  # -_t11
    _v54 = _t17 + _t5 + _v53  # -_t11 + _t17 + _t5
    _v55 = _mp_square(_v54)  # square(-_t11 + _t17 + _t5)
    _v56 = _v52 + _v55  # square(-_t11 + _t17 + _t5) + square(_t14 - _t18 + _t19*omega)
    _v57 = _mp.sqrt(_v56)
    _v58 = (_mp.mpf(-1) / 2) * _v57
    _v59 = _v50 + _v58
    return (_v59,)


def goal_minus_S_J(mu, omega, nu, tau, alpha, lambda_):
    """Backend function 'goal:-S(J)' (selu_proof.backends.compiled).

    out[0] = -sqrt((omega*(alpha*lambda*Qexp1(mu*omega, nu*tau) + lambda*Ppos(mu*omega, nu*tau))
        - tau*(-alpha**2*lambda**2*Qexp1(mu*omega, nu*tau) +
        2*alpha**2*lambda**2*Qexp2(mu*omega, nu*tau) + lambda**2*Ppos(mu*omega, nu*tau)))**2 +
        (omega*(-2*alpha**2*lambda**2*Qexp1(mu*omega, nu*tau) +
        2*alpha**2*lambda**2*Qexp2(mu*omega, nu*tau) + 2*lambda**2*mu*omega*Ppos(mu*omega,
        nu*tau) + 2*lambda**2*nu*tau*phi0(mu*omega, nu*tau)) + tau*(alpha*lambda*Qexp1(mu*omega,
        nu*tau)/2 + (-alpha*lambda/2 + lambda/2)*phi0(mu*omega, nu*tau)))**2)/2 -
        sqrt((omega*(alpha*lambda*Qexp1(mu*omega, nu*tau) + lambda*Ppos(mu*omega, nu*tau)) +
        tau*(-alpha**2*lambda**2*Qexp1(mu*omega, nu*tau) + 2*alpha**2*lambda**2*Qexp2(mu*omega,
        nu*tau) + lambda**2*Ppos(mu*omega, nu*tau)))**2 +
        (omega*(-2*alpha**2*lambda**2*Qexp1(mu*omega, nu*tau) +
        2*alpha**2*lambda**2*Qexp2(mu*omega, nu*tau) + 2*lambda**2*mu*omega*Ppos(mu*omega,
        nu*tau) + 2*lambda**2*nu*tau*phi0(mu*omega, nu*tau)) - tau*(alpha*lambda*Qexp1(mu*omega,
        nu*tau)/2 + (-alpha*lambda/2 + lambda/2)*phi0(mu*omega, nu*tau)))**2)/2
    """
    _t0 = mu * omega  # mu*omega
    _t1 = nu * tau  # nu*tau
    _v0 = _mp.sqrt(_t1)  # sqrt(_t1)
    _v1 = (_mp.mpf(1) / 2) * _t0 * _mp.sqrt(_mp.mpf(2)) / (_v0)  # _t0*sqrt_nonneg(2)/(2*sqrt(_t1))
    _v2 = _mp.erfc(_v1)  # erfc(_t0*sqrt_nonneg(2)/(2*sqrt(_t1)))
    _v3 = (_mp.mpf(-1) / 2) * _v2  # -erfc(_t0*sqrt_nonneg(2)/(2*sqrt(_t1)))/2
    _v4 = _mp.mpf(1) + _v3  # 1 - erfc(_t0*sqrt_nonneg(2)/(2*sqrt(_t1)))/2
    _t2 = _v4  # Ppos(_t0, _t1)
    _v5 = _t0 + _t1  # _t0 + _t1
    _v6 = (_mp.mpf(1) / 2) * _v5 * _mp.sqrt(_mp.mpf(2)) / (_v0)  # (_t0 + _t1)*sqrt_nonneg(2)/(2*sqrt(_t1))
    _v7 = _mp_erfcx(_v6)  # erfcx((_t0 + _t1)*sqrt_nonneg(2)/(2*sqrt(_t1)))
    _v8 = _mp_square(_t0)  # square(_t0)
    _v9 = (_mp.mpf(-1) / 2) * _v8 / (_t1)  # -square(_t0)/(2*_t1)
    _v10 = _mp.exp(_v9)  # exp(-square(_t0)/(2*_t1))
    _v11 = (_mp.mpf(1) / 2) * _v7 * _v10
    _t3 = _v11  # Qexp1(_t0, _t1)
    _t4 = _t3 * alpha  # _t3*alpha
    _v12 = _t2 * lambda_  # _t2*lambda
    _v13 = _t4 * lambda_  # _t4*lambda
    _v14 = _v12 + _v13  # _t2*lambda + _t4*lambda
    _t5 = omega * _v14  # omega*(_t2*lambda + _t4*lambda)
    _t6 = _mp_square(lambda_)  # square(lambda)
    _t7 = _t2 * _t6  # _t2*_t6
    _v15 = _mp_square(alpha)  # square(alpha)
    _t8 = _t6 * _v15  # _t6*square(alpha)
    _t9 = _t3 * _t8  # _t3*_t8
    _v16 = _mp.mpf(2) * _t1  # 2*_t1
    _v17 = _t0 + _v16  # _t0 + 2*_t1
    _v18 = (_mp.mpf(1) / 2) * _v17 * _mp.sqrt(_mp.mpf(2)) / (_v0)  # (_t0 + 2*_t1)*sqrt_nonneg(2)/(2*sqrt(_t1))
    _v19 = _mp_erfcx(_v18)  # erfcx((_t0 + 2*_t1)*sqrt_nonneg(2)/(2*sqrt(_t1)))
    _v20 = (_mp.mpf(1) / 2) * _v19 * _v10
    _v21 = _v20  # Qexp2(_t0, _t1)
    _t10 = _mp.mpf(2) * _t8 * _v21  # 2*_t8*Qexp2(_t0, _t1)
    _v22 = -_t9  # -_t9
    _v23 = _t10 + _t7 + _v22  # _t10 + _t7 - _t9
    _t11 = tau * _v23  # tau*(_t10 + _t7 - _t9)
    _t12 = (_mp.mpf(1) / 2) * lambda_  # lambda/2
    _v24 = (_mp.mpf(1) / 2) * _v10 * _mp.sqrt(_mp.mpf(2)) / (_v0 * _mp.sqrt((+_mp.pi)))  # exp(-square(_t0)/(2*_t1))*sqrt_nonneg(2)/(2*sqrt(_t1)*sqrt_nonneg(pi))
    _t13 = _v24  # phi0(_t0, _t1)
    _v25 = _t12 * _t4  # _t12*_t4
    _v26 = (_mp.mpf(1) / 2) * lambda_  # lambda/2
    _v27 = _t12 * alpha  # _t12*alpha
    _v28 = -_v27  # -_t12*alpha
    _v29 = _v26 + _v28  # -_t12*alpha + lambda/2
    _v30 = _t13 * _v29  # _t13*(-_t12*alpha + lambda/2)
    _v31 = _v25 + _v30  # _t12*_t4 + _t13*(-_t12*alpha + lambda/2)
    _t14 = tau * _v31  # tau*(_t12*_t4 + _t13*(-_t12*alpha + lambda/2))
    _v32 = _mp.mpf(-2) * _t9  # -2*_t9
    _v33 = _mp.mpf(2) * _t0 * _t7  # 2*_t0*_t7
    _v34 = _mp.mpf(2) * _t1 * _t13 * _t6  # 2*_t1*_t13*_t6
    _v35 = _t10 + _v32 + _v33 + _v34  # 2*_t0*_t7 + 2*_t1*_t13*_t6 + _t10 - 2*_t9
    _t15 = omega * _v35  # omega*(2*_t0*_t7 + 2*_t1*_t13*_t6 + _t10 - 2*_t9)
    _v36 = _t11 + _t5  # _t11 + _t5
    _v37 = _mp_square(_v36)  # square(_t11 + _t5)
    _v38 = -_t14  # -_t14
    _v39 = _t15 + _v38  # -_t14 + _t15
    _v40 = _mp_square(_v39)  # square(-_t14 + _t15)
    _v41 = _v37 + _v40  # square(_t11 + _t5) + square(-_t14 + _t15)
    _v42 = _mp.sqrt(_v41)  # sqrt_nonneg(square(_t11 + _t5) + square(-_t14 + _t15))
    _v43 = (_mp.mpf(-1) / 2) * _v42  # -sqrt_nonneg(square(_t11 + _t5) + square(-_t14 + _t15))/2
    _v44 = _t14 + _t15  # _t14 + _t15
    _v45 = _mp_square(_v44)  # square(_t14 + _t15)
    _v46 = -_t11  # -_t11
    _v47 = _t5 + _v46  # -_t11 + _t5
    _v48 = _mp_square(_v47)  # square(-_t11 + _t5)
    _v49 = _v45 + _v48  # square(-_t11 + _t5) + square(_t14 + _t15)
    _v50 = _mp.sqrt(_v49)  # sqrt_nonneg(square(-_t11 + _t5) + square(_t14 + _t15))
    _v51 = (_mp.mpf(-1) / 2) * _v50  # -sqrt_nonneg(square(-_t11 + _t5) + square(_t14 + _t15))/2
    _v52 = _v43 + _v51
    return (_v52,)


def goal_mean(mu, omega, nu, tau, alpha, lambda_):
    """Backend function 'goal:mean' (selu_proof.backends.compiled).

    out[0] = lambda*(alpha*Rexp1(mu*omega, nu*tau) + mu*omega*Ppos(mu*omega, nu*tau) +
        nu*tau*phi0(mu*omega, nu*tau))
    """
    _t0 = mu * omega  # mu*omega
    _t1 = nu * tau  # nu*tau
    _v0 = _mp.sqrt(_t1)  # sqrt(_t1)
    _v1 = (_mp.mpf(1) / 2) * _t0 * _mp.sqrt(_mp.mpf(2)) / (_v0)  # _t0*sqrt_nonneg(2)/(2*sqrt(_t1))
    _v2 = _mp.erfc(_v1)  # erfc(_t0*sqrt_nonneg(2)/(2*sqrt(_t1)))
    _v3 = (_mp.mpf(-1) / 2) * _v2  # -erfc(_t0*sqrt_nonneg(2)/(2*sqrt(_t1)))/2
    _v4 = _mp.mpf(1) + _v3  # 1 - erfc(_t0*sqrt_nonneg(2)/(2*sqrt(_t1)))/2
    _v5 = _v4  # Ppos(_t0, _t1)
    _v6 = _t0 * _v5  # _t0*Ppos(_t0, _t1)
    _v7 = _mp_square(_t0)  # square(_t0)
    _v8 = (_mp.mpf(-1) / 2) * _v7 / (_t1)  # -square(_t0)/(2*_t1)
    _v9 = _mp.exp(_v8)  # exp(-square(_t0)/(2*_t1))
    _v10 = (_mp.mpf(1) / 2) * _v9 * _mp.sqrt(_mp.mpf(2)) / (_v0 * _mp.sqrt((+_mp.pi)))  # exp(-square(_t0)/(2*_t1))*sqrt_nonneg(2)/(2*sqrt(_t1)*sqrt_nonneg(pi))
    _v11 = _v10  # phi0(_t0, _t1)
    _v12 = _t1 * _v11  # _t1*phi0(_t0, _t1)
    _v13 = _t0 + _t1  # _t0 + _t1
    _v14 = (_mp.mpf(1) / 2) * _v13 * _mp.sqrt(_mp.mpf(2)) / (_v0)  # (_t0 + _t1)*sqrt_nonneg(2)/(2*sqrt(_t1))
    _v15 = _mp_erfcx(_v14)  # erfcx((_t0 + _t1)*sqrt_nonneg(2)/(2*sqrt(_t1)))
    _v16 = (_mp.mpf(1) / 2) * _v15 * _v9
    _v17 = _v3 + _v16
    _v18 = _v17  # Rexp1(_t0, _t1)
    _v19 = alpha * _v18  # alpha*Rexp1(_t0, _t1)
    _v20 = _v6 + _v12 + _v19  # _t0*Ppos(_t0, _t1) + _t1*phi0(_t0, _t1) + alpha*Rexp1(_t0, _t1)
    _v21 = lambda_ * _v20  # lambda*(_t0*Ppos(_t0, _t1) + _t1*phi0(_t0, _t1) + alpha*Rexp1(_t0, _t1))
    return (_v21,)


def goal_minus_mean(mu, omega, nu, tau, alpha, lambda_):
    """Backend function 'goal:-mean' (selu_proof.backends.compiled).

    out[0] = -lambda*(alpha*Rexp1(mu*omega, nu*tau) + mu*omega*Ppos(mu*omega, nu*tau) +
        nu*tau*phi0(mu*omega, nu*tau))
    """
    _t0 = mu * omega  # mu*omega
    _t1 = nu * tau  # nu*tau
    _v0 = _mp.sqrt(_t1)  # sqrt(_t1)
    _v1 = (_mp.mpf(1) / 2) * _t0 * _mp.sqrt(_mp.mpf(2)) / (_v0)  # _t0*sqrt_nonneg(2)/(2*sqrt(_t1))
    _v2 = _mp.erfc(_v1)  # erfc(_t0*sqrt_nonneg(2)/(2*sqrt(_t1)))
    _v3 = (_mp.mpf(-1) / 2) * _v2  # -erfc(_t0*sqrt_nonneg(2)/(2*sqrt(_t1)))/2
    _v4 = _mp.mpf(1) + _v3  # 1 - erfc(_t0*sqrt_nonneg(2)/(2*sqrt(_t1)))/2
    _v5 = _v4  # Ppos(_t0, _t1)
    _v6 = _t0 * _v5  # _t0*Ppos(_t0, _t1)
    _v7 = _mp_square(_t0)  # square(_t0)
    _v8 = (_mp.mpf(-1) / 2) * _v7 / (_t1)  # -square(_t0)/(2*_t1)
    _v9 = _mp.exp(_v8)  # exp(-square(_t0)/(2*_t1))
    _v10 = (_mp.mpf(1) / 2) * _v9 * _mp.sqrt(_mp.mpf(2)) / (_v0 * _mp.sqrt((+_mp.pi)))  # exp(-square(_t0)/(2*_t1))*sqrt_nonneg(2)/(2*sqrt(_t1)*sqrt_nonneg(pi))
    _v11 = _v10  # phi0(_t0, _t1)
    _v12 = _t1 * _v11  # _t1*phi0(_t0, _t1)
    _v13 = _t0 + _t1  # _t0 + _t1
    _v14 = (_mp.mpf(1) / 2) * _v13 * _mp.sqrt(_mp.mpf(2)) / (_v0)  # (_t0 + _t1)*sqrt_nonneg(2)/(2*sqrt(_t1))
    _v15 = _mp_erfcx(_v14)  # erfcx((_t0 + _t1)*sqrt_nonneg(2)/(2*sqrt(_t1)))
    _v16 = (_mp.mpf(1) / 2) * _v15 * _v9
    _v17 = _v3 + _v16
    _v18 = _v17  # Rexp1(_t0, _t1)
    _v19 = alpha * _v18  # alpha*Rexp1(_t0, _t1)
    _v20 = _v6 + _v12 + _v19  # _t0*Ppos(_t0, _t1) + _t1*phi0(_t0, _t1) + alpha*Rexp1(_t0, _t1)
    _v21 = lambda_ * _v20  # lambda*(_t0*Ppos(_t0, _t1) + _t1*phi0(_t0, _t1) + alpha*Rexp1(_t0, _t1))
    _v22 = -_v21
    return (_v22,)


def goal_var(mu, omega, nu, tau, alpha, lambda_):
    """Backend function 'goal:var' (selu_proof.backends.compiled).

    out[0] = -lambda**2*(alpha*Rexp1(mu*omega, nu*tau) + mu*omega*Ppos(mu*omega, nu*tau) +
        nu*tau*phi0(mu*omega, nu*tau))**2 + lambda**2*(alpha**2*Rexp2(mu*omega, nu*tau) +
        mu*nu*omega*tau*phi0(mu*omega, nu*tau) + (mu**2*omega**2 + nu*tau)*Ppos(mu*omega,
        nu*tau))
    """
    _t0 = _mp_square(lambda_)  # square(lambda)
    _t1 = mu * omega  # mu*omega
    _t2 = nu * tau  # nu*tau
    _v0 = _mp.sqrt(_t2)  # sqrt(_t2)
    _v1 = (_mp.mpf(1) / 2) * _t1 * _mp.sqrt(_mp.mpf(2)) / (_v0)  # _t1*sqrt_nonneg(2)/(2*sqrt(_t2))
    _v2 = _mp.erfc(_v1)  # erfc(_t1*sqrt_nonneg(2)/(2*sqrt(_t2)))
    _v3 = (_mp.mpf(-1) / 2) * _v2  # -erfc(_t1*sqrt_nonneg(2)/(2*sqrt(_t2)))/2
    _v4 = _mp.mpf(1) + _v3  # 1 - erfc(_t1*sqrt_nonneg(2)/(2*sqrt(_t2)))/2
    _t3 = _v4  # Ppos(_t1, _t2)
    _v5 = _mp_square(_t1)  # square(_t1)
    _v6 = (_mp.mpf(-1) / 2) * _v5 / (_t2)  # -square(_t1)/(2*_t2)
    _v7 = _mp.exp(_v6)  # exp(-square(_t1)/(2*_t2))
    _v8 = (_mp.mpf(1) / 2) * _v7 * _mp.sqrt(_mp.mpf(2)) / (_v0 * _mp.sqrt((+_mp.pi)))  # exp(-square(_t1)/(2*_t2))*sqrt_nonneg(2)/(2*sqrt(_t2)*sqrt_nonneg(pi))
    _v9 = _v8  # phi0(_t1, _t2)
    _t4 = _t2 * _v9  # _t2*phi0(_t1, _t2)
    _v10 = _t1 * _t4  # _t1*_t4
    _v11 = _mp_square(mu)  # square(mu)
    _v12 = _mp_square(omega)  # square(omega)
    _v13 = _v11 * _v12  # square(mu)*square(omega)
    _v14 = _t2 + _v13  # _t2 + square(mu)*square(omega)
    _v15 = _t3 * _v14  # _t3*(_t2 + square(mu)*square(omega))
    _v16 = (_mp.mpf(1) / 2) * _v2  # erfc(_t1*sqrt_nonneg(2)/(2*sqrt(_t2)))/2
    _v17 = _mp.mpf(2) * _t2  # 2*_t2
    _v18 = _t1 + _v17  # _t1 + 2*_t2
    _v19 = (_mp.mpf(1) / 2) * _v18 * _mp.sqrt(_mp.mpf(2)) / (_v0)  # (_t1 + 2*_t2)*sqrt_nonneg(2)/(2*sqrt(_t2))
    _v20 = _mp_erfcx(_v19)  # erfcx((_t1 + 2*_t2)*sqrt_nonneg(2)/(2*sqrt(_t2)))
    _v21 = (_mp.mpf(1) / 2) * _v20 * _v7
    _v22 = _t1 + _t2  # _t1 + _t2
    _v23 = (_mp.mpf(1) / 2) * _v22 * _mp.sqrt(_mp.mpf(2)) / (_v0)  # (_t1 + _t2)*sqrt_nonneg(2)/(2*sqrt(_t2))
    _v24 = _mp_erfcx(_v23)  # erfcx((_t1 + _t2)*sqrt_nonneg(2)/(2*sqrt(_t2)))
    _v25 = _v24 * _v7
    _v26 = -_v25
    _v27 = _v16 + _v21 + _v26
    _v28 = _v27  # Rexp2(_t1, _t2)
    _v29 = _mp_square(alpha)  # square(alpha)
    _v30 = _v28 * _v29  # Rexp2(_t1, _t2)*square(alpha)
    _v31 = _v10 + _v15 + _v30
    _v32 = _t0 * _v31
    _v33 = _t1 * _t3  # _t1*_t3
    _v34 = (_mp.mpf(1) / 2) * _v24 * _v7
    _v35 = _v3 + _v34
    _v36 = _v35  # Rexp1(_t1, _t2)
    _v37 = alpha * _v36  # alpha*Rexp1(_t1, _t2)
    _v38 = _t4 + _v33 + _v37  # _t1*_t3 + _t4 + alpha*Rexp1(_t1, _t2)
    _v39 = _mp_square(_v38)  # square(_t1*_t3 + _t4 + alpha*Rexp1(_t1, _t2))
    _v40 = _t0 * _v39  # _t0*square(_t1*_t3 + _t4 + alpha*Rexp1(_t1, _t2))
    _v41 = -_v40  # -_t0*square(_t1*_t3 + _t4 + alpha*Rexp1(_t1, _t2))
    _v42 = _v32 + _v41
    return (_v42,)


def goal_minus_var(mu, omega, nu, tau, alpha, lambda_):
    """Backend function 'goal:-var' (selu_proof.backends.compiled).

    out[0] = lambda**2*(alpha*Rexp1(mu*omega, nu*tau) + mu*omega*Ppos(mu*omega, nu*tau) +
        nu*tau*phi0(mu*omega, nu*tau))**2 - lambda**2*(alpha**2*Rexp2(mu*omega, nu*tau) +
        mu*nu*omega*tau*phi0(mu*omega, nu*tau) + (mu**2*omega**2 + nu*tau)*Ppos(mu*omega,
        nu*tau))
    """
    _t0 = _mp_square(lambda_)  # square(lambda)
    _t1 = mu * omega  # mu*omega
    _t2 = nu * tau  # nu*tau
    _v0 = _mp.sqrt(_t2)  # sqrt(_t2)
    _v1 = (_mp.mpf(1) / 2) * _t1 * _mp.sqrt(_mp.mpf(2)) / (_v0)  # _t1*sqrt_nonneg(2)/(2*sqrt(_t2))
    _v2 = _mp.erfc(_v1)  # erfc(_t1*sqrt_nonneg(2)/(2*sqrt(_t2)))
    _v3 = (_mp.mpf(-1) / 2) * _v2  # -erfc(_t1*sqrt_nonneg(2)/(2*sqrt(_t2)))/2
    _v4 = _mp.mpf(1) + _v3  # 1 - erfc(_t1*sqrt_nonneg(2)/(2*sqrt(_t2)))/2
    _t3 = _v4  # Ppos(_t1, _t2)
    _v5 = _mp_square(_t1)  # square(_t1)
    _v6 = (_mp.mpf(-1) / 2) * _v5 / (_t2)  # -square(_t1)/(2*_t2)
    _v7 = _mp.exp(_v6)  # exp(-square(_t1)/(2*_t2))
    _v8 = (_mp.mpf(1) / 2) * _v7 * _mp.sqrt(_mp.mpf(2)) / (_v0 * _mp.sqrt((+_mp.pi)))  # exp(-square(_t1)/(2*_t2))*sqrt_nonneg(2)/(2*sqrt(_t2)*sqrt_nonneg(pi))
    _v9 = _v8  # phi0(_t1, _t2)
    _t4 = _t2 * _v9  # _t2*phi0(_t1, _t2)
    _v10 = _t1 * _t3  # _t1*_t3
    _v11 = _t1 + _t2  # _t1 + _t2
    _v12 = (_mp.mpf(1) / 2) * _v11 * _mp.sqrt(_mp.mpf(2)) / (_v0)  # (_t1 + _t2)*sqrt_nonneg(2)/(2*sqrt(_t2))
    _v13 = _mp_erfcx(_v12)  # erfcx((_t1 + _t2)*sqrt_nonneg(2)/(2*sqrt(_t2)))
    _v14 = (_mp.mpf(1) / 2) * _v13 * _v7
    _v15 = _v3 + _v14
    _v16 = _v15  # Rexp1(_t1, _t2)
    _v17 = alpha * _v16  # alpha*Rexp1(_t1, _t2)
    _v18 = _t4 + _v10 + _v17  # _t1*_t3 + _t4 + alpha*Rexp1(_t1, _t2)
    _v19 = _mp_square(_v18)  # square(_t1*_t3 + _t4 + alpha*Rexp1(_t1, _t2))
    _v20 = _t0 * _v19  # _t0*square(_t1*_t3 + _t4 + alpha*Rexp1(_t1, _t2))
    _v21 = _t1 * _t4  # _t1*_t4
    _v22 = _mp_square(mu)  # square(mu)
    _v23 = _mp_square(omega)  # square(omega)
    _v24 = _v22 * _v23  # square(mu)*square(omega)
    _v25 = _t2 + _v24  # _t2 + square(mu)*square(omega)
    _v26 = _t3 * _v25  # _t3*(_t2 + square(mu)*square(omega))
    _v27 = (_mp.mpf(1) / 2) * _v2  # erfc(_t1*sqrt_nonneg(2)/(2*sqrt(_t2)))/2
    _v28 = _mp.mpf(2) * _t2  # 2*_t2
    _v29 = _t1 + _v28  # _t1 + 2*_t2
    _v30 = (_mp.mpf(1) / 2) * _v29 * _mp.sqrt(_mp.mpf(2)) / (_v0)  # (_t1 + 2*_t2)*sqrt_nonneg(2)/(2*sqrt(_t2))
    _v31 = _mp_erfcx(_v30)  # erfcx((_t1 + 2*_t2)*sqrt_nonneg(2)/(2*sqrt(_t2)))
    _v32 = (_mp.mpf(1) / 2) * _v31 * _v7
    _v33 = _v13 * _v7
    _v34 = -_v33
    _v35 = _v27 + _v32 + _v34
    _v36 = _v35  # Rexp2(_t1, _t2)
    _v37 = _mp_square(alpha)  # square(alpha)
    _v38 = _v36 * _v37  # Rexp2(_t1, _t2)*square(alpha)
    _v39 = _v21 + _v26 + _v38
    _v40 = _t0 * _v39
    _v41 = -_v40
    _v42 = _v20 + _v41
    return (_v42,)


def goal_var_minus_nu(mu, omega, nu, tau, alpha, lambda_):
    """Backend function 'goal:var-nu' (selu_proof.backends.compiled).

    out[0] = -lambda**2*(alpha*Rexp1(mu*omega, nu*tau) + mu*omega*Ppos(mu*omega, nu*tau) +
        nu*tau*phi0(mu*omega, nu*tau))**2 + lambda**2*(alpha**2*Rexp2(mu*omega, nu*tau) +
        mu*nu*omega*tau*phi0(mu*omega, nu*tau) + (mu**2*omega**2 + nu*tau)*Ppos(mu*omega,
        nu*tau)) - nu
    """
    _t0 = _mp_square(lambda_)  # square(lambda)
    _t1 = mu * omega  # mu*omega
    _t2 = nu * tau  # nu*tau
    _v0 = _mp.sqrt(_t2)  # sqrt(_t2)
    _v1 = (_mp.mpf(1) / 2) * _t1 * _mp.sqrt(_mp.mpf(2)) / (_v0)  # _t1*sqrt_nonneg(2)/(2*sqrt(_t2))
    _v2 = _mp.erfc(_v1)  # erfc(_t1*sqrt_nonneg(2)/(2*sqrt(_t2)))
    _v3 = (_mp.mpf(-1) / 2) * _v2  # -erfc(_t1*sqrt_nonneg(2)/(2*sqrt(_t2)))/2
    _v4 = _mp.mpf(1) + _v3  # 1 - erfc(_t1*sqrt_nonneg(2)/(2*sqrt(_t2)))/2
    _t3 = _v4  # Ppos(_t1, _t2)
    _v5 = _mp_square(_t1)  # square(_t1)
    _v6 = (_mp.mpf(-1) / 2) * _v5 / (_t2)  # -square(_t1)/(2*_t2)
    _v7 = _mp.exp(_v6)  # exp(-square(_t1)/(2*_t2))
    _v8 = (_mp.mpf(1) / 2) * _v7 * _mp.sqrt(_mp.mpf(2)) / (_v0 * _mp.sqrt((+_mp.pi)))  # exp(-square(_t1)/(2*_t2))*sqrt_nonneg(2)/(2*sqrt(_t2)*sqrt_nonneg(pi))
    _v9 = _v8  # phi0(_t1, _t2)
    _t4 = _t2 * _v9  # _t2*phi0(_t1, _t2)
    _v10 = -nu  # -nu
    _v11 = _t1 * _t4  # _t1*_t4
    _v12 = _mp_square(mu)  # square(mu)
    _v13 = _mp_square(omega)  # square(omega)
    _v14 = _v12 * _v13  # square(mu)*square(omega)
    _v15 = _t2 + _v14  # _t2 + square(mu)*square(omega)
    _v16 = _t3 * _v15  # _t3*(_t2 + square(mu)*square(omega))
    _v17 = (_mp.mpf(1) / 2) * _v2  # erfc(_t1*sqrt_nonneg(2)/(2*sqrt(_t2)))/2
    _v18 = _mp.mpf(2) * _t2  # 2*_t2
    _v19 = _t1 + _v18  # _t1 + 2*_t2
    _v20 = (_mp.mpf(1) / 2) * _v19 * _mp.sqrt(_mp.mpf(2)) / (_v0)  # (_t1 + 2*_t2)*sqrt_nonneg(2)/(2*sqrt(_t2))
    _v21 = _mp_erfcx(_v20)  # erfcx((_t1 + 2*_t2)*sqrt_nonneg(2)/(2*sqrt(_t2)))
    _v22 = (_mp.mpf(1) / 2) * _v21 * _v7
    _v23 = _t1 + _t2  # _t1 + _t2
    _v24 = (_mp.mpf(1) / 2) * _v23 * _mp.sqrt(_mp.mpf(2)) / (_v0)  # (_t1 + _t2)*sqrt_nonneg(2)/(2*sqrt(_t2))
    _v25 = _mp_erfcx(_v24)  # erfcx((_t1 + _t2)*sqrt_nonneg(2)/(2*sqrt(_t2)))
    _v26 = _v25 * _v7
    _v27 = -_v26
    _v28 = _v17 + _v22 + _v27
    _v29 = _v28  # Rexp2(_t1, _t2)
    _v30 = _mp_square(alpha)  # square(alpha)
    _v31 = _v29 * _v30  # Rexp2(_t1, _t2)*square(alpha)
    _v32 = _v11 + _v16 + _v31
    _v33 = _t0 * _v32
    _v34 = _t1 * _t3  # _t1*_t3
    _v35 = (_mp.mpf(1) / 2) * _v25 * _v7
    _v36 = _v3 + _v35
    _v37 = _v36  # Rexp1(_t1, _t2)
    _v38 = alpha * _v37  # alpha*Rexp1(_t1, _t2)
    _v39 = _t4 + _v34 + _v38  # _t1*_t3 + _t4 + alpha*Rexp1(_t1, _t2)
    _v40 = _mp_square(_v39)  # square(_t1*_t3 + _t4 + alpha*Rexp1(_t1, _t2))
    _v41 = _t0 * _v40  # _t0*square(_t1*_t3 + _t4 + alpha*Rexp1(_t1, _t2))
    _v42 = -_v41  # -_t0*square(_t1*_t3 + _t4 + alpha*Rexp1(_t1, _t2))
    _v43 = _v10 + _v33 + _v42
    return (_v43,)


def goal_nu_minus_var(mu, omega, nu, tau, alpha, lambda_):
    """Backend function 'goal:nu-var' (selu_proof.backends.compiled).

    out[0] = lambda**2*(alpha*Rexp1(mu*omega, nu*tau) + mu*omega*Ppos(mu*omega, nu*tau) +
        nu*tau*phi0(mu*omega, nu*tau))**2 - lambda**2*(alpha**2*Rexp2(mu*omega, nu*tau) +
        mu*nu*omega*tau*phi0(mu*omega, nu*tau) + (mu**2*omega**2 + nu*tau)*Ppos(mu*omega,
        nu*tau)) + nu
    """
    _t0 = _mp_square(lambda_)  # square(lambda)
    _t1 = mu * omega  # mu*omega
    _t2 = nu * tau  # nu*tau
    _v0 = _mp.sqrt(_t2)  # sqrt(_t2)
    _v1 = (_mp.mpf(1) / 2) * _t1 * _mp.sqrt(_mp.mpf(2)) / (_v0)  # _t1*sqrt_nonneg(2)/(2*sqrt(_t2))
    _v2 = _mp.erfc(_v1)  # erfc(_t1*sqrt_nonneg(2)/(2*sqrt(_t2)))
    _v3 = (_mp.mpf(-1) / 2) * _v2  # -erfc(_t1*sqrt_nonneg(2)/(2*sqrt(_t2)))/2
    _v4 = _mp.mpf(1) + _v3  # 1 - erfc(_t1*sqrt_nonneg(2)/(2*sqrt(_t2)))/2
    _t3 = _v4  # Ppos(_t1, _t2)
    _v5 = _mp_square(_t1)  # square(_t1)
    _v6 = (_mp.mpf(-1) / 2) * _v5 / (_t2)  # -square(_t1)/(2*_t2)
    _v7 = _mp.exp(_v6)  # exp(-square(_t1)/(2*_t2))
    _v8 = (_mp.mpf(1) / 2) * _v7 * _mp.sqrt(_mp.mpf(2)) / (_v0 * _mp.sqrt((+_mp.pi)))  # exp(-square(_t1)/(2*_t2))*sqrt_nonneg(2)/(2*sqrt(_t2)*sqrt_nonneg(pi))
    _v9 = _v8  # phi0(_t1, _t2)
    _t4 = _t2 * _v9  # _t2*phi0(_t1, _t2)
    _v10 = _t1 * _t3  # _t1*_t3
    _v11 = _t1 + _t2  # _t1 + _t2
    _v12 = (_mp.mpf(1) / 2) * _v11 * _mp.sqrt(_mp.mpf(2)) / (_v0)  # (_t1 + _t2)*sqrt_nonneg(2)/(2*sqrt(_t2))
    _v13 = _mp_erfcx(_v12)  # erfcx((_t1 + _t2)*sqrt_nonneg(2)/(2*sqrt(_t2)))
    _v14 = (_mp.mpf(1) / 2) * _v13 * _v7
    _v15 = _v3 + _v14
    _v16 = _v15  # Rexp1(_t1, _t2)
    _v17 = alpha * _v16  # alpha*Rexp1(_t1, _t2)
    _v18 = _t4 + _v10 + _v17  # _t1*_t3 + _t4 + alpha*Rexp1(_t1, _t2)
    _v19 = _mp_square(_v18)  # square(_t1*_t3 + _t4 + alpha*Rexp1(_t1, _t2))
    _v20 = _t0 * _v19  # _t0*square(_t1*_t3 + _t4 + alpha*Rexp1(_t1, _t2))
    _v21 = _t1 * _t4  # _t1*_t4
    _v22 = _mp_square(mu)  # square(mu)
    _v23 = _mp_square(omega)  # square(omega)
    _v24 = _v22 * _v23  # square(mu)*square(omega)
    _v25 = _t2 + _v24  # _t2 + square(mu)*square(omega)
    _v26 = _t3 * _v25  # _t3*(_t2 + square(mu)*square(omega))
    _v27 = (_mp.mpf(1) / 2) * _v2  # erfc(_t1*sqrt_nonneg(2)/(2*sqrt(_t2)))/2
    _v28 = _mp.mpf(2) * _t2  # 2*_t2
    _v29 = _t1 + _v28  # _t1 + 2*_t2
    _v30 = (_mp.mpf(1) / 2) * _v29 * _mp.sqrt(_mp.mpf(2)) / (_v0)  # (_t1 + 2*_t2)*sqrt_nonneg(2)/(2*sqrt(_t2))
    _v31 = _mp_erfcx(_v30)  # erfcx((_t1 + 2*_t2)*sqrt_nonneg(2)/(2*sqrt(_t2)))
    _v32 = (_mp.mpf(1) / 2) * _v31 * _v7
    _v33 = _v13 * _v7
    _v34 = -_v33
    _v35 = _v27 + _v32 + _v34
    _v36 = _v35  # Rexp2(_t1, _t2)
    _v37 = _mp_square(alpha)  # square(alpha)
    _v38 = _v36 * _v37  # Rexp2(_t1, _t2)*square(alpha)
    _v39 = _v21 + _v26 + _v38
    _v40 = _t0 * _v39
    _v41 = -_v40
    _v42 = nu + _v20 + _v41
    return (_v42,)


def goal_chi1(mu, omega, nu, tau, alpha, lambda_):
    """Backend function 'goal:chi1' (selu_proof.backends.compiled).

    out[0] = lambda**2*tau*(alpha**2*Qexp2(mu*omega, nu*tau) + Ppos(mu*omega, nu*tau))
    """
    _t0 = mu * omega  # mu*omega
    _t1 = nu * tau  # nu*tau
    _v0 = _mp.mpf(2) * _t1  # 2*_t1
    _v1 = _t0 + _v0  # _t0 + 2*_t1
    _v2 = _mp.sqrt(_t1)  # sqrt(_t1)
    _v3 = (_mp.mpf(1) / 2) * _v1 * _mp.sqrt(_mp.mpf(2)) / (_v2)  # (_t0 + 2*_t1)*sqrt_nonneg(2)/(2*sqrt(_t1))
    _v4 = _mp_erfcx(_v3)  # erfcx((_t0 + 2*_t1)*sqrt_nonneg(2)/(2*sqrt(_t1)))
    _v5 = _mp_square(_t0)  # square(_t0)
    _v6 = (_mp.mpf(-1) / 2) * _v5 / (_t1)  # -square(_t0)/(2*_t1)
    _v7 = _mp.exp(_v6)  # exp(-square(_t0)/(2*_t1))
    _v8 = (_mp.mpf(1) / 2) * _v4 * _v7
    _v9 = _v8  # Qexp2(_t0, _t1)
    _v10 = _mp_square(alpha)  # square(alpha)
    _v11 = _v9 * _v10  # Qexp2(_t0, _t1)*square(alpha)
    _v12 = (_mp.mpf(1) / 2) * _t0 * _mp.sqrt(_mp.mpf(2)) / (_v2)  # _t0*sqrt_nonneg(2)/(2*sqrt(_t1))
    _v13 = _mp.erfc(_v12)  # erfc(_t0*sqrt_nonneg(2)/(2*sqrt(_t1)))
    _v14 = (_mp.mpf(-1) / 2) * _v13  # -erfc(_t0*sqrt_nonneg(2)/(2*sqrt(_t1)))/2
    _v15 = _mp.mpf(1) + _v14  # 1 - erfc(_t0*sqrt_nonneg(2)/(2*sqrt(_t1)))/2
    _v16 = _v15  # Ppos(_t0, _t1)
    _v17 = _v11 + _v16  # Ppos(_t0, _t1) + Qexp2(_t0, _t1)*square(alpha)
    _v18 = _mp_square(lambda_)  # square(lambda)
    _v19 = tau * _v17 * _v18  # tau*(Ppos(_t0, _t1) + Qexp2(_t0, _t1)*square(alpha))*square(lambda)
    return (_v19,)


def goal_minus_chi1(mu, omega, nu, tau, alpha, lambda_):
    """Backend function 'goal:-chi1' (selu_proof.backends.compiled).

    out[0] = -lambda**2*tau*(alpha**2*Qexp2(mu*omega, nu*tau) + Ppos(mu*omega, nu*tau))
    """
    _t0 = mu * omega  # mu*omega
    _t1 = nu * tau  # nu*tau
    _v0 = _mp.mpf(2) * _t1  # 2*_t1
    _v1 = _t0 + _v0  # _t0 + 2*_t1
    _v2 = _mp.sqrt(_t1)  # sqrt(_t1)
    _v3 = (_mp.mpf(1) / 2) * _v1 * _mp.sqrt(_mp.mpf(2)) / (_v2)  # (_t0 + 2*_t1)*sqrt_nonneg(2)/(2*sqrt(_t1))
    _v4 = _mp_erfcx(_v3)  # erfcx((_t0 + 2*_t1)*sqrt_nonneg(2)/(2*sqrt(_t1)))
    _v5 = _mp_square(_t0)  # square(_t0)
    _v6 = (_mp.mpf(-1) / 2) * _v5 / (_t1)  # -square(_t0)/(2*_t1)
    _v7 = _mp.exp(_v6)  # exp(-square(_t0)/(2*_t1))
    _v8 = (_mp.mpf(1) / 2) * _v4 * _v7
    _v9 = _v8  # Qexp2(_t0, _t1)
    _v10 = _mp_square(alpha)  # square(alpha)
    _v11 = _v9 * _v10  # Qexp2(_t0, _t1)*square(alpha)
    _v12 = (_mp.mpf(1) / 2) * _t0 * _mp.sqrt(_mp.mpf(2)) / (_v2)  # _t0*sqrt_nonneg(2)/(2*sqrt(_t1))
    _v13 = _mp.erfc(_v12)  # erfc(_t0*sqrt_nonneg(2)/(2*sqrt(_t1)))
    _v14 = (_mp.mpf(-1) / 2) * _v13  # -erfc(_t0*sqrt_nonneg(2)/(2*sqrt(_t1)))/2
    _v15 = _mp.mpf(1) + _v14  # 1 - erfc(_t0*sqrt_nonneg(2)/(2*sqrt(_t1)))/2
    _v16 = _v15  # Ppos(_t0, _t1)
    _v17 = _v11 + _v16  # Ppos(_t0, _t1) + Qexp2(_t0, _t1)*square(alpha)
    _v18 = _mp_square(lambda_)  # square(lambda)
    _v19 = tau * _v17 * _v18  # tau*(Ppos(_t0, _t1) + Qexp2(_t0, _t1)*square(alpha))*square(lambda)
    _v20 = -_v19  # -tau*(Ppos(_t0, _t1) + Qexp2(_t0, _t1)*square(alpha))*square(lambda)
    return (_v20,)


FUNCTIONS = {
    'moments': moments,
    'jacobian_variance': jacobian_variance,
    'jacobian_second_moment': jacobian_second_moment,
    'spectral_variance': spectral_variance,
    'spectral_second_moment': spectral_second_moment,
    'dropout_affine': dropout_affine,
    'dropout_moments': dropout_moments,
    'gaussian_moments': gaussian_moments,
    'mean_field_slopes': mean_field_slopes,
    'correlation_integrands': correlation_integrands,
    'selu_branches': selu_branches,
    'dropout_mean_field': dropout_mean_field,
    'goal:S(H)': goal_S_H,
    'goal:S(J)': goal_S_J,
    'goal:-S(H)': goal_minus_S_H,
    'goal:-S(J)': goal_minus_S_J,
    'goal:mean': goal_mean,
    'goal:-mean': goal_minus_mean,
    'goal:var': goal_var,
    'goal:-var': goal_minus_var,
    'goal:var-nu': goal_var_minus_nu,
    'goal:nu-var': goal_nu_minus_var,
    'goal:chi1': goal_chi1,
    'goal:-chi1': goal_minus_chi1,
}
