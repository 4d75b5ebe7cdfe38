"""selu_proof.torch: the monitor by data flow, its gradient view, constants in state_dict,
FeatureAlphaDropout, inplace SELU, and the modules under jit, compile and deepcopy."""

from __future__ import annotations

import copy
import io
import math
import re
import warnings
from pathlib import Path

import numpy as np
import pytest

torch = pytest.importorskip("torch")
F = torch.nn.functional
nn = torch.nn

from selu_proof.torch import (  # noqa: E402
    SELU,
    AlphaDropout,
    FeatureAlphaDropout,
    SelfNormalizationMonitor,
    SelfNormalizationWarning,
    lecun_normal_,
    selu_normal_,
)
from selu_proof.torch.statistics import FLOAT_BOX, THEOREM1_BOX  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


class SharedAct(nn.Module):
    """A ModuleList of Linears with one shared SELU module (torch.nn.SELU by default)."""

    def __init__(self, width=16, depth=4, act=None):
        super().__init__()
        self.layers = nn.ModuleList([nn.Linear(width, width) for _ in range(depth)])
        self.act = nn.SELU() if act is None else act
        self.head = nn.Linear(width, 2)

    def forward(self, x):
        for layer in self.layers:
            x = self.act(layer(x))
        return self.head(x)


class Functional(nn.Module):
    def __init__(self, width=16, depth=3):
        super().__init__()
        self.layers = nn.ModuleList([nn.Linear(width, width) for _ in range(depth)])

    def forward(self, x):
        for layer in self.layers:
            x = F.selu(layer(x))
        return x


class Mixed(SharedAct):
    """The shared SELU module after layers 0-2, ``F.selu`` after layer 3."""

    def forward(self, x):
        for layer in self.layers[:-1]:
            x = self.act(layer(x))
        return self.head(F.selu(self.layers[-1](x)))


def untraceable(cls):
    """``cls`` with a data-dependent ``if`` in ``forward``: torch.fx cannot trace it."""

    class Untraceable(cls):
        def forward(self, x):
            if x.sum() > 1e9:
                return x
            return super().forward(x)

    return Untraceable


class WrappedSELU(nn.SELU):
    """A SELU module whose forward calls a SELU module of its own and returns a copy."""

    def __init__(self):
        super().__init__()
        self.inner = nn.SELU()

    def forward(self, x):
        return self.inner(x).clone()


class Reordered(nn.Module):
    """Registered l1, l2, act; used as act(l2(act(l1(x))))."""

    def __init__(self, width=16):
        super().__init__()
        self.l1, self.l2, self.act = nn.Linear(width, width), nn.Linear(width, width), SELU()

    def forward(self, x):
        return self.act(self.l2(self.act(self.l1(x))))


FOUR = ["layers.0", "layers.1", "layers.2", "layers.3"]
MIXED = ["act", "act", "act", "F.selu"]


@pytest.mark.parametrize("model,layers,acts", [
    (SharedAct(), FOUR, ["act"] * 4),
    (SharedAct(act=SELU()), FOUR, ["act"] * 4),
    (untraceable(SharedAct)(), FOUR, ["act"] * 4),
    (untraceable(SharedAct)(act=SELU()), FOUR, ["act"] * 4),
    (Mixed(), FOUR, MIXED),
    (Mixed(act=SELU()), FOUR, MIXED),
    (Mixed(act=nn.SELU(inplace=True)), FOUR, MIXED),
    (Mixed(act=WrappedSELU()), FOUR, MIXED),
    (untraceable(Mixed)(), FOUR, MIXED),
    (untraceable(Mixed)(act=WrappedSELU()), FOUR, MIXED),
    (Functional(), ["layers.0", "layers.1", "layers.2"], ["F.selu"] * 3),
    (Reordered(), ["l1", "l2"], ["act", "act"]),
], ids=["shared nn.SELU", "shared SELU", "untraceable, nn.SELU", "untraceable, SELU",
        "nn.SELU and F.selu", "SELU and F.selu", "inplace nn.SELU and F.selu",
        "nested SELU modules and F.selu", "untraceable, nn.SELU and F.selu",
        "untraceable, nested and F.selu", "F.selu", "reordered"])
