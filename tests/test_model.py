"""One model interface (kernel/model.py): SELU's closed forms and an activation's quadrature
answer the same questions, and the prover and the checker never ask which kind they hold.
"""

from __future__ import annotations

import copy
import json
import re
from fractions import Fraction
from pathlib import Path

import pytest
from flint import arb, ctx

from selu_proof.kernel.activation_claims import ActivationModel
from selu_proof.kernel.checker import check_certificate
from selu_proof.kernel.constants import ALPHA_01, LAMBDA_01, constant_balls
from selu_proof.kernel.limits import MAX_QUADRATURE_PRECISION, PRECISION_RANGE
from selu_proof.kernel.model import (
    Model,
    Moments,
    SeluClosedForm,
    compiled_goal,
    model_of,
    selu_key,
)
from selu_proof.kernel.specs import PROOFS_DIR, SpecError, check_precision, parse_spec
from selu_proof.search.prover import prove_spec

ROOT = Path(__file__).resolve().parent.parent
SMALL = {"mu": ["0", "0.001"], "omega": ["0", "0.001"], "nu": ["1", "1.001"],
         "tau": ["1", "1.001"]}
TANH = "tanh|affine:0,1"
#: every member the protocol declares
MEMBERS = {"max_precision", "prec", "key", "constants", "record", "goal",
           "gaussian_moments", "parameters_summary", "float_twin", "given_up", "eval_limit"}


def _same(x: arb, y: arb) -> bool:
    """The same ball, midpoint and radius."""
    return bool(x.mid() == y.mid() and x.rad() == y.rad())


def _spec(params: dict[str, str], name: str = "m") -> object:
    return parse_spec({"name": name, "parameters": params, "domain": SMALL,
                       "claim": [{"kind": "spectral_norm_below", "bound": "1"}]})


@pytest.mark.parametrize("key, cls", [(selu_key("alpha01", "lambda01"), SeluClosedForm),
                                      (selu_key("1.5", "1.1"), SeluClosedForm),
                                      (TANH, ActivationModel)])
def test_both_implementations_satisfy_the_protocol(key, cls):
    model = model_of(key, 64)
    assert isinstance(model, cls) and isinstance(model, Model)
    declared = set(Model.__annotations__) | {n for n in vars(Model) if not n.startswith("_")}
    assert declared == MEMBERS
    assert all(hasattr(model, m) for m in MEMBERS)
    assert model.key == key and model.prec == 64
    assert model_of(model.key, 64) is model  # the key rebuilds it (cached)
    assert model.given_up() >= 0
    value, gradient = model.goal("S(H)")
    xs = [arb("0.01"), arb("0.02"), arb("1.1"), arb("0.99")]
    with ctx.workprec(64):
        (v,), grad = value(*xs), gradient(*xs)
    assert v.is_finite() and 0 < v < 1 and len(grad) == 5 and grad[0].overlaps(v)


def test_selu_closed_form_answers():
    model = model_of(selu_key("alpha01", "lambda01"), 128)
    alpha, lam = constant_balls(128)
    balls = model.constants()
    assert list(balls) == ["alpha", "lambda"]
    assert _same(balls["alpha"], alpha) and _same(balls["lambda"], lam)
    assert model.record() is None and model.eval_limit is None and model.given_up() == 0
    assert model.max_precision == PRECISION_RANGE[1]
    assert model.parameters_summary() == {"alpha": "alpha01", "lambda": "lambda01"}
    assert model.float_twin() == (ALPHA_01, LAMBDA_01)
    assert model_of(selu_key("1.5", "0.25"), 64).float_twin() == (1.5, 0.25)
    xs = [arb("0.05"), arb("-0.07"), arb("1.2"), arb("1.05")]
    with ctx.workprec(128):
        ours = model.goal("-var")[1](*xs)
        theirs = compiled_goal("-var")[1](*xs, alpha, lam)
    assert all(_same(x, y) for x, y in zip(ours, theirs))


def test_activation_model_answers():
    model = model_of(TANH, 64)
    assert list(model.constants()) == ["lambda", "beta"]
    assert model.record()["spec"] == "tanh" and model.record()["normalize"] == "affine:0,1"
    assert model.max_precision == MAX_QUADRATURE_PRECISION
    assert model.eval_limit == 16 * (64 + 64)
    assert model.float_twin() is None
    assert model.parameters_summary() == {"activation": "tanh", "normalize": "affine"}
    for params, summary in [
        ({"activation": "elu:alpha=1.5", "normalize": "affine", "mean": "0.10", "var": "2"},
         {"activation": "elu:alpha=1.5", "normalize": "affine", "mean": "0.1", "var": "2"}),
        ({"activation": "tanh", "lambda": "1.25"},
         {"activation": "tanh", "lambda": "1.25", "beta": "0"}),
        ({"activation": "tanh"}, {"activation": "tanh"}),
    ]:
        assert model_of(_spec(params).model, 64).parameters_summary() == summary


