"""The closed forms of alpha_01 and lambda_01, in balls.

GENERATED, DO NOT EDIT: written by `python -m selu_proof.derive.regenerate`
(printer selu_proof.derive.codegen, target arb) from selu_proof.derive.symbolic.alpha01 and lambda01.
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
        _k0 = _rt.sqrt_nonneg(2)  # sqrt_nonneg(2)
        _k1 = _arb.pi()  # pi
        _k2 = _rt.sqrt_nonneg(_k1)  # sqrt_nonneg(pi)
        _k3 = _arb(1) / 2  # 1/2
        _k4 = _rt.exp(_k3)  # exp(1/2)
        _k5 = 2 * _k1  # 2*pi
        _k6 = 4 + _k5  # 4 + 2*pi
        _k7 = _rt.exp(2)  # exp(2)
        _k8 = _rt.exp(1)  # E
        k = _constants_cache[_rt.ctx.prec] = (_k0, _k1, _k2, _k3, _k4, _k5, _k6, _k7, _k8, )
    return k


_constants_cache = {}


def selu_constants():
    """``(alpha_01, lambda_01)`` from their closed forms (paper Eq. (8)-(9)).

    alpha_01 = -sqrt(2)/(sqrt(pi)*(-1 + exp(1/2)*erfc(sqrt(2)/2)))
    lambda_01 = sqrt(2)*sqrt(pi)*(-exp(1/2)*erfc(sqrt(2)/2) + 1)/sqrt(-(4 +
        2*pi)*exp(1/2)*erfc(sqrt(2)/2) + 2*exp(2)*erfc(sqrt(2)) + E*pi*erfc(sqrt(2)/2)**2 + 2 +
        pi)
    """
    _k0, _k1, _k2, _k3, _k4, _k5, _k6, _k7, _k8, = _constants()
    _t0 = _k0  # sqrt_nonneg(2)
    _t1 = _k2  # sqrt_nonneg(pi)
    _v0 = _k3 * _t0  # _t0/2
    _t2 = _rt.erfc(_v0)  # erfc(_t0/2)
    _t3 = _t2 * _k4  # _t2*exp(1/2)
    _t4 = (-1) + _t3  # _t3 - 1
    _v1 = _t0 / (_t1 * _t4)  # _t0/(_t1*_t4)
    _v2 = -_v1  # -_t0/(_t1*_t4)
    _v3 = _t3 * _k6  # _t3*(4 + 2*pi)
    _v4 = -_v3  # -_t3*(4 + 2*pi)
    _v5 = _rt.erfc(_t0)  # erfc(_t0)
    _v6 = 2 * _v5 * _k7  # 2*exp(2)*erfc(_t0)
    _v7 = _rt.ipow(_t2, 2)  # _t2**2
    _v8 = _k8 * _k1 * _v7  # E*pi*_t2**2
    _v9 = 2 + _k1 + _v4 + _v6 + _v8  # E*pi*_t2**2 - _t3*(4 + 2*pi) + 2*exp(2)*erfc(_t0) + 2 + pi
    _v10 = _rt.sqrt(_v9)  # sqrt(E*pi*_t2**2 - _t3*(4 + 2*pi) + 2*exp(2)*erfc(_t0) + 2 + pi)
    _v11 = _t0 * _t1 * _t4 / (_v10)
    _v12 = -_v11
    return (_v2, _v12,)


FUNCTIONS = {
    'selu_constants': selu_constants,
}
