"""Goal expressions F of the claims: value and gradient, in ball arithmetic.

GENERATED, DO NOT EDIT: written by `python -m selu_proof.derive.regenerate`
(printer selu_proof.derive.codegen, target arb) from selu_proof.derive.expressions.goal_expression.
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
        k = _constants_cache[_rt.ctx.prec] = (_k0, _k1, )
    return k


_constants_cache = {}


def S_H_value(mu, omega, nu, tau, alpha, lambda_):
    """``(F,)`` for the goal 'S(H)' on balls (blocks enclosed by arb_runtime.block).

    F = sqrt((-2*lambda*omega*(alpha*lambda*Qexp1(mu*omega, nu*tau) + lambda*Ppos(mu*omega,
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
    _k0, _k1, = _constants()
    _t0 = mu * omega  # mu*omega
    _t1 = nu * tau  # nu*tau
    _t2 = _rt.block(_blk_Ppos, _t0, _t1)  # Ppos(_t0, _t1)
    _t3 = _rt.block(_blk_Qexp1, _t0, _t1)  # Qexp1(_t0, _t1)
    _t4 = _t3 * alpha  # _t3*alpha
    _v0 = _t2 * lambda_  # _t2*lambda
    _v1 = _t4 * lambda_  # _t4*lambda
    _v2 = _v0 + _v1  # _t2*lambda + _t4*lambda
    _t5 = omega * _v2  # omega*(_t2*lambda + _t4*lambda)
    _t6 = _rt.square(lambda_)  # square(lambda)
    _t7 = _t2 * _t6  # _t2*_t6
    _v3 = _rt.square(alpha)  # square(alpha)
    _t8 = _t6 * _v3  # _t6*square(alpha)
    _t9 = _t3 * _t8  # _t3*_t8
    _v4 = _rt.block(_blk_Qexp2, _t0, _t1)  # Qexp2(_t0, _t1)
    _t10 = 2 * _t8 * _v4  # 2*_t8*Qexp2(_t0, _t1)
    _v5 = -_t9  # -_t9
    _v6 = _t10 + _t7 + _v5  # _t10 + _t7 - _t9
    _t11 = tau * _v6  # tau*(_t10 + _t7 - _t9)
    _t12 = _k0 * lambda_  # lambda/2
    _t13 = _rt.block(_blk_phi0, _t0, _t1)  # phi0(_t0, _t1)
    _v7 = _t12 * _t4  # _t12*_t4
    _v8 = _k0 * lambda_  # lambda/2
    _v9 = _t12 * alpha  # _t12*alpha
    _v10 = -_v9  # -_t12*alpha
    _v11 = _v8 + _v10  # -_t12*alpha + lambda/2
    _v12 = _t13 * _v11  # _t13*(-_t12*alpha + lambda/2)
    _v13 = _v7 + _v12  # _t12*_t4 + _t13*(-_t12*alpha + lambda/2)
    _t14 = tau * _v13  # tau*(_t12*_t4 + _t13*(-_t12*alpha + lambda/2))
    _t15 = _t1 * _t13  # _t1*_t13
    _v14 = _t0 * _t2  # _t0*_t2
    _v15 = _rt.block(_blk_Rexp1, _t0, _t1)  # Rexp1(_t0, _t1)
    _v16 = alpha * _v15  # alpha*Rexp1(_t0, _t1)
    _v17 = _t15 + _v14 + _v16  # _t0*_t2 + _t15 + alpha*Rexp1(_t0, _t1)
    _t16 = 2 * lambda_ * _v17  # 2*lambda*(_t0*_t2 + _t15 + alpha*Rexp1(_t0, _t1))
    _t17 = _t14 * _t16  # _t14*_t16
    _t18 = _t16 * _t5  # _t16*_t5
    _v18 = (-2) * _t9  # -2*_t9
    _v19 = 2 * _t0 * _t7  # 2*_t0*_t7
    _v20 = 2 * _t15 * _t6  # 2*_t15*_t6
    _t19 = _t10 + _v18 + _v19 + _v20  # 2*_t0*_t7 + _t10 + 2*_t15*_t6 - 2*_t9
    _v21 = -_t17  # -_t17
    _v22 = _t11 + _t5 + _v21  # _t11 - _t17 + _t5
    _v23 = _rt.square(_v22)  # square(_t11 - _t17 + _t5)
    _v24 = -_t14  # -_t14
    _v25 = -_t18  # -_t18
    _v26 = _t19 * omega  # _t19*omega
    _v27 = _v24 + _v25 + _v26  # -_t14 - _t18 + _t19*omega
    _v28 = _rt.square(_v27)  # square(-_t14 - _t18 + _t19*omega)
    _v29 = _v23 + _v28  # square(_t11 - _t17 + _t5) + square(-_t14 - _t18 + _t19*omega)
    _v30 = _rt.sqrt_nonneg(_v29)
    _v31 = _k0 * _v30
    _v32 = _t14 + _v25 + _v26  # _t14 - _t18 + _t19*omega
    _v33 = _rt.square(_v32)  # square(_t14 - _t18 + _t19*omega)
    _v34 = -_t11  # -_t11
    _v35 = _t17 + _t5 + _v34  # -_t11 + _t17 + _t5
    _v36 = _rt.square(_v35)  # square(-_t11 + _t17 + _t5)
    _v37 = _v33 + _v36  # square(-_t11 + _t17 + _t5) + square(_t14 - _t18 + _t19*omega)
    _v38 = _rt.sqrt_nonneg(_v37)
    _v39 = _k0 * _v38
    _v40 = _v31 + _v39
    return (_v40,)


def S_H_gradient(mu, omega, nu, tau, alpha, lambda_):
    """``(F, dF/dmu, dF/domega, dF/dnu, dF/dtau)`` for the goal 'S(H)'; F as in S_H_value, the
        derivatives by sympy.diff.

    """
    _k0, _k1, = _constants()
    _t0 = mu * omega  # mu*omega
    _t1 = nu * tau  # nu*tau
    _t2 = _rt.block(_blk_Ppos, _t0, _t1)  # Ppos(_t0, _t1)
    _t3 = _t2 * lambda_  # _t2*lambda
    _t4 = _rt.block(_blk_Qexp1, _t0, _t1)  # Qexp1(_t0, _t1)
    _t5 = _t4 * alpha  # _t4*alpha
    _t6 = _t5 * lambda_  # _t5*lambda
    _t7 = _t3 + _t6  # _t3 + _t6
    _t8 = _t7 * omega  # _t7*omega
    _t9 = _rt.square(lambda_)  # square(lambda)
    _t10 = _t2 * _t9  # _t2*_t9
    _t11 = _rt.square(alpha)  # square(alpha)
    _t12 = _t11 * _t9  # _t11*_t9
    _t13 = _t12 * _t4  # _t12*_t4
    _t14 = _rt.block(_blk_Qexp2, _t0, _t1)  # Qexp2(_t0, _t1)
    _t15 = 2 * _t14  # 2*_t14
    _t16 = _t12 * _t15  # _t12*_t15
    _v0 = -_t13  # -_t13
    _v1 = _t10 + _t16 + _v0  # _t10 - _t13 + _t16
    _t17 = tau * _v1  # tau*(_t10 - _t13 + _t16)
    _t18 = _k0 * lambda_  # lambda/2
    _t19 = _rt.block(_blk_phi0, _t0, _t1)  # phi0(_t0, _t1)
    _t20 = _t18 * alpha  # _t18*alpha
    _v2 = _k0 * lambda_  # lambda/2
    _v3 = -_t20  # -_t20
    _v4 = _v2 + _v3  # -_t20 + lambda/2
    _t21 = _t19 * _v4  # _t19*(-_t20 + lambda/2)
    _v5 = _t18 * _t5  # _t18*_t5
    _t22 = _t21 + _v5  # _t18*_t5 + _t21
    _t23 = _t22 * tau  # _t22*tau
    _t24 = _t1 * _t19  # _t1*_t19
    _v6 = _t0 * _t2  # _t0*_t2
    _v7 = _rt.block(_blk_Rexp1, _t0, _t1)  # Rexp1(_t0, _t1)
    _v8 = alpha * _v7  # alpha*Rexp1(_t0, _t1)
    _v9 = _t24 + _v6 + _v8  # _t0*_t2 + _t24 + alpha*Rexp1(_t0, _t1)
    _t25 = lambda_ * _v9  # lambda*(_t0*_t2 + _t24 + alpha*Rexp1(_t0, _t1))
    _t26 = 2 * _t25  # 2*_t25
    _t27 = _t23 * _t26  # _t23*_t26
    _v10 = -_t27  # -_t27
    _t28 = _t17 + _t8 + _v10  # _t17 - _t27 + _t8
    _t29 = _t26 * _t8  # _t26*_t8
    _t30 = 2 * _t13  # 2*_t13
    _t31 = 2 * _t10  # 2*_t10
    _t32 = 2 * _t9  # 2*_t9
    _v11 = -_t30  # -_t30
    _v12 = _t0 * _t31  # _t0*_t31
    _v13 = _t24 * _t32  # _t24*_t32
    _t33 = _t16 + _v11 + _v12 + _v13  # _t0*_t31 + _t16 + _t24*_t32 - _t30
    _v14 = -_t23  # -_t23
    _v15 = -_t29  # -_t29
    _v16 = _t33 * omega  # _t33*omega
    _t34 = _v14 + _v15 + _v16  # -_t23 - _t29 + _t33*omega
    _v17 = _rt.square(_t28)  # square(_t28)
    _v18 = _rt.square(_t34)  # square(_t34)
    _t35 = _v17 + _v18  # square(_t28) + square(_t34)
    _v19 = -_t17  # -_t17
    _t36 = _t27 + _t8 + _v19  # -_t17 + _t27 + _t8
    _t37 = _t23 + _v15 + _v16  # _t23 - _t29 + _t33*omega
    _v20 = _rt.square(_t36)  # square(_t36)
    _v21 = _rt.square(_t37)  # square(_t37)
    _t38 = _v20 + _v21  # square(_t36) + square(_t37)
    _t39 = _t19 * omega  # _t19*omega
    _t40 = -_t19  # -_t19
    _t41 = _t4 + _t40  # _t4 + _t40
    _t42 = _t41 * omega  # _t41*omega
    _t43 = alpha * lambda_  # alpha*lambda
    _v22 = _t39 * lambda_  # _t39*lambda
    _v23 = _t42 * _t43  # _t42*_t43
    _t44 = _v22 + _v23  # _t39*lambda + _t42*_t43
    _t45 = _t15 + _t40  # _t15 + _t40
    _t46 = 2 * omega  # 2*omega
    _t47 = _t12 * _t46  # _t12*_t46
    _t48 = _t45 * _t47  # _t45*_t47
    _t49 = 2 * tau  # 2*tau
    _t50 = 4 * lambda_  # 4*lambda
    _v24 = _t2 * omega  # _t2*omega
    _v25 = _t5 * omega  # _t5*omega
    _v26 = _v24 + _v25  # _t2*omega + _t5*omega
    _t51 = _t50 * _v26  # _t50*(_t2*omega + _t5*omega)
    _t52 = _rt.square(omega)  # square(omega)
    _t53 = 1 / nu  # 1/nu
    _t54 = 1 / tau  # 1/tau
    _t55 = _t53 * _t54  # _t53*_t54
    _t56 = _t21 * _t55  # _t21*_t55
    _v27 = _t20 * _t42  # _t20*_t42
    _v28 = _t52 * _t56 * mu  # _t52*_t56*mu
    _v29 = -_v28  # -_t52*_t56*mu
    _t57 = _v27 + _v29  # _t20*_t42 - _t52*_t56*mu
    _t58 = 4 * _t25  # 4*_t25
    _t59 = _t58 * tau  # _t58*tau
    _v30 = _t23 * _t51  # _t23*_t51
    _v31 = _t57 * _t59  # _t57*_t59
    _v32 = _t39 * _t9  # _t39*_t9
    _v33 = _t12 * _t42  # _t12*_t42
    _v34 = -_v33  # -_t12*_t42
    _v35 = _t48 + _v32 + _v34  # -_t12*_t42 + _t39*_t9 + _t48
    _v36 = _t49 * _v35  # _t49*(-_t12*_t42 + _t39*_t9 + _t48)
    _v37 = -_v36  # -_t49*(-_t12*_t42 + _t39*_t9 + _t48)
    _t60 = _v30 + _v31 + _v37  # _t23*_t51 - _t49*(-_t12*_t42 + _t39*_t9 + _t48) + _t57*_t59
    _t61 = _k0 * _t28  # _t28/2
    _t62 = _t49 * _t57  # _t49*_t57
    _t63 = _t58 * omega  # _t58*omega
    _v38 = _t44 * _t63  # _t44*_t63
    _v39 = _t51 * _t8  # _t51*_t8
    _v40 = _t10 * _t46  # _t10*_t46
    _v41 = _t41 * _t47  # _t41*_t47
    _v42 = -_v41  # -_t41*_t47
    _v43 = _t48 + _v40 + _v42  # _t10*_t46 - _t41*_t47 + _t48
    _v44 = (-2) * omega * _v43  # -2*omega*(_t10*_t46 - _t41*_t47 + _t48)
    _t64 = _v38 + _v39 + _v44  # _t44*_t63 + _t51*_t8 - 2*omega*(_t10*_t46 - _t41*_t47 + _t48)
    _t65 = _k0 * _t34  # _t34/2
    _v45 = _rt.sqrt(_t35)  # sqrt(_t35)
    _t66 = _k0 / (_v45)  # 1/(2*sqrt(_t35))
    _t67 = _k0 * _t36  # _t36/2
    _t68 = _k0 * _t37  # _t37/2
    _v46 = _rt.sqrt(_t38)  # sqrt(_t38)
    _t69 = _k0 / (_v46)  # 1/(2*sqrt(_t38))
    _t70 = _t19 * mu  # _t19*mu
    _t71 = _t41 * mu  # _t41*mu
    _t72 = _t12 * _t71  # _t12*_t71
    _t73 = 2 * _t12  # 2*_t12
    _t74 = _t45 * _t73 * mu  # _t45*_t73*mu
    _v47 = -_t72  # -_t72
    _v48 = _t70 * _t9  # _t70*_t9
    _v49 = _t74 + _v47 + _v48  # _t70*_t9 - _t72 + _t74
    _t75 = _t49 * _v49  # _t49*(_t70*_t9 - _t72 + _t74)
    _v50 = _t2 * mu  # _t2*mu
    _v51 = _t5 * mu  # _t5*mu
    _v52 = _v50 + _v51  # _t2*mu + _t5*mu
    _t76 = _t50 * _v52  # _t50*(_t2*mu + _t5*mu)
    _t77 = _t23 * _t76  # _t23*_t76
    _t78 = _rt.square(mu)  # square(mu)
    _v53 = _t20 * _t71  # _t20*_t71
    _v54 = _t56 * _t78 * omega  # _t56*_t78*omega
    _v55 = -_v54  # -_t56*_t78*omega
    _t79 = _v53 + _v55  # _t20*_t71 - _t56*_t78*omega
    _t80 = _t59 * _t79  # _t59*_t79
    _v56 = _t43 * _t71  # _t43*_t71
    _v57 = _t70 * lambda_  # _t70*lambda
    _t81 = _v56 + _v57  # _t43*_t71 + _t70*lambda
    _v58 = 2 * _t3  # 2*_t3
    _v59 = 2 * _t6  # 2*_t6
    _v60 = _t46 * _t81  # _t46*_t81
    _t82 = _v58 + _v59 + _v60  # 2*_t3 + _t46*_t81 + 2*_t6
    _t83 = 4 * _t13  # 4*_t13
    _t84 = 4 * _t12 * _t14  # 4*_t12*_t14
    _t85 = -_t84  # -_t84
    _t86 = _t76 * _t8  # _t76*_t8
    _t87 = _t49 * _t79  # _t49*_t79
    _t88 = _t58 * _t7  # _t58*_t7
    _v61 = (-2) * _t72  # -2*_t72
    _v62 = _t31 * mu  # _t31*mu
    _t89 = _t74 + _v61 + _v62  # _t31*mu - 2*_t72 + _t74
    _t90 = _t63 * _t81  # _t63*_t81
    _t91 = _t0 * _t18 * _t19  # _t0*_t18*_t19
    _t92 = _k0 * _t19  # _t19/2
    _t93 = _t0 * _t92  # _t0*_t92
    _t94 = _t55 * _t93  # _t55*_t93
    _v63 = _k0 * _t4  # _t4/2
    _v64 = -_t92  # -_t92
    _t95 = _v63 + _v64  # _t4/2 - _t92
    _t96 = _t94 + _t95  # _t94 + _t95
    _t97 = _t96 * tau  # _t96*tau
    _v65 = _t43 * _t97  # _t43*_t97
    _v66 = _t53 * _t91  # _t53*_t91
    _v67 = -_v66  # -_t53*_t91
    _t98 = _v65 + _v67  # _t43*_t97 - _t53*_t91
    _t99 = _t9 * _t93  # _t9*_t93
    _t100 = _t45 + _t94  # _t45 + _t94
    _t101 = _t19 * tau  # _t19*tau
    _t102 = _t52 * _t78  # _t52*_t78
    _t103 = _t102 * _t53  # _t102*_t53
    _t104 = _t95 * alpha  # _t95*alpha
    _v68 = _k1 * _t55  # -_t55/2
    _v69 = _rt.ipow(nu, 2)  # nu**2
    _v70 = _rt.ipow(tau, 2)  # tau**2
    _v71 = _k0 * _t52 * _t78 / (_v69 * _v70)  # _t52*_t78/(2*nu**2*tau**2)
    _t105 = _v68 + _v71  # _t52*_t78/(2*nu**2*tau**2) - _t55/2
    _t106 = _t19 * nu  # _t19*nu
    _v72 = _rt.square(tau)  # square(tau)
    _t107 = _t105 * _t106 * _v72  # _t105*_t106*square(tau)
    _v73 = _t104 * tau  # _t104*tau
    _v74 = _t103 * _t92  # _t103*_t92
    _v75 = -_v74  # -_t103*_t92
    _v76 = _t101 + _t107 + _v73 + _v75  # _t101 - _t103*_t92 + _t104*tau + _t107
    _t108 = _t50 * _v76  # _t50*(_t101 - _t103*_t92 + _t104*tau + _t107)
    _t109 = _t105 * _t21  # _t105*_t21
    _v77 = _t109 * tau  # _t109*tau
    _v78 = _t20 * _t97  # _t20*_t97
    _t110 = _v77 + _v78  # _t109*tau + _t20*_t97
    _v79 = _t108 * _t23  # _t108*_t23
    _v80 = _t110 * _t59  # _t110*_t59
    _v81 = _t12 * _t97  # _t12*_t97
    _v82 = -_v81  # -_t12*_t97
    _v83 = _t53 * _t99  # _t53*_t99
    _v84 = -_v83  # -_t53*_t99
    _v85 = 2 * _t100 * _t11 * _t9 * tau  # 2*_t100*_t11*_t9*tau
    _v86 = _v82 + _v84 + _v85  # 2*_t100*_t11*_t9*tau - _t12*_t97 - _t53*_t99
    _v87 = _t49 * _v86  # _t49*(2*_t100*_t11*_t9*tau - _t12*_t97 - _t53*_t99)
    _v88 = -_v87  # -_t49*(2*_t100*_t11*_t9*tau - _t12*_t97 - _t53*_t99)
    _t111 = _v79 + _v80 + _v88
    _t112 = _t110 * _t49  # _t110*_t49
    _t113 = _t101 * _t32  # _t101*_t32
    _t114 = _t19 * _t9  # _t19*_t9
    _t115 = _t12 * _t49  # _t12*_t49
    _v89 = _t108 * _t8  # _t108*_t8
    _v90 = _t63 * _t98  # _t63*_t98
    _v91 = _t100 * _t115  # _t100*_t115
    _v92 = _t107 * _t32  # _t107*_t32
    _v93 = _t103 * _t114  # _t103*_t114
    _v94 = -_v93  # -_t103*_t114
    _v95 = _t115 * _t96  # _t115*_t96
    _v96 = -_v95  # -_t115*_t96
    _v97 = _t113 + _v91 + _v92 + _v94 + _v96  # _t100*_t115 - _t103*_t114 + _t107*_t32 + _t113 - _t115*_t96
    _v98 = (-2) * omega * _v97  # -2*omega*(_t100*_t115 - _t103*_t114 + _t107*_t32 + _t113 - _t115*_t96)
    _t116 = _v89 + _v90 + _v98
    _t117 = _t102 * _t54  # _t102*_t54
    _v99 = _rt.square(nu)  # square(nu)
    _t118 = _t105 * _v99  # _t105*square(nu)
    _t119 = _t96 * nu  # _t96*nu
    _t120 = _t119 * _t12  # _t119*_t12
    _v100 = (-2) * _t120  # -2*_t120
    _v101 = _t106 * _t32  # _t106*_t32
    _v102 = _t113 * _t118  # _t113*_t118
    _v103 = _t114 * _t117  # _t114*_t117
    _v104 = -_v103  # -_t114*_t117
    _v105 = _t100 * _t73 * nu  # _t100*_t73*nu
    _t121 = _v100 + _v101 + _v102 + _v104 + _v105  # _t100*_t73*nu + _t106*_t32 + _t113*_t118 - _t114*_t117 - 2*_t120
    _v106 = _t101 * _t118  # _t101*_t118
    _v107 = _t104 * nu  # _t104*nu
    _v108 = _t117 * _t92  # _t117*_t92
    _v109 = -_v108  # -_t117*_t92
    _v110 = _t106 + _v106 + _v107 + _v109  # _t101*_t118 + _t104*nu + _t106 - _t117*_t92
    _t122 = _t50 * _v110  # _t50*(_t101*_t118 + _t104*nu + _t106 - _t117*_t92)
    _t123 = _t122 * _t8  # _t122*_t8
    _v111 = _t119 * _t43  # _t119*_t43
    _v112 = _t54 * _t91  # _t54*_t91
    _v113 = -_v112  # -_t54*_t91
    _t124 = _v111 + _v113  # _t119*_t43 - _t54*_t91
    _t125 = _t124 * _t63  # _t124*_t63
    _v114 = _t109 * nu  # _t109*nu
    _v115 = _t119 * _t20  # _t119*_t20
    _t126 = _v114 + _v115  # _t109*nu + _t119*_t20
    _v116 = 2 * _t21  # 2*_t21
    _v117 = _t126 * _t49  # _t126*_t49
    _t127 = _t6 + _v116 + _v117  # _t126*_t49 + 2*_t21 + _t6
    _v118 = -_t31  # -_t31
    _v119 = _t122 * _t23  # _t122*_t23
    _v120 = _t126 * _t59  # _t126*_t59
    _v121 = _t22 * _t58  # _t22*_t58
    _v122 = -_t120  # -_t120
    _v123 = _t54 * _t99  # _t54*_t99
    _v124 = -_v123  # -_t54*_t99
    _v125 = 2 * _t100 * _t11 * _t9 * nu  # 2*_t100*_t11*_t9*nu
    _v126 = _v122 + _v124 + _v125  # 2*_t100*_t11*_t9*nu - _t120 - _t54*_t99
    _v127 = _t49 * _v126  # _t49*(2*_t100*_t11*_t9*nu - _t120 - _t54*_t99)
    _v128 = -_v127  # -_t49*(2*_t100*_t11*_t9*nu - _t120 - _t54*_t99)
    _t128 = _t30 + _t85 + _v118 + _v119 + _v120 + _v121 + _v128
    _v129 = _rt.sqrt_nonneg(_t35)  # sqrt_nonneg(_t35)
    _v130 = _k0 * _v129  # sqrt_nonneg(_t35)/2
    _v131 = _rt.sqrt_nonneg(_t38)  # sqrt_nonneg(_t38)
    _v132 = _k0 * _v131  # sqrt_nonneg(_t38)/2
    _v133 = _v130 + _v132  # sqrt_nonneg(_t35)/2 + sqrt_nonneg(_t38)/2
    _v134 = -_t60  # -_t60
    _v135 = 2 * _t44 * omega  # 2*_t44*omega
    _v136 = _v134 + _v135  # 2*_t44*omega - _t60
    _v137 = _t61 * _v136  # _t61*(2*_t44*omega - _t60)
    _v138 = -_t62  # -_t62
    _v139 = -_t64  # -_t64
    _v140 = _v138 + _v139  # -_t62 - _t64
    _v141 = _t65 * _v140  # _t65*(-_t62 - _t64)
    _v142 = _v137 + _v141  # _t61*(2*_t44*omega - _t60) + _t65*(-_t62 - _t64)
    _v143 = _t66 * _v142  # _t66*(_t61*(2*_t44*omega - _t60) + _t65*(-_t62 - _t64))
    _v144 = _t44 * _t46  # _t44*_t46
    _v145 = _t60 + _v144  # _t44*_t46 + _t60
    _v146 = _t67 * _v145  # _t67*(_t44*_t46 + _t60)
    _v147 = _t62 + _v139  # _t62 - _t64
    _v148 = _t68 * _v147  # _t68*(_t62 - _t64)
    _v149 = _v146 + _v148  # _t67*(_t44*_t46 + _t60) + _t68*(_t62 - _t64)
    _v150 = _t69 * _v149  # _t69*(_t67*(_t44*_t46 + _t60) + _t68*(_t62 - _t64))
    _v151 = _v143 + _v150
    _v152 = -_t77  # -_t77
    _v153 = -_t80  # -_t80
    _v154 = _t75 + _t82 + _v152 + _v153  # _t75 - _t77 - _t80 + _t82
    _v155 = _t61 * _v154  # _t61*(_t75 - _t77 - _t80 + _t82)
    _v156 = -_t83  # -_t83
    _v157 = -_t85  # -_t85
    _v158 = -_t86  # -_t86
    _v159 = -_t87  # -_t87
    _v160 = -_t88  # -_t88
    _v161 = -_t90  # -_t90
    _v162 = 2 * _t89 * omega  # 2*_t89*omega
    _v163 = 4 * _t19 * _t9 * nu * tau  # 4*_t19*_t9*nu*tau
    _v164 = 4 * _t2 * _t9 * mu * omega  # 4*_t2*_t9*mu*omega
    _v165 = _v156 + _v157 + _v158 + _v159 + _v160 + _v161 + _v162 + _v163 + _v164
    _v166 = _t65 * _v165
    _v167 = _v155 + _v166
    _v168 = _t66 * _v167
    _v169 = -_t75  # -_t75
    _v170 = _t77 + _t80 + _t82 + _v169  # -_t75 + _t77 + _t80 + _t82
    _v171 = _t67 * _v170  # _t67*(-_t75 + _t77 + _t80 + _t82)
    _v172 = _t46 * _t89  # _t46*_t89
    _v173 = 4 * _t0 * _t10  # 4*_t0*_t10
    _v174 = 4 * _t24 * _t9  # 4*_t24*_t9
    _v175 = _t84 + _t87 + _v156 + _v158 + _v160 + _v161 + _v172 + _v173 + _v174
    _v176 = _t68 * _v175
    _v177 = _v171 + _v176
    _v178 = _t69 * _v177
    _v179 = _v168 + _v178
    _v180 = -_t111  # -_t111
    _v181 = 2 * _t98 * omega  # 2*_t98*omega
    _v182 = _v180 + _v181  # -_t111 + 2*_t98*omega
    _v183 = _t61 * _v182  # _t61*(-_t111 + 2*_t98*omega)
    _v184 = -_t112  # -_t112
    _v185 = -_t116  # -_t116
    _v186 = _v184 + _v185  # -_t112 - _t116
    _v187 = _t65 * _v186  # _t65*(-_t112 - _t116)
    _v188 = _v183 + _v187  # _t61*(-_t111 + 2*_t98*omega) + _t65*(-_t112 - _t116)
    _v189 = _t66 * _v188  # _t66*(_t61*(-_t111 + 2*_t98*omega) + _t65*(-_t112 - _t116))
    _v190 = _t46 * _t98  # _t46*_t98
    _v191 = _t111 + _v190  # _t111 + _t46*_t98
    _v192 = _t67 * _v191  # _t67*(_t111 + _t46*_t98)
    _v193 = _t112 + _v185  # _t112 - _t116
    _v194 = _t68 * _v193  # _t68*(_t112 - _t116)
    _v195 = _v192 + _v194  # _t67*(_t111 + _t46*_t98) + _t68*(_t112 - _t116)
    _v196 = _t69 * _v195  # _t69*(_t67*(_t111 + _t46*_t98) + _t68*(_t112 - _t116))
    _v197 = _v189 + _v196
    _v198 = -_t128  # -_t128
    _v199 = 2 * _t124 * omega  # 2*_t124*omega
    _v200 = _v198 + _v199  # 2*_t124*omega - _t128
    _v201 = _t61 * _v200  # _t61*(2*_t124*omega - _t128)
    _v202 = -_t123  # -_t123
    _v203 = -_t125  # -_t125
    _v204 = -_t127  # -_t127
    _v205 = 2 * _t121 * omega  # 2*_t121*omega
    _v206 = _v202 + _v203 + _v204 + _v205  # 2*_t121*omega - _t123 - _t125 - _t127
    _v207 = _t65 * _v206  # _t65*(2*_t121*omega - _t123 - _t125 - _t127)
    _v208 = _v201 + _v207
    _v209 = _t66 * _v208
    _v210 = _t124 * _t46  # _t124*_t46
    _v211 = _t128 + _v210  # _t124*_t46 + _t128
    _v212 = _t67 * _v211  # _t67*(_t124*_t46 + _t128)
    _v213 = _t121 * _t46  # _t121*_t46
    _v214 = _t127 + _v202 + _v203 + _v213  # _t121*_t46 - _t123 - _t125 + _t127
    _v215 = _t68 * _v214  # _t68*(_t121*_t46 - _t123 - _t125 + _t127)
    _v216 = _v212 + _v215  # _t67*(_t124*_t46 + _t128) + _t68*(_t121*_t46 - _t123 - _t125 + _t127)
    _v217 = _t69 * _v216
    _v218 = _v209 + _v217
    return (_v133, _v151, _v179, _v197, _v218,)


def S_J_value(mu, omega, nu, tau, alpha, lambda_):
    """``(F,)`` for the goal 'S(J)' on balls (blocks enclosed by arb_runtime.block).

    F = sqrt((omega*(alpha*lambda*Qexp1(mu*omega, nu*tau) + lambda*Ppos(mu*omega, nu*tau)) -
        tau*(-alpha**2*lambda**2*Qexp1(mu*omega, nu*tau) + 2*alpha**2*lambda**2*Qexp2(mu*omega,
        nu*tau) + lambda**2*Ppos(mu*omega, nu*tau)))**2 +
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
    _k0, _k1, = _constants()
    _t0 = mu * omega  # mu*omega
    _t1 = nu * tau  # nu*tau
    _t2 = _rt.block(_blk_Ppos, _t0, _t1)  # Ppos(_t0, _t1)
    _t3 = _rt.block(_blk_Qexp1, _t0, _t1)  # Qexp1(_t0, _t1)
    _t4 = _t3 * alpha  # _t3*alpha
    _v0 = _t2 * lambda_  # _t2*lambda
    _v1 = _t4 * lambda_  # _t4*lambda
    _v2 = _v0 + _v1  # _t2*lambda + _t4*lambda
    _t5 = omega * _v2  # omega*(_t2*lambda + _t4*lambda)
    _t6 = _rt.square(lambda_)  # square(lambda)
    _t7 = _t2 * _t6  # _t2*_t6
    _v3 = _rt.square(alpha)  # square(alpha)
    _t8 = _t6 * _v3  # _t6*square(alpha)
    _t9 = _t3 * _t8  # _t3*_t8
    _v4 = _rt.block(_blk_Qexp2, _t0, _t1)  # Qexp2(_t0, _t1)
    _t10 = 2 * _t8 * _v4  # 2*_t8*Qexp2(_t0, _t1)
    _v5 = -_t9  # -_t9
    _v6 = _t10 + _t7 + _v5  # _t10 + _t7 - _t9
    _t11 = tau * _v6  # tau*(_t10 + _t7 - _t9)
    _t12 = _k0 * lambda_  # lambda/2
    _t13 = _rt.block(_blk_phi0, _t0, _t1)  # phi0(_t0, _t1)
    _v7 = _t12 * _t4  # _t12*_t4
    _v8 = _k0 * lambda_  # lambda/2
    _v9 = _t12 * alpha  # _t12*alpha
    _v10 = -_v9  # -_t12*alpha
    _v11 = _v8 + _v10  # -_t12*alpha + lambda/2
    _v12 = _t13 * _v11  # _t13*(-_t12*alpha + lambda/2)
    _v13 = _v7 + _v12  # _t12*_t4 + _t13*(-_t12*alpha + lambda/2)
    _t14 = tau * _v13  # tau*(_t12*_t4 + _t13*(-_t12*alpha + lambda/2))
    _v14 = (-2) * _t9  # -2*_t9
    _v15 = 2 * _t0 * _t7  # 2*_t0*_t7
    _v16 = 2 * _t1 * _t13 * _t6  # 2*_t1*_t13*_t6
    _v17 = _t10 + _v14 + _v15 + _v16  # 2*_t0*_t7 + 2*_t1*_t13*_t6 + _t10 - 2*_t9
    _t15 = omega * _v17  # omega*(2*_t0*_t7 + 2*_t1*_t13*_t6 + _t10 - 2*_t9)
    _v18 = _t11 + _t5  # _t11 + _t5
    _v19 = _rt.square(_v18)  # square(_t11 + _t5)
    _v20 = -_t14  # -_t14
    _v21 = _t15 + _v20  # -_t14 + _t15
    _v22 = _rt.square(_v21)  # square(-_t14 + _t15)
    _v23 = _v19 + _v22  # square(_t11 + _t5) + square(-_t14 + _t15)
    _v24 = _rt.sqrt_nonneg(_v23)  # sqrt_nonneg(square(_t11 + _t5) + square(-_t14 + _t15))
    _v25 = _k0 * _v24  # sqrt_nonneg(square(_t11 + _t5) + square(-_t14 + _t15))/2
    _v26 = _t14 + _t15  # _t14 + _t15
    _v27 = _rt.square(_v26)  # square(_t14 + _t15)
    _v28 = -_t11  # -_t11
    _v29 = _t5 + _v28  # -_t11 + _t5
    _v30 = _rt.square(_v29)  # square(-_t11 + _t5)
    _v31 = _v27 + _v30  # square(-_t11 + _t5) + square(_t14 + _t15)
    _v32 = _rt.sqrt_nonneg(_v31)  # sqrt_nonneg(square(-_t11 + _t5) + square(_t14 + _t15))
    _v33 = _k0 * _v32  # sqrt_nonneg(square(-_t11 + _t5) + square(_t14 + _t15))/2
    _v34 = _v25 + _v33
    return (_v34,)


def S_J_gradient(mu, omega, nu, tau, alpha, lambda_):
    """``(F, dF/dmu, dF/domega, dF/dnu, dF/dtau)`` for the goal 'S(J)'; F as in S_J_value, the
        derivatives by sympy.diff.

    """
    _k0, _k1, = _constants()
    _t0 = mu * omega  # mu*omega
    _t1 = nu * tau  # nu*tau
    _t2 = _rt.block(_blk_Ppos, _t0, _t1)  # Ppos(_t0, _t1)
    _t3 = _t2 * lambda_  # _t2*lambda
    _t4 = _rt.block(_blk_Qexp1, _t0, _t1)  # Qexp1(_t0, _t1)
    _t5 = _t4 * alpha  # _t4*alpha
    _t6 = _t5 * lambda_  # _t5*lambda
    _v0 = _t3 + _t6  # _t3 + _t6
    _t7 = omega * _v0  # omega*(_t3 + _t6)
    _t8 = _rt.square(lambda_)  # square(lambda)
    _t9 = _t2 * _t8  # _t2*_t8
    _t10 = _rt.square(alpha)  # square(alpha)
    _t11 = _t10 * _t8  # _t10*_t8
    _t12 = _t11 * _t4  # _t11*_t4
    _t13 = _rt.block(_blk_Qexp2, _t0, _t1)  # Qexp2(_t0, _t1)
    _t14 = 2 * _t13  # 2*_t13
    _t15 = _t11 * _t14  # _t11*_t14
    _v1 = -_t12  # -_t12
    _v2 = _t15 + _t9 + _v1  # -_t12 + _t15 + _t9
    _t16 = tau * _v2  # tau*(-_t12 + _t15 + _t9)
    _v3 = -_t16  # -_t16
    _t17 = _t7 + _v3  # -_t16 + _t7
    _t18 = _k0 * lambda_  # lambda/2
    _t19 = _rt.block(_blk_phi0, _t0, _t1)  # phi0(_t0, _t1)
    _t20 = _t18 * alpha  # _t18*alpha
    _v4 = _k0 * lambda_  # lambda/2
    _v5 = -_t20  # -_t20
    _v6 = _v4 + _v5  # -_t20 + lambda/2
    _t21 = _t19 * _v6  # _t19*(-_t20 + lambda/2)
    _v7 = _t18 * _t5  # _t18*_t5
    _v8 = _t21 + _v7  # _t18*_t5 + _t21
    _t22 = tau * _v8  # tau*(_t18*_t5 + _t21)
    _t23 = (-2) * _t12  # -2*_t12
    _t24 = 2 * _t9  # 2*_t9
    _t25 = _t19 * _t8  # _t19*_t8
    _t26 = 2 * _t25  # 2*_t25
    _v9 = _t0 * _t24  # _t0*_t24
    _v10 = _t1 * _t26  # _t1*_t26
    _v11 = _t15 + _t23 + _v9 + _v10  # _t0*_t24 + _t1*_t26 + _t15 + _t23
    _t27 = omega * _v11  # omega*(_t0*_t24 + _t1*_t26 + _t15 + _t23)
    _t28 = _t22 + _t27  # _t22 + _t27
    _v12 = _rt.square(_t17)  # square(_t17)
    _v13 = _rt.square(_t28)  # square(_t28)
    _t29 = _v12 + _v13  # square(_t17) + square(_t28)
    _t30 = _t16 + _t7  # _t16 + _t7
    _v14 = -_t22  # -_t22
    _t31 = _t27 + _v14  # -_t22 + _t27
    _v15 = _rt.square(_t30)  # square(_t30)
    _v16 = _rt.square(_t31)  # square(_t31)
    _t32 = _v15 + _v16  # square(_t30) + square(_t31)
    _t33 = _t19 * omega  # _t19*omega
    _t34 = -_t19  # -_t19
    _t35 = _t34 + _t4  # _t34 + _t4
    _t36 = _t35 * omega  # _t35*omega
    _t37 = alpha * lambda_  # alpha*lambda
    _t38 = 2 * omega  # 2*omega
    _v17 = _t33 * lambda_  # _t33*lambda
    _v18 = _t36 * _t37  # _t36*_t37
    _v19 = _v17 + _v18  # _t33*lambda + _t36*_t37
    _t39 = _t38 * _v19  # _t38*(_t33*lambda + _t36*_t37)
    _t40 = _t14 + _t34  # _t14 + _t34
    _t41 = _t11 * _t38  # _t11*_t38
    _t42 = _t40 * _t41  # _t40*_t41
    _t43 = 2 * tau  # 2*tau
    _v20 = _t33 * _t8  # _t33*_t8
    _v21 = _t11 * _t36  # _t11*_t36
    _v22 = -_v21  # -_t11*_t36
    _v23 = _t42 + _v20 + _v22  # -_t11*_t36 + _t33*_t8 + _t42
    _t44 = _t43 * _v23  # _t43*(-_t11*_t36 + _t33*_t8 + _t42)
    _t45 = _k0 * _t17  # _t17/2
    _t46 = _rt.square(omega)  # square(omega)
    _t47 = 1 / nu  # 1/nu
    _t48 = 1 / tau  # 1/tau
    _t49 = _t47 * _t48  # _t47*_t48
    _t50 = _t21 * _t49  # _t21*_t49
    _v24 = _t20 * _t36  # _t20*_t36
    _v25 = _t46 * _t50 * mu  # _t46*_t50*mu
    _v26 = -_v25  # -_t46*_t50*mu
    _v27 = _v24 + _v26  # _t20*_t36 - _t46*_t50*mu
    _t51 = _t43 * _v27  # _t43*(_t20*_t36 - _t46*_t50*mu)
    _v28 = _t38 * _t9  # _t38*_t9
    _v29 = _t35 * _t41  # _t35*_t41
    _v30 = -_v29  # -_t35*_t41
    _v31 = _t42 + _v28 + _v30  # -_t35*_t41 + _t38*_t9 + _t42
    _t52 = _t38 * _v31  # _t38*(-_t35*_t41 + _t38*_t9 + _t42)
    _t53 = _k0 * _t28  # _t28/2
    _v32 = _rt.sqrt(_t29)  # sqrt(_t29)
    _t54 = _k0 / (_v32)  # 1/(2*sqrt(_t29))
    _t55 = _k0 * _t30  # _t30/2
    _t56 = _k0 * _t31  # _t31/2
    _v33 = _rt.sqrt(_t32)  # sqrt(_t32)
    _t57 = _k0 / (_v33)  # 1/(2*sqrt(_t32))
    _t58 = _t19 * mu  # _t19*mu
    _t59 = _t35 * mu  # _t35*mu
    _t60 = _t11 * _t59  # _t11*_t59
    _t61 = 2 * _t11  # 2*_t11
    _t62 = _t40 * _t61 * mu  # _t40*_t61*mu
    _v34 = -_t60  # -_t60
    _v35 = _t58 * _t8  # _t58*_t8
    _v36 = _t62 + _v34 + _v35  # _t58*_t8 - _t60 + _t62
    _t63 = _t43 * _v36  # _t43*(_t58*_t8 - _t60 + _t62)
    _v37 = 2 * _t3  # 2*_t3
    _v38 = 2 * _t6  # 2*_t6
    _v39 = _t37 * _t59  # _t37*_t59
    _v40 = _t58 * lambda_  # _t58*lambda
    _v41 = _v39 + _v40  # _t37*_t59 + _t58*lambda
    _v42 = _t38 * _v41  # _t38*(_t37*_t59 + _t58*lambda)
    _t64 = _v37 + _v38 + _v42  # 2*_t3 + _t38*(_t37*_t59 + _t58*lambda) + 2*_t6
    _t65 = _rt.square(mu)  # square(mu)
    _v43 = _t20 * _t59  # _t20*_t59
    _v44 = _t50 * _t65 * omega  # _t50*_t65*omega
    _v45 = -_v44  # -_t50*_t65*omega
    _v46 = _v43 + _v45  # _t20*_t59 - _t50*_t65*omega
    _t66 = _t43 * _v46  # _t43*(_t20*_t59 - _t50*_t65*omega)
    _t67 = 4 * _t11 * _t13  # 4*_t11*_t13
    _v47 = (-4) * _t12  # -4*_t12
    _v48 = (-2) * _t60  # -2*_t60
    _v49 = _t24 * mu  # _t24*mu
    _v50 = _t62 + _v48 + _v49  # _t24*mu - 2*_t60 + _t62
    _v51 = _t38 * _v50  # _t38*(_t24*mu - 2*_t60 + _t62)
    _v52 = 4 * _t0 * _t9  # 4*_t0*_t9
    _v53 = 4 * _t1 * _t25  # 4*_t1*_t25
    _t68 = _t67 + _v47 + _v51 + _v52 + _v53  # 4*_t0*_t9 + 4*_t1*_t25 - 4*_t12 + _t38*(_t24*mu - 2*_t60 + _t62) + _t67
    _t69 = _t0 * _t18 * _t19  # _t0*_t18*_t19
    _t70 = _k0 * _t19  # _t19/2
    _t71 = _t0 * _t70  # _t0*_t70
    _t72 = _t49 * _t71  # _t49*_t71
    _v54 = _k0 * _t4  # _t4/2
    _v55 = -_t70  # -_t70
    _t73 = _t72 + _v54 + _v55  # _t4/2 - _t70 + _t72
    _t74 = _t73 * tau  # _t73*tau
    _v56 = _t37 * _t74  # _t37*_t74
    _v57 = _t47 * _t69  # _t47*_t69
    _v58 = -_v57  # -_t47*_t69
    _v59 = _v56 + _v58  # _t37*_t74 - _t47*_t69
    _t75 = _t38 * _v59  # _t38*(_t37*_t74 - _t47*_t69)
    _t76 = _t71 * _t8  # _t71*_t8
    _t77 = _t40 + _t72  # _t40 + _t72
    _v60 = _t11 * _t74  # _t11*_t74
    _v61 = -_v60  # -_t11*_t74
    _v62 = _t47 * _t76  # _t47*_t76
    _v63 = -_v62  # -_t47*_t76
    _v64 = 2 * _t10 * _t77 * _t8 * tau  # 2*_t10*_t77*_t8*tau
    _v65 = _v61 + _v63 + _v64  # 2*_t10*_t77*_t8*tau - _t11*_t74 - _t47*_t76
    _t78 = _t43 * _v65  # _t43*(2*_t10*_t77*_t8*tau - _t11*_t74 - _t47*_t76)
    _v66 = _k1 * _t49  # -_t49/2
    _v67 = _rt.ipow(nu, 2)  # nu**2
    _v68 = _rt.ipow(tau, 2)  # tau**2
    _v69 = _k0 * _t46 * _t65 / (_v67 * _v68)  # _t46*_t65/(2*nu**2*tau**2)
    _t79 = _v66 + _v69  # _t46*_t65/(2*nu**2*tau**2) - _t49/2
    _t80 = _t21 * _t79  # _t21*_t79
    _v70 = _t20 * _t74  # _t20*_t74
    _v71 = _t80 * tau  # _t80*tau
    _v72 = _v70 + _v71  # _t20*_t74 + _t80*tau
    _t81 = _t43 * _v72  # _t43*(_t20*_t74 + _t80*tau)
    _t82 = _t25 * _t43  # _t25*_t43
    _t83 = _t25 * _t46 * _t65  # _t25*_t46*_t65
    _t84 = _t26 * nu  # _t26*nu
    _t85 = _t11 * _t43  # _t11*_t43
    _v73 = _t77 * _t85  # _t77*_t85
    _v74 = _t47 * _t83  # _t47*_t83
    _v75 = -_v74  # -_t47*_t83
    _v76 = _t73 * _t85  # _t73*_t85
    _v77 = -_v76  # -_t73*_t85
    _v78 = _rt.square(tau)  # square(tau)
    _v79 = _t79 * _t84 * _v78  # _t79*_t84*square(tau)
    _v80 = _t82 + _v73 + _v75 + _v77 + _v79  # -_t47*_t83 - _t73*_t85 + _t77*_t85 + _t79*_t84*square(tau) + _t82
    _t86 = _t38 * _v80  # _t38*(-_t47*_t83 - _t73*_t85 + _t77*_t85 + _t79*_t84*square(tau) + _t82)
    _t87 = _t73 * nu  # _t73*nu
    _v81 = _t37 * _t87  # _t37*_t87
    _v82 = _t48 * _t69  # _t48*_t69
    _v83 = -_v82  # -_t48*_t69
    _t88 = _v81 + _v83  # _t37*_t87 - _t48*_t69
    _t89 = _t11 * _t87  # _t11*_t87
    _v84 = -_t89  # -_t89
    _v85 = _t48 * _t76  # _t48*_t76
    _v86 = -_v85  # -_t48*_t76
    _v87 = 2 * _t10 * _t77 * _t8 * nu  # 2*_t10*_t77*_t8*nu
    _v88 = _v84 + _v86 + _v87  # 2*_t10*_t77*_t8*nu - _t48*_t76 - _t89
    _v89 = _t43 * _v88  # _t43*(2*_t10*_t77*_t8*nu - _t48*_t76 - _t89)
    _t90 = _t23 + _t24 + _t67 + _v89  # _t23 + _t24 + _t43*(2*_t10*_t77*_t8*nu - _t48*_t76 - _t89) + _t67
    _v90 = (-2) * _t89  # -2*_t89
    _v91 = _t48 * _t83  # _t48*_t83
    _v92 = -_v91  # -_t48*_t83
    _v93 = _t61 * _t77 * nu  # _t61*_t77*nu
    _v94 = _rt.square(nu)  # square(nu)
    _v95 = _t79 * _t82 * _v94  # _t79*_t82*square(nu)
    _t91 = _t84 + _v90 + _v92 + _v93 + _v95  # -_t48*_t83 + _t61*_t77*nu + _t79*_t82*square(nu) + _t84 - 2*_t89
    _v96 = 2 * _t21  # 2*_t21
    _v97 = _t20 * _t87  # _t20*_t87
    _v98 = _t80 * nu  # _t80*nu
    _v99 = _v97 + _v98  # _t20*_t87 + _t80*nu
    _v100 = _t43 * _v99  # _t43*(_t20*_t87 + _t80*nu)
    _t92 = _t6 + _v96 + _v100  # 2*_t21 + _t43*(_t20*_t87 + _t80*nu) + _t6
    _v101 = _rt.sqrt_nonneg(_t29)  # sqrt_nonneg(_t29)
    _v102 = _k0 * _v101  # sqrt_nonneg(_t29)/2
    _v103 = _rt.sqrt_nonneg(_t32)  # sqrt_nonneg(_t32)
    _v104 = _k0 * _v103  # sqrt_nonneg(_t32)/2
    _v105 = _v102 + _v104  # sqrt_nonneg(_t29)/2 + sqrt_nonneg(_t32)/2
    _v106 = -_t44  # -_t44
    _v107 = _t39 + _v106  # _t39 - _t44
    _v108 = _t45 * _v107  # _t45*(_t39 - _t44)
    _v109 = _t51 + _t52  # _t51 + _t52
    _v110 = _t53 * _v109  # _t53*(_t51 + _t52)
    _v111 = _v108 + _v110  # _t45*(_t39 - _t44) + _t53*(_t51 + _t52)
    _v112 = _t54 * _v111  # _t54*(_t45*(_t39 - _t44) + _t53*(_t51 + _t52))
    _v113 = _t39 + _t44  # _t39 + _t44
    _v114 = _t55 * _v113  # _t55*(_t39 + _t44)
    _v115 = -_t51  # -_t51
    _v116 = _t52 + _v115  # -_t51 + _t52
    _v117 = _t56 * _v116  # _t56*(-_t51 + _t52)
    _v118 = _v114 + _v117  # _t55*(_t39 + _t44) + _t56*(-_t51 + _t52)
    _v119 = _t57 * _v118  # _t57*(_t55*(_t39 + _t44) + _t56*(-_t51 + _t52))
    _v120 = _v112 + _v119
    _v121 = -_t63  # -_t63
    _v122 = _t64 + _v121  # -_t63 + _t64
    _v123 = _t45 * _v122  # _t45*(-_t63 + _t64)
    _v124 = _t66 + _t68  # _t66 + _t68
    _v125 = _t53 * _v124  # _t53*(_t66 + _t68)
    _v126 = _v123 + _v125  # _t45*(-_t63 + _t64) + _t53*(_t66 + _t68)
    _v127 = _t54 * _v126  # _t54*(_t45*(-_t63 + _t64) + _t53*(_t66 + _t68))
    _v128 = _t63 + _t64  # _t63 + _t64
    _v129 = _t55 * _v128  # _t55*(_t63 + _t64)
    _v130 = -_t66  # -_t66
    _v131 = _t68 + _v130  # -_t66 + _t68
    _v132 = _t56 * _v131  # _t56*(-_t66 + _t68)
    _v133 = _v129 + _v132  # _t55*(_t63 + _t64) + _t56*(-_t66 + _t68)
    _v134 = _t57 * _v133  # _t57*(_t55*(_t63 + _t64) + _t56*(-_t66 + _t68))
    _v135 = _v127 + _v134
    _v136 = -_t78  # -_t78
    _v137 = _t75 + _v136  # _t75 - _t78
    _v138 = _t45 * _v137  # _t45*(_t75 - _t78)
    _v139 = _t81 + _t86  # _t81 + _t86
    _v140 = _t53 * _v139  # _t53*(_t81 + _t86)
    _v141 = _v138 + _v140  # _t45*(_t75 - _t78) + _t53*(_t81 + _t86)
    _v142 = _t54 * _v141  # _t54*(_t45*(_t75 - _t78) + _t53*(_t81 + _t86))
    _v143 = _t75 + _t78  # _t75 + _t78
    _v144 = _t55 * _v143  # _t55*(_t75 + _t78)
    _v145 = -_t81  # -_t81
    _v146 = _t86 + _v145  # -_t81 + _t86
    _v147 = _t56 * _v146  # _t56*(-_t81 + _t86)
    _v148 = _v144 + _v147  # _t55*(_t75 + _t78) + _t56*(-_t81 + _t86)
    _v149 = _t57 * _v148  # _t57*(_t55*(_t75 + _t78) + _t56*(-_t81 + _t86))
    _v150 = _v142 + _v149
    _v151 = -_t90  # -_t90
    _v152 = 2 * _t88 * omega  # 2*_t88*omega
    _v153 = _v151 + _v152  # 2*_t88*omega - _t90
    _v154 = _t45 * _v153  # _t45*(2*_t88*omega - _t90)
    _v155 = _t38 * _t91  # _t38*_t91
    _v156 = _t92 + _v155  # _t38*_t91 + _t92
    _v157 = _t53 * _v156  # _t53*(_t38*_t91 + _t92)
    _v158 = _v154 + _v157  # _t45*(2*_t88*omega - _t90) + _t53*(_t38*_t91 + _t92)
    _v159 = _t54 * _v158  # _t54*(_t45*(2*_t88*omega - _t90) + _t53*(_t38*_t91 + _t92))
    _v160 = _t38 * _t88  # _t38*_t88
    _v161 = _t90 + _v160  # _t38*_t88 + _t90
    _v162 = _t55 * _v161  # _t55*(_t38*_t88 + _t90)
    _v163 = -_t92  # -_t92
    _v164 = 2 * _t91 * omega  # 2*_t91*omega
    _v165 = _v163 + _v164  # 2*_t91*omega - _t92
    _v166 = _t56 * _v165  # _t56*(2*_t91*omega - _t92)
    _v167 = _v162 + _v166  # _t55*(_t38*_t88 + _t90) + _t56*(2*_t91*omega - _t92)
    _v168 = _t57 * _v167  # _t57*(_t55*(_t38*_t88 + _t90) + _t56*(2*_t91*omega - _t92))
    _v169 = _v159 + _v168
    return (_v105, _v120, _v135, _v150, _v169,)


def mean_value(mu, omega, nu, tau, alpha, lambda_):
    """``(F,)`` for the goal 'mean' on balls (blocks enclosed by arb_runtime.block).

    F = lambda*(alpha*Rexp1(mu*omega, nu*tau) + mu*omega*Ppos(mu*omega, nu*tau) +
        nu*tau*phi0(mu*omega, nu*tau))
    """
    _t0 = mu * omega  # mu*omega
    _t1 = nu * tau  # nu*tau
    _v0 = _rt.block(_blk_Ppos, _t0, _t1)  # Ppos(_t0, _t1)
    _v1 = _t0 * _v0  # _t0*Ppos(_t0, _t1)
    _v2 = _rt.block(_blk_phi0, _t0, _t1)  # phi0(_t0, _t1)
    _v3 = _t1 * _v2  # _t1*phi0(_t0, _t1)
    _v4 = _rt.block(_blk_Rexp1, _t0, _t1)  # Rexp1(_t0, _t1)
    _v5 = alpha * _v4  # alpha*Rexp1(_t0, _t1)
    _v6 = _v1 + _v3 + _v5  # _t0*Ppos(_t0, _t1) + _t1*phi0(_t0, _t1) + alpha*Rexp1(_t0, _t1)
    _v7 = lambda_ * _v6  # lambda*(_t0*Ppos(_t0, _t1) + _t1*phi0(_t0, _t1) + alpha*Rexp1(_t0, _t1))
    return (_v7,)


def mean_gradient(mu, omega, nu, tau, alpha, lambda_):
    """``(F, dF/dmu, dF/domega, dF/dnu, dF/dtau)`` for the goal 'mean'; F as in mean_value, the
        derivatives by sympy.diff.

    """
    _k0, _k1, = _constants()
    _t0 = mu * omega  # mu*omega
    _t1 = nu * tau  # nu*tau
    _t2 = _rt.block(_blk_Ppos, _t0, _t1)  # Ppos(_t0, _t1)
    _t3 = _rt.block(_blk_phi0, _t0, _t1)  # phi0(_t0, _t1)
    _t4 = _rt.block(_blk_Qexp1, _t0, _t1)  # Qexp1(_t0, _t1)
    _t5 = _t4 * alpha  # _t4*alpha
    _t6 = _t3 * tau  # _t3*tau
    _t7 = 1 / nu  # 1/nu
    _t8 = _k0 * _t3  # _t3/2
    _t9 = _rt.square(mu)  # square(mu)
    _t10 = _rt.square(omega)  # square(omega)
    _t11 = _t10 * _t8 * _t9  # _t10*_t8*_t9
    _v0 = _k0 * _t4  # _t4/2
    _v1 = -_t8  # -_t8
    _v2 = _v0 + _v1  # _t4/2 - _t8
    _t12 = alpha * _v2  # alpha*(_t4/2 - _t8)
    _t13 = 1 / tau  # 1/tau
    _v3 = _k1 * _t13 * _t7  # -_t13*_t7/2
    _v4 = _rt.ipow(nu, 2)  # nu**2
    _v5 = _rt.ipow(tau, 2)  # tau**2
    _v6 = _k0 * _t10 * _t9 / (_v4 * _v5)  # _t10*_t9/(2*nu**2*tau**2)
    _t14 = _v3 + _v6  # _t10*_t9/(2*nu**2*tau**2) - _t13*_t7/2
    _t15 = _t3 * nu  # _t3*nu
    _v7 = _t0 * _t2  # _t0*_t2
    _v8 = _t1 * _t3  # _t1*_t3
    _v9 = _rt.block(_blk_Rexp1, _t0, _t1)  # Rexp1(_t0, _t1)
    _v10 = alpha * _v9  # alpha*Rexp1(_t0, _t1)
    _v11 = _v7 + _v8 + _v10  # _t0*_t2 + _t1*_t3 + alpha*Rexp1(_t0, _t1)
    _v12 = lambda_ * _v11  # lambda*(_t0*_t2 + _t1*_t3 + alpha*Rexp1(_t0, _t1))
    _v13 = _t2 * omega  # _t2*omega
    _v14 = _t5 * omega  # _t5*omega
    _v15 = _v13 + _v14  # _t2*omega + _t5*omega
    _v16 = lambda_ * _v15  # lambda*(_t2*omega + _t5*omega)
    _v17 = _t2 * mu  # _t2*mu
    _v18 = _t5 * mu  # _t5*mu
    _v19 = _v17 + _v18  # _t2*mu + _t5*mu
    _v20 = lambda_ * _v19  # lambda*(_t2*mu + _t5*mu)
    _v21 = _t12 * tau  # _t12*tau
    _v22 = _t11 * _t7  # _t11*_t7
    _v23 = -_v22  # -_t11*_t7
    _v24 = _rt.square(tau)  # square(tau)
    _v25 = _t14 * _t15 * _v24  # _t14*_t15*square(tau)
    _v26 = _t6 + _v21 + _v23 + _v25  # -_t11*_t7 + _t12*tau + _t14*_t15*square(tau) + _t6
    _v27 = lambda_ * _v26  # lambda*(-_t11*_t7 + _t12*tau + _t14*_t15*square(tau) + _t6)
    _v28 = _t12 * nu  # _t12*nu
    _v29 = _t11 * _t13  # _t11*_t13
    _v30 = -_v29  # -_t11*_t13
    _v31 = _rt.square(nu)  # square(nu)
    _v32 = _t14 * _t6 * _v31  # _t14*_t6*square(nu)
    _v33 = _t15 + _v28 + _v30 + _v32  # -_t11*_t13 + _t12*nu + _t14*_t6*square(nu) + _t15
    _v34 = lambda_ * _v33  # lambda*(-_t11*_t13 + _t12*nu + _t14*_t6*square(nu) + _t15)
    return (_v12, _v16, _v20, _v27, _v34,)


def var_value(mu, omega, nu, tau, alpha, lambda_):
    """``(F,)`` for the goal 'var' on balls (blocks enclosed by arb_runtime.block).

    F = -lambda**2*(alpha*Rexp1(mu*omega, nu*tau) + mu*omega*Ppos(mu*omega, nu*tau) +
        nu*tau*phi0(mu*omega, nu*tau))**2 + lambda**2*(alpha**2*Rexp2(mu*omega, nu*tau) +
        mu*nu*omega*tau*phi0(mu*omega, nu*tau) + (mu**2*omega**2 + nu*tau)*Ppos(mu*omega,
        nu*tau))
    """
    _t0 = _rt.square(lambda_)  # square(lambda)
    _t1 = mu * omega  # mu*omega
    _t2 = nu * tau  # nu*tau
    _t3 = _rt.block(_blk_Ppos, _t1, _t2)  # Ppos(_t1, _t2)
    _v0 = _rt.block(_blk_phi0, _t1, _t2)  # phi0(_t1, _t2)
    _t4 = _t2 * _v0  # _t2*phi0(_t1, _t2)
    _v1 = _t1 * _t4  # _t1*_t4
    _v2 = _rt.square(mu)  # square(mu)
    _v3 = _rt.square(omega)  # square(omega)
    _v4 = _v2 * _v3  # square(mu)*square(omega)
    _v5 = _t2 + _v4  # _t2 + square(mu)*square(omega)
    _v6 = _t3 * _v5  # _t3*(_t2 + square(mu)*square(omega))
    _v7 = _rt.block(_blk_Rexp2, _t1, _t2)  # Rexp2(_t1, _t2)
    _v8 = _rt.square(alpha)  # square(alpha)
    _v9 = _v7 * _v8  # Rexp2(_t1, _t2)*square(alpha)
    _v10 = _v1 + _v6 + _v9
    _v11 = _t0 * _v10
    _v12 = _t1 * _t3  # _t1*_t3
    _v13 = _rt.block(_blk_Rexp1, _t1, _t2)  # Rexp1(_t1, _t2)
    _v14 = alpha * _v13  # alpha*Rexp1(_t1, _t2)
    _v15 = _t4 + _v12 + _v14  # _t1*_t3 + _t4 + alpha*Rexp1(_t1, _t2)
    _v16 = _rt.square(_v15)  # square(_t1*_t3 + _t4 + alpha*Rexp1(_t1, _t2))
    _v17 = _t0 * _v16  # _t0*square(_t1*_t3 + _t4 + alpha*Rexp1(_t1, _t2))
    _v18 = -_v17  # -_t0*square(_t1*_t3 + _t4 + alpha*Rexp1(_t1, _t2))
    _v19 = _v11 + _v18
    return (_v19,)


def var_gradient(mu, omega, nu, tau, alpha, lambda_):
    """``(F, dF/dmu, dF/domega, dF/dnu, dF/dtau)`` for the goal 'var'; F as in var_value, the
        derivatives by sympy.diff.

    """
    _k0, _k1, = _constants()
    _t0 = _rt.square(lambda_)  # square(lambda)
    _t1 = mu * omega  # mu*omega
    _t2 = nu * tau  # nu*tau
    _t3 = _rt.block(_blk_Ppos, _t1, _t2)  # Ppos(_t1, _t2)
    _t4 = _rt.block(_blk_phi0, _t1, _t2)  # phi0(_t1, _t2)
    _t5 = _t2 * _t4  # _t2*_t4
    _v0 = _t1 * _t3  # _t1*_t3
    _v1 = _rt.block(_blk_Rexp1, _t1, _t2)  # Rexp1(_t1, _t2)
    _v2 = alpha * _v1  # alpha*Rexp1(_t1, _t2)
    _t6 = _t5 + _v0 + _v2  # _t1*_t3 + _t5 + alpha*Rexp1(_t1, _t2)
    _t7 = _rt.square(alpha)  # square(alpha)
    _t8 = _rt.square(mu)  # square(mu)
    _t9 = _rt.square(omega)  # square(omega)
    _t10 = _t8 * _t9  # _t8*_t9
    _t11 = _t10 + _t2  # _t10 + _t2
    _t12 = 2 * _t3  # 2*_t3
    _t13 = _t12 * omega  # _t12*omega
    _t14 = _rt.block(_blk_Qexp1, _t1, _t2)  # Qexp1(_t1, _t2)
    _t15 = 2 * _t14  # 2*_t14
    _t16 = _t15 * alpha  # _t15*alpha
    _t17 = _t0 * _t6  # _t0*_t6
    _t18 = _t12 * mu  # _t12*mu
    _t19 = _t11 * _t4  # _t11*_t4
    _v3 = _rt.block(_blk_Qexp2, _t1, _t2)  # Qexp2(_t1, _t2)
    _t20 = (-2) * _v3  # -2*Qexp2(_t1, _t2)
    _v4 = -_t15  # -_t15
    _v5 = -_t20  # -_t20
    _v6 = _v4 + _v5  # -_t15 - _t20
    _t21 = _t7 * _v6  # _t7*(-_t15 - _t20)
    _t22 = _t1 * _t4  # _t1*_t4
    _t23 = _t22 * tau  # _t22*tau
    _v7 = -_t14  # -_t14
    _v8 = _v7 + _v5  # -_t14 - _t20
    _t24 = _t7 * _v8  # _t7*(-_t14 - _t20)
    _t25 = 1 / nu  # 1/nu
    _t26 = _k0 * _t4  # _t4/2
    _t27 = _t1 * _t11 * _t26  # _t1*_t11*_t26
    _t28 = _t22 * nu  # _t22*nu
    _t29 = 1 / tau  # 1/tau
    _v9 = _k1 * _t25 * _t29  # -_t25*_t29/2
    _v10 = _rt.ipow(nu, 2)  # nu**2
    _v11 = _rt.ipow(tau, 2)  # tau**2
    _v12 = _k0 * _t8 * _t9 / (_v10 * _v11)  # _t8*_t9/(2*nu**2*tau**2)
    _t30 = _v9 + _v12  # -_t25*_t29/2 + _t8*_t9/(2*nu**2*tau**2)
    _v13 = _rt.square(tau)  # square(tau)
    _t31 = _t30 * _v13  # _t30*square(tau)
    _t32 = 2 * _t4  # 2*_t4
    _t33 = _t32 * tau  # _t32*tau
    _t34 = _t10 * _t4  # _t10*_t4
    _v14 = _k0 * _t14  # _t14/2
    _v15 = -_t26  # -_t26
    _v16 = _v14 + _v15  # _t14/2 - _t26
    _t35 = 2 * alpha * _v16  # 2*alpha*(_t14/2 - _t26)
    _t36 = _t32 * nu  # _t32*nu
    _v17 = _rt.square(nu)  # square(nu)
    _t37 = _t30 * _v17  # _t30*square(nu)
    _v18 = _t1 * _t5  # _t1*_t5
    _v19 = _t11 * _t3  # _t11*_t3
    _v20 = _rt.block(_blk_Rexp2, _t1, _t2)  # Rexp2(_t1, _t2)
    _v21 = _t7 * _v20  # _t7*Rexp2(_t1, _t2)
    _v22 = _v18 + _v19 + _v21  # _t1*_t5 + _t11*_t3 + _t7*Rexp2(_t1, _t2)
    _v23 = _t0 * _v22  # _t0*(_t1*_t5 + _t11*_t3 + _t7*Rexp2(_t1, _t2))
    _v24 = _rt.square(_t6)  # square(_t6)
    _v25 = _t0 * _v24  # _t0*square(_t6)
    _v26 = -_v25  # -_t0*square(_t6)
    _v27 = _v23 + _v26  # _t0*(_t1*_t5 + _t11*_t3 + _t7*Rexp2(_t1, _t2)) - _t0*square(_t6)
    _v28 = _t18 * _t9  # _t18*_t9
    _v29 = _t19 * omega  # _t19*omega
    _v30 = _t21 * omega  # _t21*omega
    _v31 = _t5 * omega  # _t5*omega
    _v32 = _rt.ipow(omega, 3)  # omega**3
    _v33 = _t4 * _t8 * _v32  # _t4*_t8*omega**3
    _v34 = -_v33  # -_t4*_t8*omega**3
    _v35 = _v28 + _v29 + _v30 + _v31 + _v34  # _t18*_t9 + _t19*omega + _t21*omega - _t4*_t8*omega**3 + _t5*omega
    _v36 = _t0 * _v35  # _t0*(_t18*_t9 + _t19*omega + _t21*omega - _t4*_t8*omega**3 + _t5*omega)
    _v37 = _t16 * omega  # _t16*omega
    _v38 = _t13 + _v37  # _t13 + _t16*omega
    _v39 = _t17 * _v38  # _t17*(_t13 + _t16*omega)
    _v40 = -_v39  # -_t17*(_t13 + _t16*omega)
    _v41 = _v36 + _v40
    _v42 = _t13 * _t8  # _t13*_t8
    _v43 = _t19 * mu  # _t19*mu
    _v44 = _t21 * mu  # _t21*mu
    _v45 = _t5 * mu  # _t5*mu
    _v46 = _rt.ipow(mu, 3)  # mu**3
    _v47 = _t4 * _t9 * _v46  # _t4*_t9*mu**3
    _v48 = -_v47  # -_t4*_t9*mu**3
    _v49 = _v42 + _v43 + _v44 + _v45 + _v48  # _t13*_t8 + _t19*mu + _t21*mu - _t4*_t9*mu**3 + _t5*mu
    _v50 = _t0 * _v49  # _t0*(_t13*_t8 + _t19*mu + _t21*mu - _t4*_t9*mu**3 + _t5*mu)
    _v51 = _t16 * mu  # _t16*mu
    _v52 = _t18 + _v51  # _t16*mu + _t18
    _v53 = _t17 * _v52  # _t17*(_t16*mu + _t18)
    _v54 = -_v53  # -_t17*(_t16*mu + _t18)
    _v55 = _v50 + _v54
    _v56 = _t24 * tau  # _t24*tau
    _v57 = _t28 * _t31  # _t28*_t31
    _v58 = _t3 * tau  # _t3*tau
    _v59 = _t25 * _t27  # _t25*_t27
    _v60 = -_v59  # -_t25*_t27
    _v61 = _t23 + _v56 + _v57 + _v58 + _v60  # _t23 + _t24*tau - _t25*_t27 + _t28*_t31 + _t3*tau
    _v62 = _t0 * _v61  # _t0*(_t23 + _t24*tau - _t25*_t27 + _t28*_t31 + _t3*tau)
    _v63 = _t31 * _t36  # _t31*_t36
    _v64 = _t35 * tau  # _t35*tau
    _v65 = _t25 * _t34  # _t25*_t34
    _v66 = -_v65  # -_t25*_t34
    _v67 = _t33 + _v63 + _v64 + _v66  # -_t25*_t34 + _t31*_t36 + _t33 + _t35*tau
    _v68 = _t17 * _v67  # _t17*(-_t25*_t34 + _t31*_t36 + _t33 + _t35*tau)
    _v69 = -_v68  # -_t17*(-_t25*_t34 + _t31*_t36 + _t33 + _t35*tau)
    _v70 = _v62 + _v69
    _v71 = _t23 * _t37  # _t23*_t37
    _v72 = _t24 * nu  # _t24*nu
    _v73 = _t3 * nu  # _t3*nu
    _v74 = _t27 * _t29  # _t27*_t29
    _v75 = -_v74  # -_t27*_t29
    _v76 = _t28 + _v71 + _v72 + _v73 + _v75  # _t23*_t37 + _t24*nu - _t27*_t29 + _t28 + _t3*nu
    _v77 = _t0 * _v76  # _t0*(_t23*_t37 + _t24*nu - _t27*_t29 + _t28 + _t3*nu)
    _v78 = _t33 * _t37  # _t33*_t37
    _v79 = _t35 * nu  # _t35*nu
    _v80 = _t29 * _t34  # _t29*_t34
    _v81 = -_v80  # -_t29*_t34
    _v82 = _t36 + _v78 + _v79 + _v81  # -_t29*_t34 + _t33*_t37 + _t35*nu + _t36
    _v83 = _t17 * _v82  # _t17*(-_t29*_t34 + _t33*_t37 + _t35*nu + _t36)
    _v84 = -_v83  # -_t17*(-_t29*_t34 + _t33*_t37 + _t35*nu + _t36)
    _v85 = _v77 + _v84
    return (_v27, _v41, _v55, _v70, _v85,)


def var_minus_nu_value(mu, omega, nu, tau, alpha, lambda_):
    """``(F,)`` for the goal 'var-nu' on balls (blocks enclosed by arb_runtime.block).

    F = -lambda**2*(alpha*Rexp1(mu*omega, nu*tau) + mu*omega*Ppos(mu*omega, nu*tau) +
        nu*tau*phi0(mu*omega, nu*tau))**2 + lambda**2*(alpha**2*Rexp2(mu*omega, nu*tau) +
        mu*nu*omega*tau*phi0(mu*omega, nu*tau) + (mu**2*omega**2 + nu*tau)*Ppos(mu*omega,
        nu*tau)) - nu
    """
    _t0 = _rt.square(lambda_)  # square(lambda)
    _t1 = mu * omega  # mu*omega
    _t2 = nu * tau  # nu*tau
    _t3 = _rt.block(_blk_Ppos, _t1, _t2)  # Ppos(_t1, _t2)
    _v0 = _rt.block(_blk_phi0, _t1, _t2)  # phi0(_t1, _t2)
    _t4 = _t2 * _v0  # _t2*phi0(_t1, _t2)
    _v1 = -nu  # -nu
    _v2 = _t1 * _t4  # _t1*_t4
    _v3 = _rt.square(mu)  # square(mu)
    _v4 = _rt.square(omega)  # square(omega)
    _v5 = _v3 * _v4  # square(mu)*square(omega)
    _v6 = _t2 + _v5  # _t2 + square(mu)*square(omega)
    _v7 = _t3 * _v6  # _t3*(_t2 + square(mu)*square(omega))
    _v8 = _rt.block(_blk_Rexp2, _t1, _t2)  # Rexp2(_t1, _t2)
    _v9 = _rt.square(alpha)  # square(alpha)
    _v10 = _v8 * _v9  # Rexp2(_t1, _t2)*square(alpha)
    _v11 = _v2 + _v7 + _v10
    _v12 = _t0 * _v11
    _v13 = _t1 * _t3  # _t1*_t3
    _v14 = _rt.block(_blk_Rexp1, _t1, _t2)  # Rexp1(_t1, _t2)
    _v15 = alpha * _v14  # alpha*Rexp1(_t1, _t2)
    _v16 = _t4 + _v13 + _v15  # _t1*_t3 + _t4 + alpha*Rexp1(_t1, _t2)
    _v17 = _rt.square(_v16)  # square(_t1*_t3 + _t4 + alpha*Rexp1(_t1, _t2))
    _v18 = _t0 * _v17  # _t0*square(_t1*_t3 + _t4 + alpha*Rexp1(_t1, _t2))
    _v19 = -_v18  # -_t0*square(_t1*_t3 + _t4 + alpha*Rexp1(_t1, _t2))
    _v20 = _v1 + _v12 + _v19
    return (_v20,)


def var_minus_nu_gradient(mu, omega, nu, tau, alpha, lambda_):
    """``(F, dF/dmu, dF/domega, dF/dnu, dF/dtau)`` for the goal 'var-nu'; F as in
        var_minus_nu_value, the derivatives by sympy.diff.

    """
    _k0, _k1, = _constants()
    _t0 = _rt.square(lambda_)  # square(lambda)
    _t1 = mu * omega  # mu*omega
    _t2 = nu * tau  # nu*tau
    _t3 = _rt.block(_blk_Ppos, _t1, _t2)  # Ppos(_t1, _t2)
    _t4 = _rt.block(_blk_phi0, _t1, _t2)  # phi0(_t1, _t2)
    _t5 = _t2 * _t4  # _t2*_t4
    _v0 = _t1 * _t3  # _t1*_t3
    _v1 = _rt.block(_blk_Rexp1, _t1, _t2)  # Rexp1(_t1, _t2)
    _v2 = alpha * _v1  # alpha*Rexp1(_t1, _t2)
    _t6 = _t5 + _v0 + _v2  # _t1*_t3 + _t5 + alpha*Rexp1(_t1, _t2)
    _t7 = _rt.square(alpha)  # square(alpha)
    _t8 = _rt.square(mu)  # square(mu)
    _t9 = _rt.square(omega)  # square(omega)
    _t10 = _t8 * _t9  # _t8*_t9
    _t11 = _t10 + _t2  # _t10 + _t2
    _t12 = 2 * _t3  # 2*_t3
    _t13 = _t12 * omega  # _t12*omega
    _t14 = _rt.block(_blk_Qexp1, _t1, _t2)  # Qexp1(_t1, _t2)
    _t15 = 2 * _t14  # 2*_t14
    _t16 = _t15 * alpha  # _t15*alpha
    _t17 = _t0 * _t6  # _t0*_t6
    _t18 = _t12 * mu  # _t12*mu
    _t19 = _t11 * _t4  # _t11*_t4
    _v3 = _rt.block(_blk_Qexp2, _t1, _t2)  # Qexp2(_t1, _t2)
    _t20 = (-2) * _v3  # -2*Qexp2(_t1, _t2)
    _v4 = -_t15  # -_t15
    _v5 = -_t20  # -_t20
    _v6 = _v4 + _v5  # -_t15 - _t20
    _t21 = _t7 * _v6  # _t7*(-_t15 - _t20)
    _t22 = _t1 * _t4  # _t1*_t4
    _t23 = _t22 * tau  # _t22*tau
    _v7 = -_t14  # -_t14
    _v8 = _v7 + _v5  # -_t14 - _t20
    _t24 = _t7 * _v8  # _t7*(-_t14 - _t20)
    _t25 = 1 / nu  # 1/nu
    _t26 = _k0 * _t4  # _t4/2
    _t27 = _t1 * _t11 * _t26  # _t1*_t11*_t26
    _t28 = _t22 * nu  # _t22*nu
    _t29 = 1 / tau  # 1/tau
    _v9 = _k1 * _t25 * _t29  # -_t25*_t29/2
    _v10 = _rt.ipow(nu, 2)  # nu**2
    _v11 = _rt.ipow(tau, 2)  # tau**2
    _v12 = _k0 * _t8 * _t9 / (_v10 * _v11)  # _t8*_t9/(2*nu**2*tau**2)
    _t30 = _v9 + _v12  # -_t25*_t29/2 + _t8*_t9/(2*nu**2*tau**2)
    _v13 = _rt.square(tau)  # square(tau)
    _t31 = _t30 * _v13  # _t30*square(tau)
    _t32 = 2 * _t4  # 2*_t4
    _t33 = _t32 * tau  # _t32*tau
    _t34 = _t10 * _t4  # _t10*_t4
    _v14 = _k0 * _t14  # _t14/2
    _v15 = -_t26  # -_t26
    _v16 = _v14 + _v15  # _t14/2 - _t26
    _t35 = 2 * alpha * _v16  # 2*alpha*(_t14/2 - _t26)
    _t36 = _t32 * nu  # _t32*nu
    _v17 = _rt.square(nu)  # square(nu)
    _t37 = _t30 * _v17  # _t30*square(nu)
    _v18 = -nu  # -nu
    _v19 = _t1 * _t5  # _t1*_t5
    _v20 = _t11 * _t3  # _t11*_t3
    _v21 = _rt.block(_blk_Rexp2, _t1, _t2)  # Rexp2(_t1, _t2)
    _v22 = _t7 * _v21  # _t7*Rexp2(_t1, _t2)
    _v23 = _v19 + _v20 + _v22  # _t1*_t5 + _t11*_t3 + _t7*Rexp2(_t1, _t2)
    _v24 = _t0 * _v23  # _t0*(_t1*_t5 + _t11*_t3 + _t7*Rexp2(_t1, _t2))
    _v25 = _rt.square(_t6)  # square(_t6)
    _v26 = _t0 * _v25  # _t0*square(_t6)
    _v27 = -_v26  # -_t0*square(_t6)
    _v28 = _v18 + _v24 + _v27  # _t0*(_t1*_t5 + _t11*_t3 + _t7*Rexp2(_t1, _t2)) - _t0*square(_t6) - nu
    _v29 = _t18 * _t9  # _t18*_t9
    _v30 = _t19 * omega  # _t19*omega
    _v31 = _t21 * omega  # _t21*omega
    _v32 = _t5 * omega  # _t5*omega
    _v33 = _rt.ipow(omega, 3)  # omega**3
    _v34 = _t4 * _t8 * _v33  # _t4*_t8*omega**3
    _v35 = -_v34  # -_t4*_t8*omega**3
    _v36 = _v29 + _v30 + _v31 + _v32 + _v35  # _t18*_t9 + _t19*omega + _t21*omega - _t4*_t8*omega**3 + _t5*omega
    _v37 = _t0 * _v36  # _t0*(_t18*_t9 + _t19*omega + _t21*omega - _t4*_t8*omega**3 + _t5*omega)
    _v38 = _t16 * omega  # _t16*omega
    _v39 = _t13 + _v38  # _t13 + _t16*omega
    _v40 = _t17 * _v39  # _t17*(_t13 + _t16*omega)
    _v41 = -_v40  # -_t17*(_t13 + _t16*omega)
    _v42 = _v37 + _v41
    _v43 = _t13 * _t8  # _t13*_t8
    _v44 = _t19 * mu  # _t19*mu
    _v45 = _t21 * mu  # _t21*mu
    _v46 = _t5 * mu  # _t5*mu
    _v47 = _rt.ipow(mu, 3)  # mu**3
    _v48 = _t4 * _t9 * _v47  # _t4*_t9*mu**3
    _v49 = -_v48  # -_t4*_t9*mu**3
    _v50 = _v43 + _v44 + _v45 + _v46 + _v49  # _t13*_t8 + _t19*mu + _t21*mu - _t4*_t9*mu**3 + _t5*mu
    _v51 = _t0 * _v50  # _t0*(_t13*_t8 + _t19*mu + _t21*mu - _t4*_t9*mu**3 + _t5*mu)
    _v52 = _t16 * mu  # _t16*mu
    _v53 = _t18 + _v52  # _t16*mu + _t18
    _v54 = _t17 * _v53  # _t17*(_t16*mu + _t18)
    _v55 = -_v54  # -_t17*(_t16*mu + _t18)
    _v56 = _v51 + _v55
    _v57 = _t24 * tau  # _t24*tau
    _v58 = _t28 * _t31  # _t28*_t31
    _v59 = _t3 * tau  # _t3*tau
    _v60 = _t25 * _t27  # _t25*_t27
    _v61 = -_v60  # -_t25*_t27
    _v62 = _t23 + _v57 + _v58 + _v59 + _v61  # _t23 + _t24*tau - _t25*_t27 + _t28*_t31 + _t3*tau
    _v63 = _t0 * _v62  # _t0*(_t23 + _t24*tau - _t25*_t27 + _t28*_t31 + _t3*tau)
    _v64 = _t31 * _t36  # _t31*_t36
    _v65 = _t35 * tau  # _t35*tau
    _v66 = _t25 * _t34  # _t25*_t34
    _v67 = -_v66  # -_t25*_t34
    _v68 = _t33 + _v64 + _v65 + _v67  # -_t25*_t34 + _t31*_t36 + _t33 + _t35*tau
    _v69 = _t17 * _v68  # _t17*(-_t25*_t34 + _t31*_t36 + _t33 + _t35*tau)
    _v70 = -_v69  # -_t17*(-_t25*_t34 + _t31*_t36 + _t33 + _t35*tau)
    _v71 = (-1) + _v63 + _v70
    _v72 = _t23 * _t37  # _t23*_t37
    _v73 = _t24 * nu  # _t24*nu
    _v74 = _t3 * nu  # _t3*nu
    _v75 = _t27 * _t29  # _t27*_t29
    _v76 = -_v75  # -_t27*_t29
    _v77 = _t28 + _v72 + _v73 + _v74 + _v76  # _t23*_t37 + _t24*nu - _t27*_t29 + _t28 + _t3*nu
    _v78 = _t0 * _v77  # _t0*(_t23*_t37 + _t24*nu - _t27*_t29 + _t28 + _t3*nu)
    _v79 = _t33 * _t37  # _t33*_t37
    _v80 = _t35 * nu  # _t35*nu
    _v81 = _t29 * _t34  # _t29*_t34
    _v82 = -_v81  # -_t29*_t34
    _v83 = _t36 + _v79 + _v80 + _v82  # -_t29*_t34 + _t33*_t37 + _t35*nu + _t36
    _v84 = _t17 * _v83  # _t17*(-_t29*_t34 + _t33*_t37 + _t35*nu + _t36)
    _v85 = -_v84  # -_t17*(-_t29*_t34 + _t33*_t37 + _t35*nu + _t36)
    _v86 = _v78 + _v85
    return (_v28, _v42, _v56, _v71, _v86,)


def nu_minus_var_value(mu, omega, nu, tau, alpha, lambda_):
    """``(F,)`` for the goal 'nu-var' on balls (blocks enclosed by arb_runtime.block).

    F = lambda**2*(alpha*Rexp1(mu*omega, nu*tau) + mu*omega*Ppos(mu*omega, nu*tau) +
        nu*tau*phi0(mu*omega, nu*tau))**2 - lambda**2*(alpha**2*Rexp2(mu*omega, nu*tau) +
        mu*nu*omega*tau*phi0(mu*omega, nu*tau) + (mu**2*omega**2 + nu*tau)*Ppos(mu*omega,
        nu*tau)) + nu
    """
    _t0 = _rt.square(lambda_)  # square(lambda)
    _t1 = mu * omega  # mu*omega
    _t2 = nu * tau  # nu*tau
    _t3 = _rt.block(_blk_Ppos, _t1, _t2)  # Ppos(_t1, _t2)
    _v0 = _rt.block(_blk_phi0, _t1, _t2)  # phi0(_t1, _t2)
    _t4 = _t2 * _v0  # _t2*phi0(_t1, _t2)
    _v1 = _t1 * _t3  # _t1*_t3
    _v2 = _rt.block(_blk_Rexp1, _t1, _t2)  # Rexp1(_t1, _t2)
    _v3 = alpha * _v2  # alpha*Rexp1(_t1, _t2)
    _v4 = _t4 + _v1 + _v3  # _t1*_t3 + _t4 + alpha*Rexp1(_t1, _t2)
    _v5 = _rt.square(_v4)  # square(_t1*_t3 + _t4 + alpha*Rexp1(_t1, _t2))
    _v6 = _t0 * _v5  # _t0*square(_t1*_t3 + _t4 + alpha*Rexp1(_t1, _t2))
    _v7 = _t1 * _t4  # _t1*_t4
    _v8 = _rt.square(mu)  # square(mu)
    _v9 = _rt.square(omega)  # square(omega)
    _v10 = _v8 * _v9  # square(mu)*square(omega)
    _v11 = _t2 + _v10  # _t2 + square(mu)*square(omega)
    _v12 = _t3 * _v11  # _t3*(_t2 + square(mu)*square(omega))
    _v13 = _rt.block(_blk_Rexp2, _t1, _t2)  # Rexp2(_t1, _t2)
    _v14 = _rt.square(alpha)  # square(alpha)
    _v15 = _v13 * _v14  # Rexp2(_t1, _t2)*square(alpha)
    _v16 = _v7 + _v12 + _v15
    _v17 = _t0 * _v16
    _v18 = -_v17
    _v19 = nu + _v6 + _v18
    return (_v19,)


def nu_minus_var_gradient(mu, omega, nu, tau, alpha, lambda_):
    """``(F, dF/dmu, dF/domega, dF/dnu, dF/dtau)`` for the goal 'nu-var'; F as in
        nu_minus_var_value, the derivatives by sympy.diff.

    """
    _k0, _k1, = _constants()
    _t0 = _rt.square(lambda_)  # square(lambda)
    _t1 = mu * omega  # mu*omega
    _t2 = nu * tau  # nu*tau
    _t3 = _rt.block(_blk_Ppos, _t1, _t2)  # Ppos(_t1, _t2)
    _t4 = _rt.block(_blk_phi0, _t1, _t2)  # phi0(_t1, _t2)
    _t5 = _t2 * _t4  # _t2*_t4
    _v0 = _t1 * _t3  # _t1*_t3
    _v1 = _rt.block(_blk_Rexp1, _t1, _t2)  # Rexp1(_t1, _t2)
    _v2 = alpha * _v1  # alpha*Rexp1(_t1, _t2)
    _t6 = _t5 + _v0 + _v2  # _t1*_t3 + _t5 + alpha*Rexp1(_t1, _t2)
    _t7 = _rt.square(alpha)  # square(alpha)
    _t8 = _rt.square(mu)  # square(mu)
    _t9 = _rt.square(omega)  # square(omega)
    _t10 = _t8 * _t9  # _t8*_t9
    _t11 = _t10 + _t2  # _t10 + _t2
    _t12 = 2 * _t3  # 2*_t3
    _t13 = _t12 * omega  # _t12*omega
    _t14 = _rt.block(_blk_Qexp1, _t1, _t2)  # Qexp1(_t1, _t2)
    _t15 = 2 * _t14  # 2*_t14
    _t16 = _t15 * alpha  # _t15*alpha
    _t17 = _t0 * _t6  # _t0*_t6
    _t18 = _t12 * mu  # _t12*mu
    _t19 = _t11 * _t4  # _t11*_t4
    _v3 = _rt.block(_blk_Qexp2, _t1, _t2)  # Qexp2(_t1, _t2)
    _t20 = (-2) * _v3  # -2*Qexp2(_t1, _t2)
    _v4 = -_t15  # -_t15
    _v5 = -_t20  # -_t20
    _v6 = _v4 + _v5  # -_t15 - _t20
    _t21 = _t7 * _v6  # _t7*(-_t15 - _t20)
    _t22 = _t1 * _t4  # _t1*_t4
    _t23 = _t22 * tau  # _t22*tau
    _v7 = -_t14  # -_t14
    _v8 = _v7 + _v5  # -_t14 - _t20
    _t24 = _t7 * _v8  # _t7*(-_t14 - _t20)
    _t25 = 1 / nu  # 1/nu
    _t26 = _k0 * _t4  # _t4/2
    _t27 = _t1 * _t11 * _t26  # _t1*_t11*_t26
    _t28 = _t22 * nu  # _t22*nu
    _t29 = 1 / tau  # 1/tau
    _v9 = _k1 * _t25 * _t29  # -_t25*_t29/2
    _v10 = _rt.ipow(nu, 2)  # nu**2
    _v11 = _rt.ipow(tau, 2)  # tau**2
    _v12 = _k0 * _t8 * _t9 / (_v10 * _v11)  # _t8*_t9/(2*nu**2*tau**2)
    _t30 = _v9 + _v12  # -_t25*_t29/2 + _t8*_t9/(2*nu**2*tau**2)
    _v13 = _rt.square(tau)  # square(tau)
    _t31 = _t30 * _v13  # _t30*square(tau)
    _t32 = 2 * _t4  # 2*_t4
    _t33 = _t32 * tau  # _t32*tau
    _t34 = _t10 * _t4  # _t10*_t4
    _v14 = _k0 * _t14  # _t14/2
    _v15 = -_t26  # -_t26
    _v16 = _v14 + _v15  # _t14/2 - _t26
    _t35 = 2 * alpha * _v16  # 2*alpha*(_t14/2 - _t26)
    _t36 = _t32 * nu  # _t32*nu
    _v17 = _rt.square(nu)  # square(nu)
    _t37 = _t30 * _v17  # _t30*square(nu)
    _v18 = _rt.square(_t6)  # square(_t6)
    _v19 = _t0 * _v18  # _t0*square(_t6)
    _v20 = _t1 * _t5  # _t1*_t5
    _v21 = _t11 * _t3  # _t11*_t3
    _v22 = _rt.block(_blk_Rexp2, _t1, _t2)  # Rexp2(_t1, _t2)
    _v23 = _t7 * _v22  # _t7*Rexp2(_t1, _t2)
    _v24 = _v20 + _v21 + _v23  # _t1*_t5 + _t11*_t3 + _t7*Rexp2(_t1, _t2)
    _v25 = _t0 * _v24  # _t0*(_t1*_t5 + _t11*_t3 + _t7*Rexp2(_t1, _t2))
    _v26 = -_v25  # -_t0*(_t1*_t5 + _t11*_t3 + _t7*Rexp2(_t1, _t2))
    _v27 = nu + _v19 + _v26  # -_t0*(_t1*_t5 + _t11*_t3 + _t7*Rexp2(_t1, _t2)) + _t0*square(_t6) + nu
    _v28 = _t16 * omega  # _t16*omega
    _v29 = _t13 + _v28  # _t13 + _t16*omega
    _v30 = _t17 * _v29  # _t17*(_t13 + _t16*omega)
    _v31 = _t18 * _t9  # _t18*_t9
    _v32 = _t19 * omega  # _t19*omega
    _v33 = _t21 * omega  # _t21*omega
    _v34 = _t5 * omega  # _t5*omega
    _v35 = _rt.ipow(omega, 3)  # omega**3
    _v36 = _t4 * _t8 * _v35  # _t4*_t8*omega**3
    _v37 = -_v36  # -_t4*_t8*omega**3
    _v38 = _v31 + _v32 + _v33 + _v34 + _v37  # _t18*_t9 + _t19*omega + _t21*omega - _t4*_t8*omega**3 + _t5*omega
    _v39 = _t0 * _v38  # _t0*(_t18*_t9 + _t19*omega + _t21*omega - _t4*_t8*omega**3 + _t5*omega)
    _v40 = -_v39  # -_t0*(_t18*_t9 + _t19*omega + _t21*omega - _t4*_t8*omega**3 + _t5*omega)
    _v41 = _v30 + _v40
    _v42 = _t16 * mu  # _t16*mu
    _v43 = _t18 + _v42  # _t16*mu + _t18
    _v44 = _t17 * _v43  # _t17*(_t16*mu + _t18)
    _v45 = _t13 * _t8  # _t13*_t8
    _v46 = _t19 * mu  # _t19*mu
    _v47 = _t21 * mu  # _t21*mu
    _v48 = _t5 * mu  # _t5*mu
    _v49 = _rt.ipow(mu, 3)  # mu**3
    _v50 = _t4 * _t9 * _v49  # _t4*_t9*mu**3
    _v51 = -_v50  # -_t4*_t9*mu**3
    _v52 = _v45 + _v46 + _v47 + _v48 + _v51  # _t13*_t8 + _t19*mu + _t21*mu - _t4*_t9*mu**3 + _t5*mu
    _v53 = _t0 * _v52  # _t0*(_t13*_t8 + _t19*mu + _t21*mu - _t4*_t9*mu**3 + _t5*mu)
    _v54 = -_v53  # -_t0*(_t13*_t8 + _t19*mu + _t21*mu - _t4*_t9*mu**3 + _t5*mu)
    _v55 = _v44 + _v54
    _v56 = _t31 * _t36  # _t31*_t36
    _v57 = _t35 * tau  # _t35*tau
    _v58 = _t25 * _t34  # _t25*_t34
    _v59 = -_v58  # -_t25*_t34
    _v60 = _t33 + _v56 + _v57 + _v59  # -_t25*_t34 + _t31*_t36 + _t33 + _t35*tau
    _v61 = _t17 * _v60  # _t17*(-_t25*_t34 + _t31*_t36 + _t33 + _t35*tau)
    _v62 = _t24 * tau  # _t24*tau
    _v63 = _t28 * _t31  # _t28*_t31
    _v64 = _t3 * tau  # _t3*tau
    _v65 = _t25 * _t27  # _t25*_t27
    _v66 = -_v65  # -_t25*_t27
    _v67 = _t23 + _v62 + _v63 + _v64 + _v66  # _t23 + _t24*tau - _t25*_t27 + _t28*_t31 + _t3*tau
    _v68 = _t0 * _v67  # _t0*(_t23 + _t24*tau - _t25*_t27 + _t28*_t31 + _t3*tau)
    _v69 = -_v68  # -_t0*(_t23 + _t24*tau - _t25*_t27 + _t28*_t31 + _t3*tau)
    _v70 = 1 + _v61 + _v69
    _v71 = _t33 * _t37  # _t33*_t37
    _v72 = _t35 * nu  # _t35*nu
    _v73 = _t29 * _t34  # _t29*_t34
    _v74 = -_v73  # -_t29*_t34
    _v75 = _t36 + _v71 + _v72 + _v74  # -_t29*_t34 + _t33*_t37 + _t35*nu + _t36
    _v76 = _t17 * _v75  # _t17*(-_t29*_t34 + _t33*_t37 + _t35*nu + _t36)
    _v77 = _t23 * _t37  # _t23*_t37
    _v78 = _t24 * nu  # _t24*nu
    _v79 = _t3 * nu  # _t3*nu
    _v80 = _t27 * _t29  # _t27*_t29
    _v81 = -_v80  # -_t27*_t29
    _v82 = _t28 + _v77 + _v78 + _v79 + _v81  # _t23*_t37 + _t24*nu - _t27*_t29 + _t28 + _t3*nu
    _v83 = _t0 * _v82  # _t0*(_t23*_t37 + _t24*nu - _t27*_t29 + _t28 + _t3*nu)
    _v84 = -_v83  # -_t0*(_t23*_t37 + _t24*nu - _t27*_t29 + _t28 + _t3*nu)
    _v85 = _v76 + _v84
    return (_v27, _v41, _v55, _v70, _v85,)


def chi1_value(mu, omega, nu, tau, alpha, lambda_):
    """``(F,)`` for the goal 'chi1' on balls (blocks enclosed by arb_runtime.block).

    F = lambda**2*tau*(alpha**2*Qexp2(mu*omega, nu*tau) + Ppos(mu*omega, nu*tau))
    """
    _t0 = mu * omega  # mu*omega
    _t1 = nu * tau  # nu*tau
    _v0 = _rt.block(_blk_Qexp2, _t0, _t1)  # Qexp2(_t0, _t1)
    _v1 = _rt.square(alpha)  # square(alpha)
    _v2 = _v0 * _v1  # Qexp2(_t0, _t1)*square(alpha)
    _v3 = _rt.block(_blk_Ppos, _t0, _t1)  # Ppos(_t0, _t1)
    _v4 = _v2 + _v3  # Ppos(_t0, _t1) + Qexp2(_t0, _t1)*square(alpha)
    _v5 = _rt.square(lambda_)  # square(lambda)
    _v6 = tau * _v4 * _v5  # tau*(Ppos(_t0, _t1) + Qexp2(_t0, _t1)*square(alpha))*square(lambda)
    return (_v6,)


def chi1_gradient(mu, omega, nu, tau, alpha, lambda_):
    """``(F, dF/dmu, dF/domega, dF/dnu, dF/dtau)`` for the goal 'chi1'; F as in chi1_value, the
        derivatives by sympy.diff.

    """
    _k0, _k1, = _constants()
    _t0 = _rt.square(lambda_)  # square(lambda)
    _t1 = mu * omega  # mu*omega
    _t2 = nu * tau  # nu*tau
    _t3 = _rt.square(alpha)  # square(alpha)
    _t4 = _rt.block(_blk_Qexp2, _t1, _t2)  # Qexp2(_t1, _t2)
    _v0 = _t3 * _t4  # _t3*_t4
    _v1 = _rt.block(_blk_Ppos, _t1, _t2)  # Ppos(_t1, _t2)
    _v2 = _v0 + _v1  # _t3*_t4 + Ppos(_t1, _t2)
    _t5 = _t0 * _v2  # _t0*(_t3*_t4 + Ppos(_t1, _t2))
    _t6 = _rt.block(_blk_phi0, _t1, _t2)  # phi0(_t1, _t2)
    _v3 = -_t6  # -_t6
    _v4 = 2 * _t4  # 2*_t4
    _t7 = _v3 + _v4  # 2*_t4 - _t6
    _t8 = _t3 * _t7  # _t3*_t7
    _t9 = _t0 * tau  # _t0*tau
    _t10 = _k0 * _t1 * _t6  # _t1*_t6/2
    _t11 = _t10 / (nu)  # _t10/nu
    _t12 = 1 / tau  # 1/tau
    _v5 = _t11 * _t12  # _t11*_t12
    _t13 = _t7 + _v5  # _t11*_t12 + _t7
    _v6 = _t5 * tau  # _t5*tau
    _v7 = _t6 * omega  # _t6*omega
    _v8 = _t8 * omega  # _t8*omega
    _v9 = _v7 + _v8  # _t6*omega + _t8*omega
    _v10 = _t9 * _v9  # _t9*(_t6*omega + _t8*omega)
    _v11 = _t6 * mu  # _t6*mu
    _v12 = _t8 * mu  # _t8*mu
    _v13 = _v11 + _v12  # _t6*mu + _t8*mu
    _v14 = _t9 * _v13  # _t9*(_t6*mu + _t8*mu)
    _v15 = -_t11  # -_t11
    _v16 = _t13 * _t3 * tau  # _t13*_t3*tau
    _v17 = _v15 + _v16  # -_t11 + _t13*_t3*tau
    _v18 = _t9 * _v17  # _t9*(-_t11 + _t13*_t3*tau)
    _v19 = _t10 * _t12  # _t10*_t12
    _v20 = -_v19  # -_t10*_t12
    _v21 = _t13 * _t3 * nu  # _t13*_t3*nu
    _v22 = _v20 + _v21  # -_t10*_t12 + _t13*_t3*nu
    _v23 = _t9 * _v22  # _t9*(-_t10*_t12 + _t13*_t3*nu)
    _v24 = _t5 + _v23  # _t5 + _t9*(-_t10*_t12 + _t13*_t3*nu)
    return (_v6, _v10, _v14, _v18, _v24,)


FUNCTIONS = {
    'S(H)': (S_H_value, S_H_gradient),
    'S(J)': (S_J_value, S_J_gradient),
    'mean': (mean_value, mean_gradient),
    'var': (var_value, var_gradient),
    'var-nu': (var_minus_nu_value, var_minus_nu_gradient),
    'nu-var': (nu_minus_var_value, nu_minus_var_gradient),
    'chi1': (chi1_value, chi1_gradient),
}
