"""The monitor on Normalized and Transformed modules: each layer against its activation's
certified fixed point and chi1, checked against independent mpmath values."""

from __future__ import annotations

import warnings

import mpmath
import pytest

torch = pytest.importorskip("torch")
nn = torch.nn

from selu_proof.kernel.quadrature import work_done  # noqa: E402
from selu_proof.torch import (  # noqa: E402
    SELU,
    AlphaDropout,
    Normalized,
    SelfNormalizationMonitor,
    SelfNormalizationWarning,
    Transformed,
    selu_normal_,
)

WIDTH, BATCH = 32, 256


def _chain(acts, seed=0, bias=False):
    """``Linear, act`` per entry of ``acts``, weights ``N(0, 1/WIDTH)``, run forward and
    backward once under a monitor."""
    torch.manual_seed(seed)
    layers = []
    for act in acts:
        lin = nn.Linear(WIDTH, WIDTH, bias=bias)
        nn.init.normal_(lin.weight, std=WIDTH ** -0.5)
        layers += [lin, act]
    return nn.Sequential(*layers)


def _run(net, mon, seed=1):
    torch.manual_seed(seed)
    net(torch.randn(BATCH, WIDTH)).pow(2).mean().backward()
    return mon


def _gauss(h, a, v):
    """``E h(z)``, ``z ~ N(a, v)``, by mpmath quadrature (30 digits)."""
    with mpmath.workdps(30):
        a, v = mpmath.mpf(a), mpmath.mpf(v)
        dens = lambda x: mpmath.exp(-(x - a) ** 2 / (2 * v)) / mpmath.sqrt(2 * mpmath.pi * v)  # noqa: E731
        return mpmath.quad(lambda x: h(x) * dens(x), [-mpmath.inf, a, mpmath.inf])


def _mp_chi1(fprime, row):
    """``tau*E[F'(z)^2]``, ``z ~ N(mu*omega, nu*tau)``, at the row's measured numbers."""
    mu, nu = row["input_mean"], row["input_var"]
    om, ta = row["omega"]["mean"], row["tau"]["mean"]
    with mpmath.workdps(30):
        a, v = mpmath.mpf(mu) * mpmath.mpf(om), mpmath.mpf(nu) * mpmath.mpf(ta)
        return mpmath.mpf(ta) * _gauss(lambda x: fprime(x) ** 2, a, v)


def _sech2(x):
    return mpmath.sech(x) ** 2


def _check_gradient_rows(rows, grads, fprime, spec):
    assert len(grads) == len(rows)
    for row, g in zip(rows, grads, strict=True):
        assert g["activation_spec"] == spec
        lo, hi = g["chi1"]
        ref = _mp_chi1(fprime, row)
        assert lo <= ref <= hi, (lo, ref, hi)
        assert 0 < hi - lo < 2e-3 * ref  # a cell of relative width 2**-12 or 2**-11
        a = row["input_mean"] * row["omega"]["mean"]
        v = row["input_var"] * row["tau"]["mean"]
        cell = g["chi1_over"]
        assert cell["a"][0] <= a <= cell["a"][1] and cell["v"][0] <= v <= cell["v"][1]
        assert g["expected_ratio"] == g["chi1"]  # width ratio 1, no dropout
        assert g["ratio"] is None or g["ratio"] > 0


def test_normalized_tanh_layers_against_the_fixed_point_and_chi1():
    acts = [Normalized("tanh") for _ in range(3)]
    net = _chain(acts)
    mon = _run(net, SelfNormalizationMonitor(net))
    rows = mon.report()
    assert [r["layer"] for r in rows] == ["0", "2", "4"]
    assert [r["activation"] for r in rows] == ["1", "3", "5"]
    for r in rows:
        assert r["activation_spec"] == "tanh"
        assert r["design"] == acts[0].design()
        fp = r["fixed_point"]
        assert (fp["status"], fp["mean"], fp["var"]) == ("exact (normalized)", ["0", "0"],
                                                          ["1", "1"])
        assert (fp["omega"], fp["tau"]) == ("0", "1")
        assert not r["theorem1_constants"] and not r["in_theorem1_domain"]
        assert abs(r["input_var"] - 1) < 0.2 and abs(r["var"] - 1) < 0.2
    s = acts[0].scale
    _check_gradient_rows(rows, mon.gradients(), lambda x: s * _sech2(x), "tanh")
    assert all(line.endswith("-") for line in mon.table().splitlines()[1:])