def test_monitor_follows_the_data_flow(model, layers, acts):
    """Each SELU call is attributed to the module that produced its input, layer by layer:
    one row per call, whichever way it is reached (``torch.nn.SELU``'s forward calls
    ``F.selu``: that call is the module's, also when ``F.selu`` is watched)."""
    torch.manual_seed(0)
    x = torch.randn(64, 16)
    mon = SelfNormalizationMonitor(model)  # records from construction
    model(x)
    if "Untraceable" in type(model).__name__:  # the first pass decides what is watched
        assert not mon._static and [r["layer"] for r in mon.report()] == layers
        model(x)
    rows = mon.report()
    assert [r["layer"] for r in rows] == layers
    assert [r["activation"] for r in rows] == acts
    assert [p[1] for p in mon.pairs] == [model.get_submodule(n) for n in layers]
    # the numbers are those of the producing module and its own input
    h = x
    with torch.no_grad():
        for r, name in zip(rows, layers):
            lin = model.get_submodule(name)
            w = lin.weight.double()
            assert r["omega"]["max"] == float(w.sum(1).max())
            assert r["input_mean"] == pytest.approx(float(h.double().mean()), rel=1e-9, abs=1e-12)
            h = F.selu(lin(h))
            assert r["var"] == pytest.approx(float(h.double().var(unbiased=False)), rel=1e-6)
    mon.close()
    assert all(not m._forward_hooks and not m._forward_pre_hooks for m in model.modules())


def test_one_linear_repeated_in_a_module_list_is_one_layer_called_three_times():
    """``nn.ModuleList([nn.Linear(...)] * 3)`` holds one module: three rows named
    ``layers.0``, each with the input of its own call."""
    torch.manual_seed(4)
    lin = nn.Linear(16, 16)
    net = SharedAct()
    net.layers = nn.ModuleList([lin] * 3)
    mon = SelfNormalizationMonitor(net)
    x = torch.randn(32, 16)
    net(x)
    rows = mon.report()
    assert [r["layer"] for r in rows] == ["layers.0"] * 3
    h = x
    with torch.no_grad():
        for r in rows:
            assert r["input_mean"] == pytest.approx(float(h.double().mean()), rel=1e-9)
            h = F.selu(lin(h))
    assert len({r["omega"]["max"] for r in rows}) == 1


def test_reported_weights_are_those_of_the_pass_not_after_the_optimizer_step():
    torch.manual_seed(3)
    net = nn.Sequential(nn.Linear(8, 8), SELU(), nn.Linear(8, 8), SELU())
    opt = torch.optim.SGD(net.parameters(), lr=0.5)
    mon = SelfNormalizationMonitor(net)
    for _ in range(3):  # the copies are reused from pass to pass
        def stats():
            return [(float(net[k].weight.detach().double().sum(1).max()),
                     float((net[k].weight.detach().double() ** 2).sum(1).min()))
                    for k in (0, 2)]
        before = stats()
        opt.zero_grad()
        net(torch.randn(16, 8)).pow(2).sum().backward()
        opt.step()
        got = [(r["omega"]["max"], r["tau"]["min"]) for r in mon.report()]
        assert got == before and stats() != before


def test_monitor_static_pairs_by_tracing_and_untraceable_models():
    pairs = SelfNormalizationMonitor(Reordered(), start=False).pairs
    assert [n for n, _, _ in pairs] == ["l1", "l2"]

    class Branchy(Functional):
        def forward(self, x):
            if x.sum() > 1e9:  # data-dependent control flow: torch.fx cannot trace it
                return x
            return super().forward(x)

    net = Branchy()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        mon = SelfNormalizationMonitor(net)
    with mon:
        net(torch.randn(8, 16))
        assert mon.pairs and mon._watch_functions  # found in the first recorded pass
    assert [r["layer"] for r in mon.report()] == ["layers.0", "layers.1", "layers.2"]


