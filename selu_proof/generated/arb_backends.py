"""Backend functions of selu_proof.backends for arb.

GENERATED, DO NOT EDIT: written by `python -m selu_proof.derive.regenerate`
(printer selu_proof.derive.codegen, target arb) from selu_proof.derive.expressions.backend_expressions.
tests/test_generated.py regenerates it and requires identical bytes.
"""

# ruff: noqa
from __future__ import annotations

from flint import arb as _arb

from selu_proof.kernel import arb_runtime as _rt


from selu_proof.generated import arb_blocks as _blocks

_blk_Ppos = _blocks.FUNCTIONS["Ppos"]
_blk_Qexp1 = _blocks.FUNCTIONS["Qexp1"]
_blk_Qexp2 = _blocks.FUNCTIONS["Qexp2"]
_blk_Rexp1 = _blocks.FUNCTIONS["Rexp1"]
_blk_Rexp2 = _blocks.FUNCTIONS["Rexp2"]
_blk_phi0 = _blocks.FUNCTIONS["phi0"]


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


def moments(a, v, alpha, lambda_):
    """Backend function 'moments' (selu_proof.backends.compiled).

    out[0] = lambda*(a*Ppos(a, v) + alpha*Rexp1(a, v) + v*phi0(a, v))
    out[1] = lambda**2*(a*v*phi0(a, v) + alpha**2*Rexp2(a, v) + (a**2 + v)*Ppos(a, v))
    out[2] = -lambda**2*(a*Ppos(a, v) + alpha*Rexp1(a, v) + v*phi0(a, v))**2 +
        lambda**2*(a*v*phi0(a, v) + alpha**2*Rexp2(a, v) + (a**2 + v)*Ppos(a, v))
    """
    _t0 = _rt.block(_blk_Ppos, a, v)  # Ppos(a, v)
    _v0 = _rt.block(_blk_phi0, a, v)  # phi0(a, v)
    _t1 = v * _v0  # v*phi0(a, v)
    _v1 = _t0 * a  # _t0*a
    _v2 = _rt.block(_blk_Rexp1, a, v)  # Rexp1(a, v)
    _v3 = alpha * _v2  # alpha*Rexp1(a, v)
    _t2 = _t1 + _v1 + _v3  # _t0*a + _t1 + alpha*Rexp1(a, v)
    _t3 = _rt.square(lambda_)  # square(lambda)
    _v4 = _rt.square(a)  # square(a)
    _v5 = v + _v4  # v + square(a)
    _v6 = _t0 * _v5  # _t0*(v + square(a))
    _v7 = _t1 * a  # _t1*a
    _v8 = _rt.block(_blk_Rexp2, a, v)  # Rexp2(a, v)
    _v9 = _rt.square(alpha)  # square(alpha)
    _v10 = _v8 * _v9  # Rexp2(a, v)*square(alpha)
    _v11 = _v6 + _v7 + _v10  # _t0*(v + square(a)) + _t1*a + Rexp2(a, v)*square(alpha)
    _t4 = _t3 * _v11  # _t3*(_t0*(v + square(a)) + _t1*a + Rexp2(a, v)*square(alpha))
    _v12 = _t2 * lambda_  # _t2*lambda
    _v13 = _rt.square(_t2)  # square(_t2)
    _v14 = _t3 * _v13  # _t3*square(_t2)
    _v15 = -_v14  # -_t3*square(_t2)
    _v16 = _t4 + _v15  # -_t3*square(_t2) + _t4
    return (_v12, _t4, _v16,)


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
    _k0, _k1, _k2, _k3, _k4, = _constants()
    _t0 = _rt.block(_blk_Ppos, a, v)  # Ppos(a, v)
    _t1 = _rt.block(_blk_Qexp1, a, v)  # Qexp1(a, v)
    _t2 = _t1 * alpha  # _t1*alpha
    _v0 = _t0 * lambda_  # _t0*lambda
    _v1 = _t2 * lambda_  # _t2*lambda
    _v2 = _v0 + _v1  # _t0*lambda + _t2*lambda
    _t3 = omega * _v2  # omega*(_t0*lambda + _t2*lambda)
    _t4 = _k0 * lambda_  # lambda/2
    _t5 = _rt.block(_blk_phi0, a, v)  # phi0(a, v)
    _v3 = _t2 * _t4  # _t2*_t4
    _v4 = _k0 * lambda_  # lambda/2
    _v5 = _t4 * alpha  # _t4*alpha
    _v6 = -_v5  # -_t4*alpha
    _v7 = _v4 + _v6  # -_t4*alpha + lambda/2
    _v8 = _t5 * _v7  # _t5*(-_t4*alpha + lambda/2)
    _v9 = _v3 + _v8  # _t2*_t4 + _t5*(-_t4*alpha + lambda/2)
    _t6 = tau * _v9  # tau*(_t2*_t4 + _t5*(-_t4*alpha + lambda/2))
    _t7 = _t0 * a  # _t0*a
    _t8 = _t5 * v  # _t5*v
    _v10 = _rt.block(_blk_Rexp1, a, v)  # Rexp1(a, v)
    _v11 = alpha * _v10  # alpha*Rexp1(a, v)
    _v12 = _t7 + _t8 + _v11  # _t7 + _t8 + alpha*Rexp1(a, v)
    _t9 = 2 * lambda_ * _v12  # 2*lambda*(_t7 + _t8 + alpha*Rexp1(a, v))
    _t10 = _rt.square(lambda_)  # square(lambda)
    _t11 = 2 * _t10  # 2*_t10
    _v13 = _rt.square(alpha)  # square(alpha)
    _t12 = _t10 * _v13  # _t10*square(alpha)
    _t13 = _t1 * _t12  # _t1*_t12
    _v14 = _rt.block(_blk_Qexp2, a, v)  # Qexp2(a, v)
    _t14 = 2 * _t12 * _v14  # 2*_t12*Qexp2(a, v)
    _v15 = (-2) * _t13  # -2*_t13
    _v16 = _t11 * _t7  # _t11*_t7
    _v17 = _t11 * _t8  # _t11*_t8
    _v18 = _t14 + _v15 + _v16 + _v17  # _t11*_t7 + _t11*_t8 - 2*_t13 + _t14
    _v19 = omega * _v18  # omega*(_t11*_t7 + _t11*_t8 - 2*_t13 + _t14)
    _v20 = _t3 * _t9  # _t3*_t9
    _v21 = -_v20  # -_t3*_t9
    _v22 = _v19 + _v21  # -_t3*_t9 + omega*(_t11*_t7 + _t11*_t8 - 2*_t13 + _t14)
    _v23 = -_t13  # -_t13
    _v24 = _t0 * _t10  # _t0*_t10
    _v25 = _t14 + _v23 + _v24  # _t0*_t10 - _t13 + _t14
    _v26 = tau * _v25  # tau*(_t0*_t10 - _t13 + _t14)
    _v27 = _t6 * _t9  # _t6*_t9
    _v28 = -_v27  # -_t6*_t9
    _v29 = _v26 + _v28  # -_t6*_t9 + tau*(_t0*_t10 - _t13 + _t14)
    return (_t3, _t6, _v22, _v29,)


