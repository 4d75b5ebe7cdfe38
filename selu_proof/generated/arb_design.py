"""Design system of selu_proof.fixedpoint for arb.

GENERATED, DO NOT EDIT: written by `python -m selu_proof.derive.regenerate`
(printer selu_proof.derive.codegen, target arb) from selu_proof.derive.regenerate.design_expressions.
tests/test_generated.py regenerates it and requires identical bytes.
"""

# ruff: noqa
from __future__ import annotations

from flint import arb as _arb

from selu_proof.kernel import arb_runtime as _rt


from selu_proof.generated import arb_blocks as _blocks

_blk_Ppos = _blocks.FUNCTIONS["Ppos"]
_blk_Rexp1 = _blocks.FUNCTIONS["Rexp1"]
_blk_Rexp2 = _blocks.FUNCTIONS["Rexp2"]
_blk_phi0 = _blocks.FUNCTIONS["phi0"]


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
    _t0 = _rt.block(_blk_Ppos, a, v)  # Ppos(a, v)
    _t1 = _rt.block(_blk_Rexp1, a, v)  # Rexp1(a, v)
    _v0 = _rt.block(_blk_phi0, a, v)  # phi0(a, v)
    _t2 = v * _v0  # v*phi0(a, v)
    _v1 = _t0 * a  # _t0*a
    _v2 = _t1 * alpha  # _t1*alpha
    _t3 = _t2 + _v1 + _v2  # _t0*a + _t1*alpha + _t2
    _t4 = _rt.square(lambda_)  # square(lambda)
    _t5 = _rt.square(_t3)  # square(_t3)
    _t6 = _rt.block(_blk_Rexp2, a, v)  # Rexp2(a, v)
    _v3 = _rt.square(a)  # square(a)
    _v4 = v + _v3  # v + square(a)
    _v5 = _t0 * _v4  # _t0*(v + square(a))
    _v6 = _t2 * a  # _t2*a
    _v7 = _rt.square(alpha)  # square(alpha)
    _v8 = _t6 * _v7  # _t6*square(alpha)
    _t7 = _v5 + _v6 + _v8  # _t0*(v + square(a)) + _t2*a + _t6*square(alpha)
    _t8 = 2 * _t4  # 2*_t4
    _t9 = 2 * lambda_  # 2*lambda
    _v9 = _t3 * lambda_  # _t3*lambda
    _v10 = _t4 * _t7  # _t4*_t7
    _v11 = _t4 * _t5  # _t4*_t5
    _v12 = -_v11  # -_t4*_t5
    _v13 = _v10 + _v12  # -_t4*_t5 + _t4*_t7
    _v14 = _t1 * lambda_  # _t1*lambda
    _v15 = _t6 * _t8 * alpha  # _t6*_t8*alpha
    _v16 = _t1 * _t3 * _t8  # _t1*_t3*_t8
    _v17 = -_v16  # -_t1*_t3*_t8
    _v18 = _v15 + _v17  # -_t1*_t3*_t8 + _t6*_t8*alpha
    _v19 = _t7 * _t9  # _t7*_t9
    _v20 = _t5 * _t9  # _t5*_t9
    _v21 = -_v20  # -_t5*_t9
    _v22 = _v19 + _v21  # -_t5*_t9 + _t7*_t9
    return (_v9, _v13, _v14, _t3, _v18, _v22,)


FUNCTIONS = {
    'design_system': design_system,
}