def test_monitor_warns_when_it_sees_no_selu_or_cannot_attribute():
    relu = nn.Sequential(nn.Linear(4, 4), nn.ReLU())
    with pytest.warns(SelfNormalizationWarning, match="no SELU"):
        SelfNormalizationMonitor(relu)
    net = nn.Sequential(nn.Linear(4, 4), nn.BatchNorm1d(4), SELU())
    mon = SelfNormalizationMonitor(net)
    with pytest.warns(SelfNormalizationWarning, match="not produced by a Linear/Conv"):
        net(torch.randn(8, 4))
    assert mon.report() == []


def test_a_torch_selu_module_warns_once_under_its_own_name_and_watching_costs_no_hook():
    """The ``F.selu`` inside ``torch.nn.SELU`` is the module's call: an unattributed input
    warns once, naming the module; only a model whose ``F.selu`` calls are watched gets
    the pre-hook on its SELU modules, and an untraceable one loses it when its first pass
    called no functional SELU."""

    class Normed(nn.Module):
        def __init__(self):
            super().__init__()
            self.lin, self.norm, self.act = nn.Linear(4, 4), nn.BatchNorm1d(4), nn.SELU()

        def forward(self, x):
            return self.act(self.norm(self.lin(x)))

    net = untraceable(Normed)()
    mon = SelfNormalizationMonitor(net)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        net(torch.randn(8, 4))
        net(torch.randn(8, 4))
    assert [str(w.message).split(" was ")[0] for w in caught] == ["the input of SELU 'act'"]
    assert mon.report() == [] and not net.act._forward_pre_hooks
    SelfNormalizationMonitor(shared := SharedAct())
    SelfNormalizationMonitor(mixed := Mixed())
    assert not shared.act._forward_pre_hooks and len(mixed.act._forward_pre_hooks) == 1


def test_monitor_start_false_raises_with_the_fix_and_nested_blocks_are_safe():
    net = nn.Sequential(nn.Linear(8, 8), SELU())
    mon = SelfNormalizationMonitor(net, start=False)
    with pytest.raises(RuntimeError, match=r"with monitor:.*monitor\.start\(\)"):
        mon.report()
    with mon:
        with mon:
            net(torch.randn(4, 8))
        assert mon.active  # the inner exit keeps the outer block's hooks
        net(torch.ones(4, 8))
    assert not mon.active and not net[0]._forward_hooks
    assert mon.report()[0]["input_mean"] == 1.0  # the last pass, recorded by the outer block
    with mon:  # a repeated block re-attaches
        net(torch.zeros(4, 8))
    assert mon.report()[0]["input_mean"] == 0.0 and not mon.active


def test_units_in_box_uses_outward_float_bounds():
    for name, (lo, hi) in THEOREM1_BOX.items():
        flo, fhi = FLOAT_BOX[name]
        assert flo <= lo and fhi >= hi
        assert np.nextafter(flo, np.inf) > lo and np.nextafter(fhi, -np.inf) < hi
    lin = nn.Linear(2, 3, bias=False)
    with torch.no_grad():  # tau exactly 1.1 in binary is above 11/10: inside only outward
        lin.weight.copy_(torch.tensor([[0.0, 1.1], [0.0, 0.5], [0.3, -0.3]]).double().sqrt()
                         * torch.tensor([[1.0, 1.0], [1.0, 1.0], [1.0, -1.0]]))
    net = nn.Sequential(lin, SELU()).double()
    with SelfNormalizationMonitor(net) as mon:
        net(torch.randn(16, 2, dtype=torch.float64))
    taus = (net[0].weight.detach() ** 2).sum(1)
    want = sum(bool(t >= FLOAT_BOX["tau"][0] and t <= FLOAT_BOX["tau"][1]
                    and abs(o) <= FLOAT_BOX["omega"][1])
               for t, o in zip(taus.tolist(), net[0].weight.detach().sum(1).tolist())) / 3
    assert mon.report()[0]["units_in_box"] == pytest.approx(want)