def test_transformed_dks_tanh_layers_against_the_fixed_point_and_chi1():
    act = Transformed("tanh", method="dks", depth=20)
    net = _chain([act] * 3)
    mon = _run(net, SelfNormalizationMonitor(net))
    rows = mon.report()
    assert len(rows) == 3 and all(r["activation"] == "1" for r in rows)  # one shared module
    al, b, o, s = act.input_scale, act.input_shift, act.output_shift, act.output_scale
    for r in rows:
        assert r["activation_spec"] == "tanh" and r["design"]["method"] == "dks"
        fp = r["fixed_point"]
        assert (fp["status"], fp["mean"], fp["var"]) == ("exact (DKS)", ["0", "0"], ["1", "1"])
    # the construction the exact status rests on, checked independently on the module's
    # floats: f^ maps N(0, 1) to mean 0 and second moment 1
    fhat = lambda x: s * (mpmath.tanh(al * x + b) + o)  # noqa: E731
    assert abs(_gauss(fhat, 0, 1)) < 1e-12
    assert abs(_gauss(lambda x: fhat(x) ** 2, 0, 1) - 1) < 1e-12
    _check_gradient_rows(rows, mon.gradients(), lambda x: s * al * _sech2(al * x + b), "tanh")


def test_gpn_fixed_point_is_certified_by_krawczyk_and_contains_the_mpmath_root():
    act = Normalized("tanh", "gpn")
    net = _chain([act])
    mon = _run(net, SelfNormalizationMonitor(net))
    (row,) = mon.report()
    fp = row["fixed_point"]
    assert fp["status"] == "unique"
    g, c = act.scale, act.shift
    f = lambda x: g * (mpmath.tanh(x) + c)  # noqa: E731
    with mpmath.workdps(30):  # omega = 0: nu* = Var F(z), z ~ N(0, nu*); mu* = E F(z)
        def var_map(nu):
            m1 = _gauss(f, 0, nu)
            return _gauss(lambda x: f(x) ** 2, 0, nu) - m1 * m1 - nu
        nu = mpmath.findroot(var_map, 0.7)
        mu = _gauss(f, 0, nu)
    for name, ref in (("mean", mu), ("var", nu)):
        lo, hi = (mpmath.mpf(t) for t in fp[name])
        assert lo <= ref <= hi and hi - lo < 1e-8, (name, fp[name], ref)


def test_selu_rows_in_a_mixed_model_are_those_of_selu_alone():
    torch.manual_seed(0)
    norm = Normalized("tanh")

    class Unwatched(nn.Module):
        """The same function as ``norm``, not a module the monitor knows."""

        def __init__(self):
            super().__init__()
            object.__setattr__(self, "fn", norm)  # not registered as a submodule

        def forward(self, x):
            return self.fn(x)

    def build(second):
        torch.manual_seed(0)
        net = nn.Sequential(nn.Linear(WIDTH, WIDTH), SELU(), nn.Linear(WIDTH, WIDTH), second,
                            nn.Linear(WIDTH, WIDTH), nn.SELU(), AlphaDropout(0.1))
        for m in net:
            if isinstance(m, nn.Linear):
                selu_normal_(m.weight)
        return net

    def observe(net):
        mon = SelfNormalizationMonitor(net)
        net.train()
        torch.manual_seed(1)
        net(torch.randn(BATCH, WIDTH)).pow(2).mean().backward()
        return mon.report(), mon.gradients()

    mixed_rows, mixed_grads = observe(build(norm))
    alone_rows, alone_grads = observe(build(Unwatched()))
    assert [r["layer"] for r in mixed_rows] == ["0", "2", "4"]
    assert [r["layer"] for r in alone_rows] == ["0", "4"]
    assert mixed_rows[1]["activation_spec"] == "tanh" and "chi1_over" in mixed_grads[1]

    def without_index(rows):
        return [{k: v for k, v in r.items() if k != "index"} for r in rows]

    selu = [0, 2]
    assert without_index([mixed_rows[i] for i in selu]) == without_index(alone_rows)
    assert without_index([mixed_grads[i] for i in selu]) == without_index(alone_grads)
    assert all(set(mixed_rows[i]) == set(alone_rows[0]) for i in selu)
    assert alone_grads[1]["dropout_factor"] is not None  # the SELU dropout factor, as before