def jacobian_second_moment(a, v, alpha, lambda_, omega, tau):
    """Backend function 'jacobian_second_moment' (selu_proof.backends.compiled).

    out[0] = omega*(alpha*lambda*Qexp1(a, v) + lambda*Ppos(a, v))
    out[1] = tau*(alpha*lambda*Qexp1(a, v)/2 + (-alpha*lambda/2 + lambda/2)*phi0(a, v))
    out[2] = omega*(2*a*lambda**2*Ppos(a, v) - 2*alpha**2*lambda**2*Qexp1(a, v) +
        2*alpha**2*lambda**2*Qexp2(a, v) + 2*lambda**2*v*phi0(a, v))
    out[3] = tau*(-alpha**2*lambda**2*Qexp1(a, v) + 2*alpha**2*lambda**2*Qexp2(a, v) +
        lambda**2*Ppos(a, v))
    """
    _k0, _k1, _k2, _k3, _k4, = _constants()
    _t0 = _rt.block(_blk_Ppos, a, v)  # Ppos(a, v)
    _t1 = _rt.block(_blk_Qexp1, a, v)  # Qexp1(a, v)
    _t2 = _t1 * alpha  # _t1*alpha
    _t3 = _k0 * lambda_  # lambda/2
    _t4 = _rt.block(_blk_phi0, a, v)  # phi0(a, v)
    _t5 = _rt.square(lambda_)  # square(lambda)
    _t6 = _t0 * _t5  # _t0*_t5
    _v0 = _rt.square(alpha)  # square(alpha)
    _t7 = _t5 * _v0  # _t5*square(alpha)
    _t8 = _t1 * _t7  # _t1*_t7
    _v1 = _rt.block(_blk_Qexp2, a, v)  # Qexp2(a, v)
    _t9 = 2 * _t7 * _v1  # 2*_t7*Qexp2(a, v)
    _v2 = _t0 * lambda_  # _t0*lambda
    _v3 = _t2 * lambda_  # _t2*lambda
    _v4 = _v2 + _v3  # _t0*lambda + _t2*lambda
    _v5 = omega * _v4  # omega*(_t0*lambda + _t2*lambda)
    _v6 = _t2 * _t3  # _t2*_t3
    _v7 = _k0 * lambda_  # lambda/2
    _v8 = _t3 * alpha  # _t3*alpha
    _v9 = -_v8  # -_t3*alpha
    _v10 = _v7 + _v9  # -_t3*alpha + lambda/2
    _v11 = _t4 * _v10  # _t4*(-_t3*alpha + lambda/2)
    _v12 = _v6 + _v11  # _t2*_t3 + _t4*(-_t3*alpha + lambda/2)
    _v13 = tau * _v12  # tau*(_t2*_t3 + _t4*(-_t3*alpha + lambda/2))
    _v14 = (-2) * _t8  # -2*_t8
    _v15 = 2 * _t6 * a  # 2*_t6*a
    _v16 = 2 * _t4 * _t5 * v  # 2*_t4*_t5*v
    _v17 = _t9 + _v14 + _v15 + _v16  # 2*_t4*_t5*v + 2*_t6*a - 2*_t8 + _t9
    _v18 = omega * _v17  # omega*(2*_t4*_t5*v + 2*_t6*a - 2*_t8 + _t9)
    _v19 = -_t8  # -_t8
    _v20 = _t6 + _t9 + _v19  # _t6 - _t8 + _t9
    _v21 = tau * _v20  # tau*(_t6 - _t8 + _t9)
    return (_v5, _v13, _v18, _v21,)


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
    _k0, _k1, _k2, _k3, _k4, = _constants()
    _t0 = _rt.block(_blk_Ppos, a, v)  # Ppos(a, v)
    _t1 = _rt.block(_blk_Qexp1, a, v)  # Qexp1(a, v)
    _t2 = _t1 * alpha  # _t1*alpha
    _v0 = _t0 * lambda_  # _t0*lambda
    _v1 = _t2 * lambda_  # _t2*lambda
    _v2 = _v0 + _v1  # _t0*lambda + _t2*lambda
    _t3 = omega * _v2  # omega*(_t0*lambda + _t2*lambda)
    _t4 = _rt.square(lambda_)  # square(lambda)
    _t5 = _t0 * _t4  # _t0*_t4
    _v3 = _rt.square(alpha)  # square(alpha)
    _t6 = _t4 * _v3  # _t4*square(alpha)
    _t7 = _t1 * _t6  # _t1*_t6
    _v4 = _rt.block(_blk_Qexp2, a, v)  # Qexp2(a, v)
    _t8 = 2 * _t6 * _v4  # 2*_t6*Qexp2(a, v)
    _v5 = -_t7  # -_t7
    _v6 = _t5 + _t8 + _v5  # _t5 - _t7 + _t8
    _t9 = tau * _v6  # tau*(_t5 - _t7 + _t8)
    _t10 = _k0 * lambda_  # lambda/2
    _t11 = _rt.block(_blk_phi0, a, v)  # phi0(a, v)
    _v7 = _t10 * _t2  # _t10*_t2
    _v8 = _k0 * lambda_  # lambda/2
    _v9 = _t10 * alpha  # _t10*alpha
    _v10 = -_v9  # -_t10*alpha
    _v11 = _v8 + _v10  # -_t10*alpha + lambda/2
    _v12 = _t11 * _v11  # _t11*(-_t10*alpha + lambda/2)
    _v13 = _v7 + _v12  # _t10*_t2 + _t11*(-_t10*alpha + lambda/2)
    _t12 = tau * _v13  # tau*(_t10*_t2 + _t11*(-_t10*alpha + lambda/2))
    _t13 = _t11 * v  # _t11*v
    _v14 = _t0 * a  # _t0*a
    _v15 = _rt.block(_blk_Rexp1, a, v)  # Rexp1(a, v)
    _v16 = alpha * _v15  # alpha*Rexp1(a, v)
    _v17 = _t13 + _v14 + _v16  # _t0*a + _t13 + alpha*Rexp1(a, v)
    _t14 = 2 * lambda_ * _v17  # 2*lambda*(_t0*a + _t13 + alpha*Rexp1(a, v))
    _t15 = _t12 * _t14  # _t12*_t14
    _t16 = _t14 * _t3  # _t14*_t3
    _v18 = (-2) * _t7  # -2*_t7
    _v19 = 2 * _t13 * _t4  # 2*_t13*_t4
    _v20 = 2 * _t5 * a  # 2*_t5*a
    _t17 = _t8 + _v18 + _v19 + _v20  # 2*_t13*_t4 + 2*_t5*a - 2*_t7 + _t8
    _v21 = -_t16  # -_t16
    _v22 = _t17 * omega  # _t17*omega
    _v23 = _t12 + _v21 + _v22  # _t12 - _t16 + _t17*omega
    _v24 = _rt.square(_v23)  # square(_t12 - _t16 + _t17*omega)
    _v25 = -_t9  # -_t9
    _v26 = _t15 + _t3 + _v25  # _t15 + _t3 - _t9
    _v27 = _rt.square(_v26)  # square(_t15 + _t3 - _t9)
    _v28 = _v24 + _v27  # square(_t12 - _t16 + _t17*omega) + square(_t15 + _t3 - _t9)
    _v29 = _rt.sqrt_nonneg(_v28)  # sqrt_nonneg(square(_t12 - _t16 + _t17*omega) + square(_t15 + _t3 - _t9))
    _v30 = _k0 * _v29
    _v31 = -_t15  # -_t15
    _v32 = _t3 + _t9 + _v31  # -_t15 + _t3 + _t9
    _v33 = _rt.square(_v32)  # square(-_t15 + _t3 + _t9)
    _v34 = -_t12  # -_t12
    _v35 = _v34 + _v21 + _v22  # -_t12 - _t16 + _t17*omega
    _v36 = _rt.square(_v35)  # square(-_t12 - _t16 + _t17*omega)
    _v37 = _v33 + _v36  # square(-_t12 - _t16 + _t17*omega) + square(-_t15 + _t3 + _t9)
    _v38 = _rt.sqrt_nonneg(_v37)
    _v39 = _k0 * _v38
    _v40 = _v30 + _v39
    return (_v40,)


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
    _k0, _k1, _k2, _k3, _k4, = _constants()
    _t0 = _rt.block(_blk_Ppos, a, v)  # Ppos(a, v)
    _t1 = _rt.block(_blk_Qexp1, a, v)  # Qexp1(a, v)
    _t2 = _t1 * alpha  # _t1*alpha
    _v0 = _t0 * lambda_  # _t0*lambda
    _v1 = _t2 * lambda_  # _t2*lambda
    _v2 = _v0 + _v1  # _t0*lambda + _t2*lambda
    _t3 = omega * _v2  # omega*(_t0*lambda + _t2*lambda)
    _t4 = _rt.square(lambda_)  # square(lambda)
    _t5 = _t0 * _t4  # _t0*_t4
    _v3 = _rt.square(alpha)  # square(alpha)
    _t6 = _t4 * _v3  # _t4*square(alpha)
    _t7 = _t1 * _t6  # _t1*_t6
    _v4 = _rt.block(_blk_Qexp2, a, v)  # Qexp2(a, v)
    _t8 = 2 * _t6 * _v4  # 2*_t6*Qexp2(a, v)
    _v5 = -_t7  # -_t7
    _v6 = _t5 + _t8 + _v5  # _t5 - _t7 + _t8
    _t9 = tau * _v6  # tau*(_t5 - _t7 + _t8)
    _t10 = _k0 * lambda_  # lambda/2
    _t11 = _rt.block(_blk_phi0, a, v)  # phi0(a, v)
    _v7 = _t10 * _t2  # _t10*_t2
    _v8 = _k0 * lambda_  # lambda/2
    _v9 = _t10 * alpha  # _t10*alpha
    _v10 = -_v9  # -_t10*alpha
    _v11 = _v8 + _v10  # -_t10*alpha + lambda/2
    _v12 = _t11 * _v11  # _t11*(-_t10*alpha + lambda/2)
    _v13 = _v7 + _v12  # _t10*_t2 + _t11*(-_t10*alpha + lambda/2)
    _t12 = tau * _v13  # tau*(_t10*_t2 + _t11*(-_t10*alpha + lambda/2))
    _v14 = (-2) * _t7  # -2*_t7
    _v15 = 2 * _t5 * a  # 2*_t5*a
    _v16 = 2 * _t11 * _t4 * v  # 2*_t11*_t4*v
    _v17 = _t8 + _v14 + _v15 + _v16  # 2*_t11*_t4*v + 2*_t5*a - 2*_t7 + _t8
    _t13 = omega * _v17  # omega*(2*_t11*_t4*v + 2*_t5*a - 2*_t7 + _t8)
    _v18 = _t12 + _t13  # _t12 + _t13
    _v19 = _rt.square(_v18)  # square(_t12 + _t13)
    _v20 = -_t9  # -_t9
    _v21 = _t3 + _v20  # _t3 - _t9
    _v22 = _rt.square(_v21)  # square(_t3 - _t9)
    _v23 = _v19 + _v22  # square(_t12 + _t13) + square(_t3 - _t9)
    _v24 = _rt.sqrt_nonneg(_v23)  # sqrt_nonneg(square(_t12 + _t13) + square(_t3 - _t9))
    _v25 = _k0 * _v24  # sqrt_nonneg(square(_t12 + _t13) + square(_t3 - _t9))/2
    _v26 = -_t12  # -_t12
    _v27 = _t13 + _v26  # -_t12 + _t13
    _v28 = _rt.square(_v27)  # square(-_t12 + _t13)
    _v29 = _t3 + _t9  # _t3 + _t9
    _v30 = _rt.square(_v29)  # square(_t3 + _t9)
    _v31 = _v28 + _v30  # square(-_t12 + _t13) + square(_t3 + _t9)
    _v32 = _rt.sqrt_nonneg(_v31)  # sqrt_nonneg(square(-_t12 + _t13) + square(_t3 + _t9))
    _v33 = _k0 * _v32  # sqrt_nonneg(square(-_t12 + _t13) + square(_t3 + _t9))/2
    _v34 = _v25 + _v33
    return (_v34,)