# --------------------------------------------------------------------------- gradient view


def _deep_net(depth, width, rate, seed):
    gen = torch.Generator().manual_seed(seed)
    layers = []
    for _ in range(depth):
        lin = nn.Linear(width, width, bias=False)
        selu_normal_(lin.weight, generator=gen)
        act = SELU()
        layers += [lin, act] + ([act.dropout(rate)] if rate else [])
    return nn.Sequential(*layers)


@pytest.mark.parametrize("rate,chi", [(0.0, 1.0715749924557992), (0.1, 0.8185639676)])
def test_gradient_view_matches_chi1(rate, chi):
    """Depth 24, width 256, batch 256, 2 seeds: the mean per-layer log gradient growth is
    within 4 standard errors (scatter of the 2*23 per-layer log ratios over sqrt(46)) of the
    mean log of the certified expected growth, which is chi1 = 1.0716 (0.8186 with alpha
    dropout 0.1) within 0.01 at the measured statistics."""
    torch.manual_seed(11)
    logs, expected = [], []
    for seed in (0, 1):
        net = _deep_net(24, 256, rate, seed)
        mon = SelfNormalizationMonitor(net)
        x = torch.randn(256, 256)
        out = net(x)
        (out * torch.randn_like(out)).sum().backward()
        rows = mon.gradients()
        assert rows[0]["grad_sq_in"] is None  # the data needs no gradient
        for r in rows[1:]:
            lo, hi = r["expected_ratio"]
            assert lo <= hi and r["chi1"][0] <= r["chi1"][1]
            logs.append(math.log(r["ratio"]))
            expected.append(math.log((lo + hi) / 2))
        assert (rows[1]["dropout_factor"] is None) == (rate == 0)
        mon.close()
    logs, expected = np.array(logs), np.array(expected)
    se = logs.std(ddof=1) / math.sqrt(len(logs))
    assert abs(logs.mean() - expected.mean()) < 4 * se, (logs.mean(), expected.mean(), se)
    assert abs(expected.mean() - math.log(chi)) < 0.01
    table = mon.gradient_table().splitlines()
    assert len(table) == 25 and "chi1 (certified" in table[0]


def test_gradient_view_off_raises_and_no_backward_gives_none():
    net = _deep_net(2, 8, 0, 0)
    mon = SelfNormalizationMonitor(net)
    net(torch.randn(4, 8))
    assert all(r["ratio"] is None for r in mon.gradients())
    off = SelfNormalizationMonitor(net, gradients=False)
    net(torch.randn(4, 8))
    with pytest.raises(RuntimeError, match="gradients=True"):
        off.gradients()


# --------------------------------------------------------------------------- constants travel


def test_state_dict_keeps_the_designed_constants_and_refuses_another_fixed_point():
    act = SELU(fixed_point=("0", "1.5"))
    buf = io.BytesIO()
    torch.save(nn.Sequential(act, act.dropout(0.1)).state_dict(), buf)
    buf.seek(0)
    state = torch.load(buf, weights_only=True)
    assert state["0._extra_state"]["alpha"] == act.alpha
    assert state["0._extra_state"]["fixed_point"] == ("0", "1.5")
    same = nn.Sequential(SELU(fixed_point=(0, 1.5)), AlphaDropout(0.1, fixed_point=("0", "1.5")))
    same.load_state_dict(state)  # the same design, spelled differently
    with pytest.raises(ValueError, match=r"fixed point \(0, 1\.5\).*fixed point \(0, 1\)"):
        nn.Sequential(SELU(), AlphaDropout(0.1)).load_state_dict(state)
    with pytest.raises(ValueError, match="AlphaDropout"):
        AlphaDropout(0.2, fixed_point=("0", "1.5")).load_state_dict(
            {"_extra_state": state["1._extra_state"]})
    SELU().load_state_dict({})  # an older state without the constants still loads