def test_spec_carries_the_model_key_and_its_precision_cap():
    selu = _spec({"alpha": "alpha01", "lambda": "1.05"})
    tanh = _spec({"activation": "tanh", "normalize": "affine"})
    assert selu.model == "closed-form:alpha01,1.05" and tanh.model == TANH
    check_precision(selu, 1024)
    check_precision(tanh, 128)
    with pytest.raises(SpecError, match="above 128 bits"):
        check_precision(tanh, 129)
    with pytest.raises(ValueError, match="malformed model key"):
        SeluClosedForm.build("closed-form:alpha01", 64)


#: SELU(alpha_01, lambda_01) twice: the generated closed forms, and the catalogue's selu
#: formula by quadrature (no normalization: the formula itself)
SELU_CLOSED, SELU_QUADRATURE = selu_key("alpha01", "lambda01"), "selu|none"
#: (a, v) points and boxes (midpoint, radius) across the domains the claims use
POINTS = [("0", "1"), ("0.05", "1.2"), ("-0.3", "0.4"), ("1.5", "16"), ("-0.9", "0.05")]
BOXES = [(("0", "0.01"), ("1", "0.05")), (("0.05", "0.01"), ("1.1", "0.05")),
         (("-0.5", "0.1"), ("3", "0.5")), (("0.2", "0.02"), ("0.1", "0.02"))]


def _triples(m: Moments) -> list[tuple[arb, arb, arb]]:
    return [m.f, m.f2, m.df, m.df2]


@pytest.mark.parametrize("a, v", POINTS)
def test_raw_moments_of_both_implementations_agree_at_points(a, v):
    """At a point the quadrature enclosure (64 bits) contains the closed form's (256 bits),
    partials included, and Price's theorem ``dE F/da = E F'`` holds across them.
    """
    closed, quad = model_of(SELU_CLOSED, 256), model_of(SELU_QUADRATURE, 64)
    with ctx.workprec(256):
        exact = closed.gaussian_moments(arb(a), arb(v))
    with ctx.workprec(64):
        enclosed = quad.gaussian_moments(arb(a), arb(v))
    for h, (x, y) in enumerate(zip(_triples(exact), _triples(enclosed))):
        for k, (p, q) in enumerate(zip(x, y)):
            assert q.contains(p), (h, k, p, q)
            assert q.rad() < 1e-12 and p.rad() < 1e-60, (h, k, p, q)
    assert enclosed.df[0].overlaps(exact.f[1]) and exact.df[0].overlaps(enclosed.f[1])
    assert exact.f2[0] > exact.f[0] * exact.f[0]  # a variance > 0


@pytest.mark.parametrize("a, v", BOXES)
def test_raw_moments_of_both_implementations_agree_on_boxes(a, v):
    """On a box both enclosures overlap each other and contain each implementation's value
    at the box's centre and corners.
    """
    closed, quad = model_of(SELU_CLOSED, 64), model_of(SELU_QUADRATURE, 64)
    (am, ar), (vm, vr) = a, v
    box = (arb(am, arb(ar)), arb(vm, arb(vr)))
    with ctx.workprec(64):
        wide = [closed.gaussian_moments(*box), quad.gaussian_moments(*box)]
        points = [model.gaussian_moments(arb(am) + sa * arb(ar), arb(vm) + sv * arb(vr))
                  for model in (closed, quad) for sa in (-1, 0, 1) for sv in (-1, 0, 1)]
    for h in range(4):
        for k in range(3):
            x, y = (_triples(w)[h][k] for w in wide)
            assert x.is_finite() and y.is_finite() and x.overlaps(y), (h, k, x, y)
            for p in points:
                value = _triples(p)[h][k]
                assert x.overlaps(value) and y.overlaps(value), (h, k, x, y, value)


def test_raw_moments_of_an_affine_model_scale_the_activation():
    """``F = lambda (f - beta)``: the model's moments are the formula's, scaled."""
    plain, norm = model_of("tanh|none", 64), model_of(TANH, 64)
    lam, beta = norm.constants()["lambda"], norm.constants()["beta"]
    with ctx.workprec(64):
        f, F = (m.gaussian_moments(arb("0.1"), arb("0.9")) for m in (plain, norm))
        assert F.f[0].overlaps(lam * (f.f[0] - beta)) and F.f[1].overlaps(lam * f.f[1])
        assert F.f2[2].overlaps(lam * lam * (f.f2[2] - 2 * beta * f.f[2]))
        assert F.df[0].overlaps(lam * f.df[0]) and F.df2[1].overlaps(lam * lam * f.df2[1])
        assert F.f[0].rad() < 1e-15
        bad = norm.gaussian_moments(arb(0), arb(0, 1))  # v not certainly positive
    assert not bad.f[0].is_finite()