def test_quadrature_runs_only_in_gradients_and_is_cached():
    act = Normalized("silu")  # an activation no other test uses: nothing cached before
    net = _chain([act, act])
    before = work_done()["integrations"]
    mon = _run(net, SelfNormalizationMonitor(net))
    _run(net, mon, seed=2)
    rows = mon.report()  # affine at omega = 0, tau = 1: the fixed point (0, 1) is exact
    assert work_done()["integrations"] == before
    grads = mon.gradients(rows)
    after = work_done()["integrations"]
    assert after > before and all(g["chi1"] is not None for g in grads)
    assert mon.gradients(rows) == grads and work_done()["integrations"] == after


def test_pairs_by_tracing_and_warnings_name_the_module():
    act = Normalized("tanh")
    net = _chain([act])
    mon = SelfNormalizationMonitor(net, start=False)
    assert mon.pairs == [("0", net[0], act)]

    class Residual(nn.Module):
        def __init__(self):
            super().__init__()
            self.lin, self.act, self.drop = nn.Linear(8, 8), Normalized("tanh"), AlphaDropout(0.1)

        def forward(self, x):
            return self.drop(self.act(self.lin(x))) + self.act(x + 1)

    res = Residual()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with SelfNormalizationMonitor(res) as m2:
            res(torch.randn(4, 8))
    text = [str(w.message) for w in caught if w.category is SelfNormalizationWarning]
    assert any("the input of Normalized 'act' was not produced" in t for t in text)
    assert any("dropout 'drop' follows Normalized 'act' (tanh)" in t for t in text)
    (row,) = m2.report()
    assert row["activation_spec"] == "tanh"


def test_transformed_tat_leaky_relu_chi1_and_its_kernel_note():
    act = Transformed("leaky_relu", "tat", depth=20, eta="0.9")
    net = _chain([act, act])
    mon = _run(net, SelfNormalizationMonitor(net))
    rows, grads = mon.report(), mon.gradients()
    s, S = act.negative_slope, act.output_scale
    for row, g in zip(rows, grads, strict=True):
        assert row["activation_spec"] == "leaky_relu" and g["activation_spec"] == "leaky_relu"
        assert row["fixed_point"]["status"] == "unknown"  # homogeneous: only nu = 0 is fixed
        assert "q* = 1" in row["fixed_point"]["how"]
        with mpmath.workdps(30):  # E F'^2 = S^2 (P(z > 0) + s^2 P(z < 0)), closed form
            a = mpmath.mpf(row["input_mean"]) * mpmath.mpf(row["omega"]["mean"])
            v = mpmath.mpf(row["input_var"]) * mpmath.mpf(row["tau"]["mean"])
            up = mpmath.ncdf(a / mpmath.sqrt(v))
            ref = mpmath.mpf(row["tau"]["mean"]) * mpmath.mpf(S) ** 2 * (
                up + mpmath.mpf(s) ** 2 * (1 - up))
        lo, hi = g["chi1"]
        assert lo <= ref <= hi and hi - lo < 2e-3 * ref, (lo, ref, hi)