def test_from_selu_and_the_shared_saturation():
    act = SELU(fixed_point=("0", "1.5"))
    d = AlphaDropout.from_selu(act, 0.1)
    assert (d.alpha, d.lam, d.saturation) == (act.alpha, act.lam, act.saturation)
    x = torch.tensor([-1e4], dtype=torch.float64)
    assert float(act(x)) == d.saturation == SELU(act.alpha, act.lam).saturation
    assert float(SELU()(x)) == AlphaDropout(0.1).saturation  # no 1-ulp difference
    assert AlphaDropout.from_selu(nn.SELU(), 0.1).a == AlphaDropout(0.1).a
    with pytest.raises(ValueError, match="fixed_point="):
        AlphaDropout.from_selu(SELU(1.5, 1.2), 0.1)


def test_monitor_warns_on_a_mismatched_selu_dropout_pair():
    net = nn.Sequential(nn.Linear(8, 8), SELU(fixed_point=("0", "1.5")), AlphaDropout(0.1))
    mon = SelfNormalizationMonitor(net)
    with pytest.warns(SelfNormalizationWarning, match="does not keep that SELU's fixed point"):
        net(torch.randn(16, 8))
    good = nn.Sequential(nn.Linear(8, 8), SELU(fixed_point=("0", "1.5")))
    good.append(good[1].dropout(0.1))
    mon = SelfNormalizationMonitor(good)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        good(torch.randn(16, 8))
    assert mon.report()[0]["layer"] == "0"


# --------------------------------------------------------------------------- modules


def test_inplace_selu_is_torch_selu_inplace():
    x = torch.randn(100)
    want = F.selu(x)
    y = x.clone()
    out = SELU(inplace=True)(y)
    assert out.data_ptr() == y.data_ptr() and torch.equal(y, want)
    assert "inplace=True" in repr(SELU(inplace=True))


@pytest.mark.parametrize("p", [0.1, 0.3])
def test_feature_alpha_dropout_keeps_the_fixed_point_per_channel(p):
    """Whole channels dropped; each channel's mean and variance within 5 SE of the fixed
    point (0, 1.5) over 4000 samples x 8 x 8 positions; same mask as torch at (0, 1)."""
    torch.manual_seed(5)
    act = SELU(fixed_point=("0", "1.5"))
    drop = act.dropout(p, feature=True)
    assert isinstance(drop, FeatureAlphaDropout)
    x = math.sqrt(1.5) * torch.randn(4000, 3, 8, 8, dtype=torch.float64)
    y = drop(x)
    dropped = (y == drop.saturation * drop.a + drop.b)
    per_channel = dropped.flatten(2)
    assert bool((per_channel.all(2) | ~per_channel.any(2)).all())  # all or none per channel
    for c in range(3):
        yc = y[:, c].flatten()
        n_eff = yc.numel() / 64 * 2  # positions in a channel share a mask: conservative n
        se_m = float(yc.std()) / math.sqrt(n_eff)
        se_v = float(((yc - yc.mean()) ** 2).std()) / math.sqrt(n_eff)
        assert abs(float(yc.mean())) < 5 * se_m
        assert abs(float(yc.var()) - 1.5) < 5 * se_v
    z = torch.randn(50, 4, 5, 5)
    torch.manual_seed(9)
    want = nn.FeatureAlphaDropout(p)(z)
    torch.manual_seed(9)
    torch.testing.assert_close(FeatureAlphaDropout(p)(z), want, rtol=1e-6, atol=1e-6)


def test_initializers_refuse_non_floating_tensors():
    for fn in (lecun_normal_, selu_normal_):
        with pytest.raises(TypeError, match="floating-point"):
            fn(torch.zeros(4, 4, dtype=torch.int64))