@pytest.fixture(scope="module")
def tanh_certificate(tmp_path_factory):
    out = tmp_path_factory.mktemp("tanh")
    (res,) = prove_spec(_spec({"activation": "tanh", "normalize": "affine"}, "tanh_m"),
                        out_dir=out, max_boxes=100, precision=64)
    assert res.status == "proved"
    return json.loads((out / "tanh_m.cert.json").read_text())


def test_the_model_decides_the_certificate_keys(tanh_certificate):
    """The "activation" entry is there exactly when the model has a record."""
    assert check_certificate(tanh_certificate).valid
    bad = copy.deepcopy(tanh_certificate)
    del bad["activation"]
    verdict = check_certificate(bad)
    assert not verdict.valid and "keys must be exactly" in verdict.message, verdict.message
    selu = json.loads((PROOFS_DIR / "theorem1.cert.json").read_text())
    assert check_certificate(selu).valid
    selu["activation"] = tanh_certificate["activation"]
    verdict = check_certificate(selu)
    assert not verdict.valid and "keys must be exactly" in verdict.message, verdict.message


#: kind branching the model interface replaced; none may come back outside kernel/model.py
_KIND_BRANCHING = [
    (re.compile(r"""[=!]=\s*["']quadrature["']|["']quadrature["']\s*[=!]="""),
     "a comparison with the string 'quadrature'"),
    (re.compile(r"\blam\s*[=!]="), "a comparison of a 'lam' slot"),
    (re.compile(r"_is_activation_spec"), "_is_activation_spec"),
    (re.compile(r"""getattr\([^)]*["'](goal|given_up|constants)["']"""),
     "duck-typing a model with getattr"),
    (re.compile(r"\bspec\.(alpha|lam)\b"), "a SELU parameter slot of a specification"),
    (re.compile(r"isinstance\([^)]*(ActivationModel|SeluClosedForm)"),
     "an isinstance test of a model's kind"),
]