def dropout_affine(q, saturation, mean, var):
    """Backend function 'dropout_affine' (selu_proof.backends.compiled).

    out[0] = sqrt(var/(q*(var + (1 - q)*(-mean + saturation)**2)))
    out[1] = mean - sqrt(var/(q*(var + (1 - q)*(-mean + saturation)**2)))*(mean*q +
        saturation*(1 - q))
    """
    _v0 = -q  # -q
    _t0 = 1 + _v0  # 1 - q
    _v1 = -mean  # -mean
    _v2 = saturation + _v1  # -mean + saturation
    _v3 = _rt.square(_v2)  # square(-mean + saturation)
    _v4 = _t0 * _v3  # _t0*square(-mean + saturation)
    _v5 = var + _v4  # _t0*square(-mean + saturation) + var
    _v6 = var / (q * _v5)  # var/(q*(_t0*square(-mean + saturation) + var))
    _t1 = _rt.sqrt(_v6)  # sqrt(var/(q*(_t0*square(-mean + saturation) + var)))
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
    _t0 = 1 + _v0  # 1 - q
    _v1 = _t0 * saturation  # _t0*saturation
    _v2 = mean_in * q  # mean_in*q
    _v3 = _v1 + _v2  # _t0*saturation + mean_in*q
    _v4 = a * _v3  # a*(_t0*saturation + mean_in*q)
    _v5 = b + _v4  # a*(_t0*saturation + mean_in*q) + b
    _v6 = -saturation  # -saturation
    _v7 = mean_in + _v6  # mean_in - saturation
    _v8 = _rt.square(_v7)  # square(mean_in - saturation)
    _v9 = _t0 * _v8  # _t0*square(mean_in - saturation)
    _v10 = var_in + _v9  # _t0*square(mean_in - saturation) + var_in
    _v11 = _rt.square(a)  # square(a)
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
    _k0, _k1, _k2, _k3, _k4, = _constants()
    _t0 = _rt.block(_blk_Ppos, a, v)  # Ppos(a, v)
    _t1 = _t0 * a  # _t0*a
    _t2 = _rt.block(_blk_phi0, a, v)  # phi0(a, v)
    _t3 = _t2 * v  # _t2*v
    _t4 = _rt.block(_blk_Qexp1, a, v)  # Qexp1(a, v)
    _t5 = _t4 * alpha  # _t4*alpha
    _t6 = _t5 * lambda_  # _t5*lambda
    _t7 = _k0 * lambda_  # lambda/2
    _t8 = _t5 * _t7  # _t5*_t7
    _t9 = _t7 * alpha  # _t7*alpha
    _t10 = _rt.square(lambda_)  # square(lambda)
    _t11 = _rt.square(alpha)  # square(alpha)
    _t12 = 2 * _t10  # 2*_t10
    _t13 = _t10 * _t11  # _t10*_t11
    _t14 = _t13 * _t4  # _t13*_t4
    _v0 = _rt.block(_blk_Qexp2, a, v)  # Qexp2(a, v)
    _t15 = _t11 * _v0  # _t11*Qexp2(a, v)
    _t16 = _t12 * _t15  # _t12*_t15
    _t17 = 1 / v  # 1/v
    _t18 = _t17 * a  # _t17*a
    _v1 = _rt.block(_blk_Rexp1, a, v)  # Rexp1(a, v)
    _v2 = alpha * _v1  # alpha*Rexp1(a, v)
    _v3 = _t1 + _t3 + _v2  # _t1 + _t3 + alpha*Rexp1(a, v)
    _v4 = lambda_ * _v3  # lambda*(_t1 + _t3 + alpha*Rexp1(a, v))
    _v5 = _t0 * lambda_  # _t0*lambda
    _v6 = _t6 + _v5  # _t0*lambda + _t6
    _v7 = _k0 * lambda_  # lambda/2
    _v8 = -_t9  # -_t9
    _v9 = _v7 + _v8  # -_t9 + lambda/2
    _v10 = _t2 * _v9  # _t2*(-_t9 + lambda/2)
    _v11 = _t8 + _v10  # _t2*(-_t9 + lambda/2) + _t8
    _v12 = _rt.square(a)  # square(a)
    _v13 = v + _v12  # v + square(a)
    _v14 = _t0 * _v13  # _t0*(v + square(a))
    _v15 = _rt.block(_blk_Rexp2, a, v)  # Rexp2(a, v)
    _v16 = _t11 * _v15  # _t11*Rexp2(a, v)
    _v17 = _t3 * a  # _t3*a
    _v18 = _v14 + _v16 + _v17  # _t0*(v + square(a)) + _t11*Rexp2(a, v) + _t3*a
    _v19 = _t10 * _v18  # _t10*(_t0*(v + square(a)) + _t11*Rexp2(a, v) + _t3*a)
    _v20 = (-2) * _t14  # -2*_t14
    _v21 = _t1 * _t12  # _t1*_t12
    _v22 = _t12 * _t3  # _t12*_t3
    _v23 = _t16 + _v20 + _v21 + _v22  # _t1*_t12 + _t12*_t3 - 2*_t14 + _t16
    _v24 = -_t14  # -_t14
    _v25 = _t0 * _t10  # _t0*_t10
    _v26 = _t16 + _v24 + _v25  # _t0*_t10 - _t14 + _t16
    _v27 = _t0 + _t5  # _t0 + _t5
    _v28 = lambda_ * _v27  # lambda*(_t0 + _t5)
    _v29 = alpha * lambda_  # alpha*lambda
    _v30 = -_v29  # -alpha*lambda
    _v31 = lambda_ + _v30  # -alpha*lambda + lambda
    _v32 = _t2 * _v31  # _t2*(-alpha*lambda + lambda)
    _v33 = _t6 + _v32  # _t2*(-alpha*lambda + lambda) + _t6
    _v34 = _t18 * _t7  # _t18*_t7
    _v35 = -_v34  # -_t18*_t7
    _v36 = _k0 * _t17 * a * alpha * lambda_  # _t17*a*alpha*lambda/2
    _v37 = _v8 + _v35 + _v36  # _t17*a*alpha*lambda/2 - _t18*_t7 - _t9
    _v38 = _t2 * _v37  # _t2*(_t17*a*alpha*lambda/2 - _t18*_t7 - _t9)
    _v39 = _t8 + _v38  # _t2*(_t17*a*alpha*lambda/2 - _t18*_t7 - _t9) + _t8
    _v40 = _t0 + _t15  # _t0 + _t15
    _v41 = _t10 * _v40  # _t10*(_t0 + _t15)
    _v42 = -_t13  # -_t13
    _v43 = _t10 + _v42  # _t10 - _t13
    _v44 = _t2 * _v43  # _t2*(_t10 - _t13)
    _v45 = _t16 + _v44  # _t16 + _t2*(_t10 - _t13)
    _v46 = _k1 * _t10 * _t18  # -_t10*_t18/2
    _v47 = _k0 * _t10 * _t11 * _t17 * a  # _t10*_t11*_t17*a/2
    _v48 = _v42 + _v46 + _v47  # _t10*_t11*_t17*a/2 - _t10*_t18/2 - _t13
    _v49 = _t2 * _v48  # _t2*(_t10*_t11*_t17*a/2 - _t10*_t18/2 - _t13)
    _v50 = _t16 + _v49  # _t16 + _t2*(_t10*_t11*_t17*a/2 - _t10*_t18/2 - _t13)
    return (_v4, _v6, _v11, _v19, _v23, _v26, _v28, _v33, _v39, _v41, _v45, _v50,)