@pytest.mark.parametrize("make", [lambda: SELU(fixed_point=("0", "1.5")),
                                  lambda: SELU(inplace=True),
                                  lambda: AlphaDropout(0.2), lambda: FeatureAlphaDropout(0.2)])
def test_modules_script_compile_and_deepcopy(make):
    m = make().eval()
    x = torch.randn(4, 3, 5)
    want = m(x.clone())
    torch.testing.assert_close(torch.jit.script(m)(x.clone()), want, rtol=0, atol=0)
    compiled = torch.compile(m, fullgraph=True, backend="eager")  # graph capture, no codegen
    torch.testing.assert_close(compiled(x.clone()), want, rtol=0, atol=0)
    twin = copy.deepcopy(m)
    assert twin.get_extra_state() == m.get_extra_state()
    torch.testing.assert_close(twin(x.clone()), want, rtol=0, atol=0)
    tr = make().train()
    torch.manual_seed(1)
    a = tr(x.clone())
    torch.manual_seed(1)
    torch.testing.assert_close(torch.jit.script(tr)(x.clone()), a, rtol=0, atol=0)


# --------------------------------------------------------------------------- docs


def test_pytorch_page_quick_start_runs_and_prints_its_summary(capsys):
    """The first python block of docs/pytorch.md runs as written and prints the table shown."""
    page = (ROOT / "docs" / "pytorch.md").read_text(encoding="utf-8")
    code = re.search(r"```python\n(.*?)```", page, flags=re.S).group(1)
    assert len(code.strip().splitlines()) <= 12
    exec(compile(code, "docs/pytorch.md", "exec"), {})  # noqa: S102
    out = capsys.readouterr().out.splitlines()
    assert out[0].split()[:3] == ["layer", "in", "mean"]
    rows = [line.split() for line in out[1:out.index("")]]  # the forward table
    assert len(rows) == 8 and all(r[-1] == "yes" for r in rows)
    assert any("chi1 (certified" in line for line in out)


def test_gradient_table_prints_both_chi1_ends_outward_with_the_same_decimals():
    from fractions import Fraction

    from selu_proof.torch.gradients import gradient_table

    row = {"layer": "3", "index": 1, "grad_sq_in": 2.0e-8, "grad_sq_out": 1.9e-8,
           "ratio": 2.0 / 1.9, "chi1": [1.0731795, 1.0731799999],
           "expected_ratio": [1.0731795, 1.0731799999]}
    line = gradient_table([row]).splitlines()[1]
    lo, hi = re.search(r"\[(\S+), (\S+)\]", line).groups()
    assert (lo, hi) == ("1.073179", "1.073180")  # 7 digits, rounded outward, aligned
    assert Fraction(lo) <= Fraction(row["chi1"][0]) and Fraction(hi) >= Fraction(row["chi1"][1])


def test_a_parametrized_weight_is_copied_once_per_pass_into_one_reused_buffer():
    """``weight_norm`` recomputes ``module.weight`` (a new tensor) at every access: the
    monitor still reports that weight and keeps one copy per module, not one per pass."""
    from torch.nn.utils.parametrizations import weight_norm

    torch.manual_seed(6)
    net = nn.Sequential(weight_norm(nn.Linear(8, 8)), SELU(), nn.Linear(8, 8), SELU())
    opt = torch.optim.SGD(net.parameters(), lr=0.05)
    mon = SelfNormalizationMonitor(net)
    for _ in range(4):
        with torch.no_grad():
            want = float(net[0].weight.double().sum(1).max())
        opt.zero_grad()
        net(torch.randn(16, 8)).pow(2).sum().backward()
        opt.step()
        assert mon.report()[0]["omega"]["max"] == want
    assert len(mon._weights.buffers) == 2