def test_no_caller_asks_which_kind_of_model_it_holds():
    hits = []
    for path in sorted((ROOT / "selu_proof").rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if rel == "selu_proof/kernel/model.py":  # the one place that reads a key's kind
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for pattern, what in _KIND_BRANCHING:
                if pattern.search(line):
                    hits.append(f"{rel}:{n}: {what}: {line.strip()}")
    assert not hits, "\n".join(hits)


def test_the_mean_field_reads_every_model_the_same_way():
    """The certified mean field (meanfield/core.py) takes any model: SELU's closed forms, the
    catalogue's selu as a specification's model by quadrature, and the mean field's own
    scaled activation give one fixed point and one (chi1, chi_c), which the closed-form
    fixed-point solver's box meets.
    """
    from selu_proof.fixedpoint import fixed_point
    from selu_proof.fixedpoint.scaled import Scaled
    from selu_proof.kernel.activations import parse_activation
    from selu_proof.kernel.exact import ball
    from selu_proof.meanfield.activation import model_fixed_point
    from selu_proof.meanfield.core import krawczyk_fixed_point, slopes

    spec = "selu:alpha=1.7,lambda=1.02"
    models = [model_of(selu_key("1.7", "1.02"), 96), model_of(f"{spec}|none", 96),
              Scaled(parse_activation(spec), arb(1), arb(0))]
    box = fixed_point("0.1", "1.05", "1.7", "1.02", digits=12).box
    om, ta = ball(Fraction("0.1")), ball(Fraction("1.05"))
    chis = []
    with ctx.workprec(96):
        for model in models:
            status, (mu, nu), _ = krawczyk_fixed_point(model, om, ta, (arb(0), arb(1)))
            assert status == "unique", model
            for x, (lo, hi) in ((mu, box["mean"]), (nu, box["var"])):
                assert x.overlaps(arb(lo).union(arb(hi))) and x.rad() < 1e-12, (model, x)
            chis.append(slopes(model, mu * om, nu * ta, ta))
    for c1, cc in chis[1:]:
        assert c1.overlaps(chis[0][0]) and cc.overlaps(chis[0][1])
    assert 1 < chis[0][0] < 1.2 and 0.9 < chis[0][1] < 1
    fp = model_fixed_point(models[0], omega="0.1", tau="1.05", digits=12)
    assert fp["status"] == "unique"
    assert Fraction(fp["mean"][0]) <= Fraction(box["mean"][1])
    assert Fraction(box["mean"][0]) <= Fraction(fp["mean"][1])


def test_depth_scales_say_preserved_only_for_an_exact_one():
    from selu_proof.meanfield.core import depth_scales

    assert depth_scales(arb(1), arb("0.5"), 6)["gradient_direction"] == "preserved (chi1 = 1)"
    near = depth_scales(arb(1, arb("1e-20")), arb("0.5"), 6)
    assert near["gradient_direction"] == "undecided (chi1 may be 1)"
    assert near["gradient_layers_per_e"] is None and near["correlation_xi_c"] == ["1.44269",
                                                                                   "1.4427"]


#: modules that take a model and read it through the interface (its moments, goals, key)
_MODEL_READERS = ["selu_proof/meanfield/core.py", "selu_proof/meanfield/activation.py",
                  "selu_proof/meanfield/selu.py", "selu_proof/search/design_proof.py",
                  "selu_proof/search/domain_shape.py", "selu_proof/search/extremum.py",
                  "selu_proof/search/edges.py", "selu_proof/cli/design.py",
                  "selu_proof/cli/bound.py", "selu_proof/cli/explore.py",
                  "selu_proof/cli/mean_field.py", "selu_proof/meanfield/report.py"]
#: what they did instead before: moments read around the model, a SELU's (alpha, lambda)
#: or an activation's parameters passed as separate arguments
_AROUND_THE_MODEL = [
    (re.compile(r"""compiled\(\s*["']mean_field_slopes["']\s*,\s*["']arb["']"""),
     "certified slopes from the closed forms, around the model"),
    (re.compile(r"\.(derivative_moments|gradients)\("),
     "moments of a scaled activation read around gaussian_moments"),
    (re.compile(r"""\(\s*(""|'')\s*,\s*(""|'')"""), "empty (alpha, lambda) placeholders"),
    (re.compile(r"\bparameters\s+is\s+(not\s+)?None"), "a SELU-or-activation switch"),
    (re.compile(r"\bactivation_parameters\b"), "an activation's parameters beside a model"),
]


def _grep(files: list[str], patterns: list[tuple[re.Pattern[str], str]]) -> list[str]:
    """``file:line: what: text`` for every line of ``files`` a pattern matches."""
    hits = []
    for rel in files:
        for n, line in enumerate((ROOT / rel).read_text(encoding="utf-8").splitlines(), 1):
            for pattern, what in patterns:
                if pattern.search(line):
                    hits.append(f"{rel}:{n}: {what}: {line.strip()}")
    return hits


def test_the_mean_field_and_the_design_search_take_a_model():
    hits = _grep(_MODEL_READERS, _AROUND_THE_MODEL)
    assert not hits, "\n".join(hits)


#: the mean field's modules and its command: a model's fixed point, chi1 and chi_c come from
#: the core (meanfield/core.py), whatever the model
_MEAN_FIELD = ["selu_proof/cli/mean_field.py",
               *sorted(p.relative_to(ROOT).as_posix()
                       for p in (ROOT / "selu_proof" / "meanfield").glob("*.py"))]
_BESIDE_THE_CORE = [
    (re.compile(r"\bimport\b.*\bfixed_point\b"),
     "a fixed-point solver of its own beside the core's Krawczyk test"),
    (re.compile(r"\.startswith\(\s*CLOSED_FORM"), "a test of a model key's kind"),
    (re.compile(r"isinstance\([^)]*(Scaled|AffineInput|Model|SeluBalls)\b"),
     "an isinstance test of a model's kind"),
    (re.compile(r"""[!=]=\s*["'](selu|relu|tanh|elu|gelu|leaky_relu)["']"""),
     "a branch on the kind of model by its name (models are built from tables)"),
    (re.compile(r"""\bactivation\s*[!=]=|[!=]=\s*(args\.)?activation\b|\.name\s*[!=]="""),
     "a branch on the activation's name"),
]


def test_the_mean_field_asks_the_core_not_the_kind():
    """Nor does it branch on the kind of model: ``mean-field`` builds a model from tables
    (:data:`selu_proof.cli.mean_field.CLOSED_FORMS`) and the one report reads it."""
    assert "selu_proof/meanfield/selu.py" in _MEAN_FIELD
    assert "selu_proof/meanfield/report.py" in _MEAN_FIELD
    hits = _grep(_MEAN_FIELD, _BESIDE_THE_CORE)
    assert not hits, "\n".join(hits)