def mean_field_slopes(a, v, alpha, lambda_, tau):
    """Backend function 'mean_field_slopes' (selu_proof.backends.compiled).

    out[0] = lambda**2*tau*(alpha**2*Qexp2(a, v) + Ppos(a, v))
    out[1] = lambda**2*tau*(alpha*Qexp1(a, v) + Ppos(a, v))**2
    out[2] = lambda*(alpha*Qexp1(a, v) + Ppos(a, v))
    out[3] = lambda**2*(alpha**2*Qexp2(a, v) + Ppos(a, v))
    """
    _t0 = _rt.square(lambda_)  # square(lambda)
    _t1 = _rt.block(_blk_Ppos, a, v)  # Ppos(a, v)
    _v0 = _rt.block(_blk_Qexp2, a, v)  # Qexp2(a, v)
    _v1 = _rt.square(alpha)  # square(alpha)
    _v2 = _v0 * _v1  # Qexp2(a, v)*square(alpha)
    _v3 = _t1 + _v2  # _t1 + Qexp2(a, v)*square(alpha)
    _t2 = _t0 * _v3  # _t0*(_t1 + Qexp2(a, v)*square(alpha))
    _v4 = _rt.block(_blk_Qexp1, a, v)  # Qexp1(a, v)
    _v5 = alpha * _v4  # alpha*Qexp1(a, v)
    _t3 = _t1 + _v5  # _t1 + alpha*Qexp1(a, v)
    _v6 = _t2 * tau  # _t2*tau
    _v7 = _rt.square(_t3)  # square(_t3)
    _v8 = _t0 * tau * _v7  # _t0*tau*square(_t3)
    _v9 = _t3 * lambda_  # _t3*lambda
    return (_v6, _v8, _v9, _t2,)


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
    _k0, _k1, _k2, _k3, _k4, = _constants()
    _t0 = _rt.exp(z)  # exp(z)
    _v0 = -a  # -a
    _t1 = z + _v0  # -a + z
    _v1 = _t1 * c  # _t1*c
    _t2 = a + _v1  # _t1*c + a
    _v2 = _rt.square(c)  # square(c)
    _v3 = -_v2  # -square(c)
    _v4 = 1 + _v3  # 1 - square(c)
    _t3 = v * _v4  # v*(1 - square(c))
    _t4 = _rt.block(_blk_Ppos, _t2, _t3)  # Ppos(_t2, _t3)
    _v5 = _rt.square(_t1)  # square(_t1)
    _v6 = _k1 * _v5 / (v)  # -square(_t1)/(2*v)
    _v7 = _rt.exp(_v6)  # exp(-square(_t1)/(2*v))
    _v8 = _rt.square(lambda_)  # square(lambda)
    _v9 = _rt.sqrt_nonneg(v)  # sqrt_nonneg(v)
    _t5 = _k0 * _v7 * _k2 * _v8 / (_k4 * _v9)
    _v10 = _t2 * _t4  # _t2*_t4
    _v11 = _rt.block(_blk_phi0, _t2, _t3)  # phi0(_t2, _t3)
    _v12 = _t3 * _v11  # _t3*phi0(_t2, _t3)
    _v13 = _rt.block(_blk_Rexp1, _t2, _t3)  # Rexp1(_t2, _t3)
    _v14 = alpha * _v13  # alpha*Rexp1(_t2, _t3)
    _v15 = _v10 + _v12 + _v14  # _t2*_t4 + _t3*phi0(_t2, _t3) + alpha*Rexp1(_t2, _t3)
    _t6 = _t5 * _v15  # _t5*(_t2*_t4 + _t3*phi0(_t2, _t3) + alpha*Rexp1(_t2, _t3))
    _v16 = _rt.block(_blk_Qexp1, _t2, _t3)  # Qexp1(_t2, _t3)
    _v17 = alpha * _v16  # alpha*Qexp1(_t2, _t3)
    _v18 = _t4 + _v17  # _t4 + alpha*Qexp1(_t2, _t3)
    _t7 = _t5 * _v18  # _t5*(_t4 + alpha*Qexp1(_t2, _t3))
    _v19 = (-1) + _t0  # _t0 - 1
    _v20 = _t6 * alpha * _v19  # _t6*alpha*(_t0 - 1)
    _v21 = _t6 * z  # _t6*z
    _v22 = _t0 * _t7 * alpha  # _t0*_t7*alpha
    return (_v20, _v21, _v22, _t7,)