def test_without_snapshot_the_report_reads_the_weights_now():
    """``snapshot=False`` copies nothing: the rows have the weights as they are when the
    report is made, marked ``"report"`` (also before any step: fused optimizers and
    ``.data`` writes change weights without a trace, so "unchanged" cannot be told);
    the default snapshot keeps the pass's weights after the step, marked ``"pass"``."""
    torch.manual_seed(7)
    net = nn.Sequential(nn.Linear(16, 16), SELU(), nn.Linear(16, 16), SELU())
    twin = copy.deepcopy(net)
    opt = torch.optim.SGD(net.parameters(), lr=0.5)
    opt2 = torch.optim.SGD(twin.parameters(), lr=0.5)
    live = SelfNormalizationMonitor(net, snapshot=False)
    snap = SelfNormalizationMonitor(twin)
    x = torch.randn(32, 16)
    net(x).pow(2).sum().backward()
    twin(x).pow(2).sum().backward()
    before = [float(m.weight.double().sum(1).max()) for m in (net[0], net[2])]
    rows = live.report()
    assert [r["weights_as_of"] for r in rows] == ["report", "report"]
    assert [r["omega"]["max"] for r in rows] == before
    opt.step()
    opt2.step()
    with torch.no_grad():
        net[2].weight.data.mul_(2)  # no version bump: still read as it is now
        twin[2].weight.data.mul_(2)
    after = [float(m.weight.double().sum(1).max()) for m in (net[0], net[2])]
    assert after[0] != before[0] and after[1] != before[1]
    rows = live.report()
    assert [r["omega"]["max"] for r in rows] == after
    rows = snap.report()  # the same network, the same changes: the snapshot is of the pass
    assert [r["weights_as_of"] for r in rows] == ["pass", "pass"]
    assert [r["omega"]["max"] for r in rows] == before
    assert not live._weights.buffers
    with pytest.raises(TypeError, match="snapshot must be True or False"):
        SelfNormalizationMonitor(net, snapshot="no")


def test_the_monitor_reads_a_spectral_norm_weight_without_changing_training():
    """``spectral_norm`` runs a power iteration whenever its weight is read in training
    mode; the monitor reads it with the parametrization in eval mode, so training with
    and without the monitor is the same bit for bit, and the reported ``omega`` is that
    of the weight the pass used."""
    from torch.nn.utils.parametrizations import spectral_norm

    def build():
        torch.manual_seed(11)
        return nn.Sequential(spectral_norm(nn.Linear(16, 16)), SELU(),
                             spectral_norm(nn.Linear(16, 16)), SELU())

    x = torch.randn(32, 16)
    results = []
    for monitored in (False, True, "no snapshot"):
        net = build()
        mon = (SelfNormalizationMonitor(net, snapshot=monitored is True) if monitored
               else None)
        opt = torch.optim.SGD(net.parameters(), lr=0.1)
        for _ in range(3):
            opt.zero_grad()
            net(x).pow(2).mean().backward()
            if mon is not None:
                mon.gradients(mon.report())
            opt.step()
        results.append([p.detach().clone() for p in net.parameters()]
                       + [b.clone() for b in net.buffers()])
    for other in results[1:]:
        assert all(torch.equal(a, b) for a, b in zip(results[0], other, strict=True))
    net = build()
    mon = SelfNormalizationMonitor(net)
    net(x)
    with torch.no_grad():  # the weight of that pass, from the u, v it left
        net.eval()
        want = float(net[0].weight.double().sum(1).max())
        net.train()
    assert mon.report()[0]["omega"]["max"] == want


def test_a_forward_that_raises_keeps_the_last_complete_pass():
    net = nn.Sequential(nn.Linear(16, 16), SELU())
    mon = SelfNormalizationMonitor(net)
    net(torch.randn(8, 16))
    rows = mon.report()
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no "called no SELU" warning for the failed pass
        with pytest.raises(RuntimeError):
            net(torch.randn(8, 5))
        assert mon.report() == rows
        net(torch.randn(8, 16))
    assert len(mon.report()) == 1 and mon.report() != rows