def selu_branches(z, alpha, lambda_):
    """Backend function 'selu_branches' (selu_proof.backends.compiled).

    out[0] = alpha*lambda*(exp(z) - 1)
    out[1] = lambda*z
    out[2] = alpha*lambda*exp(z)
    out[3] = lambda
    """
    _t0 = _rt.exp(z)  # exp(z)
    _t1 = alpha * lambda_  # alpha*lambda
    _v0 = (-1) + _t0  # _t0 - 1
    _v1 = _t1 * _v0  # _t1*(_t0 - 1)
    _v2 = z * lambda_  # lambda*z
    _v3 = _t0 * _t1  # _t0*_t1
    return (_v1, _v2, _v3, lambda_,)


def dropout_mean_field(q, saturation, mean, var):
    """Backend function 'dropout_mean_field' (selu_proof.backends.compiled).

    out[0] = var/(var - (mean - saturation)**2*(q - 1))
    out[1] = q*var/(var - (mean - saturation)**2*(q - 1))
    """
    _v0 = (-1) + q  # q - 1
    _v1 = -saturation  # -saturation
    _v2 = mean + _v1  # mean - saturation
    _v3 = _rt.square(_v2)  # square(mean - saturation)
    _v4 = _v0 * _v3  # (q - 1)*square(mean - saturation)
    _v5 = -_v4  # -(q - 1)*square(mean - saturation)
    _v6 = var + _v5  # var - (q - 1)*square(mean - saturation)
    _t0 = var / (_v6)  # var/(var - (q - 1)*square(mean - saturation))
    _v7 = _t0 * q  # _t0*q
    return (_t0, _v7,)


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
}
