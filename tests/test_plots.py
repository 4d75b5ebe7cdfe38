"""Figures: each renders, and the data it drew is right (not its pixels); the plot CLI."""

from __future__ import annotations

import json
from fractions import Fraction

import numpy as np
import pytest

from selu_proof import plots
from selu_proof.backends import moment_map, spectral_norm
from selu_proof.cli import main
from selu_proof.kernel.constants import ALPHA_01, LAMBDA_01
from selu_proof.kernel.specs import PROOFS_DIR

MAGIC = {".png": b"\x89PNG", ".pdf": b"%PDF", ".svg": b"<?xml"}
THEOREM1_CERT = PROOFS_DIR / "theorem1.cert.json"


@pytest.fixture(scope="module")
def activation():
    return plots.plot_activation()


@pytest.fixture(scope="module")
def field01():
    return plots.plot_mapping_field()


@pytest.fixture(scope="module")
def worst_s():
    return plots.plot_spectral_norm(resolution=101)


@pytest.fixture(scope="module")
def cover():
    return plots.plot_certificate_cover()


# --------------------------------------------------------------------------- saving


@pytest.mark.parametrize("ext", [".png", ".pdf", ".svg", ".PNG"])
def test_save_figure_format_from_extension(activation, tmp_path, ext):
    path = plots.save_figure(activation.figure, tmp_path / f"act{ext}")
    assert path.read_bytes().startswith(MAGIC[ext.lower()])


@pytest.mark.parametrize("name", ["act.jpg", "act", "act.png.txt"])
def test_save_figure_refuses_other_extensions(activation, tmp_path, name):
    with pytest.raises(ValueError, match=r"\.png, \.pdf, \.svg"):
        plots.save_figure(activation.figure, tmp_path / name)
    assert not (tmp_path / name).exists()


def test_figures_render_in_notebooks(activation):
    assert activation._repr_png_().startswith(MAGIC[".png"])


def test_draws_into_given_axes():
    from matplotlib.figure import Figure

    fig = Figure()
    ax1, ax2 = fig.subplots(1, 2)
    out = plots.plot_activation(ax2)
    assert out.figure is fig and ax2.has_data() and not ax1.has_data()


# --------------------------------------------------------------------------- activation


def test_activation_data(activation):
    assert activation.alpha == ALPHA_01 and activation.lam == LAMBDA_01
    assert activation.saturation == -LAMBDA_01 * ALPHA_01
    assert activation.saturation == pytest.approx(-1.7580993408473766, abs=1e-15)
    x, c = activation.x, activation.curves
    assert set(c) == {"selu", "elu", "relu"}
    np.testing.assert_allclose(c["relu"], np.maximum(x, 0))
    pos = x > 0
    np.testing.assert_allclose(c["selu"][pos], LAMBDA_01 * x[pos], rtol=1e-15)
    np.testing.assert_allclose(c["elu"][~pos], np.expm1(x[~pos]), rtol=1e-14)
    # SELU decreases towards its saturation value and never crosses it
    assert c["selu"].min() > activation.saturation
    assert c["selu"][0] - activation.saturation < LAMBDA_01 * ALPHA_01 * np.exp(x[0]) * 1.01
    labels = [t.get_text() for t in activation.figure.axes[0].get_legend().get_texts()]
    assert any("SELU" in s for s in labels) and any("−λα" in s for s in labels)


def test_activation_rejects_empty_range():
    with pytest.raises(ValueError):
        plots.plot_activation(x_range=(1, -1))


# --------------------------------------------------------------------------- mapping field


def test_mapping_field_arrows_are_steps_of_g(field01):
    gm, gn = moment_map(field01.mu, field01.nu, 0.0, 1.0, ALPHA_01, LAMBDA_01)
    np.testing.assert_allclose(field01.d_mu, gm - field01.mu, atol=1e-14)
    np.testing.assert_allclose(field01.d_nu, gn - field01.nu, atol=1e-14)
    # at omega = 0 the map ignores mu: every row of arrows ends on the same nu~
    nu_next = field01.d_nu + field01.nu
    np.testing.assert_allclose(nu_next, np.broadcast_to(nu_next[:, :1], nu_next.shape))


def test_mapping_field_fixed_point_box_and_image(field01):
    fp = field01.fixed_point
    assert fp["status"] == "unique"
    assert Fraction(fp["mean"]) == 0 and Fraction(fp["var"]) == 1
    assert field01.box == ((-0.1, 0.1), (0.8, 1.5))
    # the image of the box's boundary is g of it; it lies inside the box (Theorem 1)
    gm, gn = moment_map(np.array([-0.1]), np.array([0.8]), 0.0, 1.0, ALPHA_01, LAMBDA_01)
    assert field01.image[:, 0] == pytest.approx([gm[0], gn[0]])
    assert field01.image_inside
    (m0, m1), (n0, n1) = field01.certified_image
    # the enclosure is the one the committed certificate proves (certified_max of each goal)
    goals = json.loads(THEOREM1_CERT.read_text())["claims"][1]["goals"]
    maxima = [float(Fraction(g["certified_max"])) for g in goals]
    assert (m0, m1, n0, n1) == pytest.approx((-maxima[1], maxima[0], -maxima[3], maxima[2]),
                                             abs=1e-6)
    assert -0.1 < m0 < -0.03106 and 0.06773 < m1 < 0.1 and 0.8 < n0 < 0.80371 and n1 < 1.5
    (i0, i1), (j0, j1) = field01.image_bounds
    assert m0 <= i0 <= i1 <= m1 and n0 <= j0 <= j1 <= n1


def test_mapping_field_other_weights():
    out = plots.plot_mapping_field("0.1", "1.1", arrows=5)
    fp = out.fixed_point
    assert fp["status"] == "unique"
    m, v = float(fp["mean"]), float(fp["var"])
    assert (m, v) == pytest.approx((0.0547059806182, 1.41028982928), abs=1e-11)
    gm, gn = moment_map(m, v, 0.1, 1.1, ALPHA_01, LAMBDA_01)
    assert (gm, gn) == pytest.approx((m, v), abs=1e-12)
    assert out.image_inside
    s = out.summary()
    assert s["omega"] == 0.1 and s["image_inside_box"] is True
    json.dumps(s)


def test_mapping_field_window_follows_a_distant_fixed_point():
    out = plots.plot_mapping_field(1, 2, arrows=5)
    m, v = float(out.fixed_point["mean"]), float(out.fixed_point["var"])
    (x0, x1), (y0, y1) = out.window
    assert x0 < m < x1 and 0 < y0 < v < y1 and (x0, x1) != (-0.4, 0.4)
    assert out.certified_image is None and not out.image_inside  # Theorem 1 does not apply
    assert plots.plot_mapping_field(arrows=5).window == ((-0.4, 0.4), (0.6, 1.7))


# --------------------------------------------------------------------------- spectral norm


def test_worst_case_is_the_largest_corner():
    w, t, s = plots.worst_case_weights()
    mu, nu = np.meshgrid(np.linspace(-0.1, 0.1, 81), np.linspace(0.8, 1.5, 81))
    corners = {(a, b): spectral_norm(mu, nu, a, b, ALPHA_01, LAMBDA_01).max()
               for a in (-0.1, 0.1) for b in (0.95, 1.1)}
    assert s == pytest.approx(max(corners.values()), rel=1e-12)
    assert corners[(w, t)] == pytest.approx(s, rel=1e-12)
    assert t == 1.1 and abs(w) == 0.1


def test_spectral_norm_default_is_worst_case(worst_s):
    assert worst_s.worst_case and (abs(worst_s.omega), worst_s.tau) == (0.1, 1.1)
    assert "worst case" in worst_s.figure.axes[0].get_title()
    np.testing.assert_allclose(
        worst_s.S, spectral_norm(worst_s.mu, worst_s.nu, worst_s.omega, worst_s.tau, ALPHA_01,
                                 LAMBDA_01), rtol=1e-14)
    assert worst_s.S.min() < 1 < worst_s.S.max()  # the S = 1 contour is in the window
    assert worst_s.domain == ((-0.1, 0.1), (0.8, 1.5))
    # the estimate inside the certified region is below the certified bound, which is < 1
    cert = json.loads(THEOREM1_CERT.read_text())
    assert worst_s.certified_max == cert["claims"][0]["goals"][0]["certified_max"]
    assert worst_s.domain_max == pytest.approx(0.8976083584, abs=1e-9)
    assert worst_s.domain_max < Fraction(worst_s.certified_max) < 1
    legend = " ".join(t.get_text() for t in worst_s.figure.axes[0].get_legend().get_texts())
    assert "S < 1 proved" in legend and "theorem1.cert.json" in legend


def test_spectral_norm_at_given_weights():
    out = plots.plot_spectral_norm(0.0, 1.0, resolution=41, nu_range=(0.5, 1.5))
    assert not out.worst_case and (out.omega, out.tau) == (0.0, 1.0)
    i = np.argmin(np.abs(out.nu[:, 0] - 1.0))
    j = np.argmin(np.abs(out.mu[0] - 0.0))
    assert out.S[i, j] == pytest.approx(0.788, abs=1e-3)
    with pytest.raises(ValueError):
        plots.plot_spectral_norm(0.0, None)
    with pytest.raises(ValueError):
        plots.plot_spectral_norm(kind="hessian")


# --------------------------------------------------------------------------- certificate cover


def _domain_volume(domain):
    out = Fraction(1)
    for lo, hi in domain:
        out *= hi - lo
    return out


def test_cover_leaves_tile_the_domain(cover):
    cert = json.loads(THEOREM1_CERT.read_text())
    goal = cert["claims"][0]["goals"][0]
    assert len(cover.leaves) == goal["leaves"] == cover.recorded_leaves > 1
    assert cover.domain == ((Fraction("-0.1"), Fraction("0.1")), (Fraction("-0.1"),
                            Fraction("0.1")), (Fraction("0.8"), Fraction("1.5")),
                            (Fraction("0.95"), Fraction("1.1")))
    # exact: the leaves' volumes add up to the domain's, and none sticks out
    assert sum(leaf.volume for leaf in cover.leaves) == _domain_volume(cover.domain)
    for leaf in cover.leaves:
        assert all(d0 <= lo < hi <= d1 for (lo, hi), (d0, d1) in zip(leaf.box, cover.domain))
    assert cover.extent == ((Fraction("-0.1"), Fraction("0.1")),
                            (Fraction("0.8"), Fraction("1.5")))
    # projections weighted by their share of (omega, tau) cover the (mu, nu) rectangle once
    assert cover.covered_area == Fraction("0.2") * Fraction("0.7")
    np.testing.assert_allclose(sum(cover.shares.values()), 1.0, rtol=1e-12)


def test_cover_forms_match_the_tree(cover):
    cert = json.loads(THEOREM1_CERT.read_text())
    tree_leaves = [n for n in cert["claims"][0]["goals"][0]["tree"] if isinstance(n, list)]
    assert [(leaf.form, leaf.mask, leaf.bound) for leaf in cover.leaves] == \
        [tuple(n) for n in tree_leaves]
    assert cover.counts == {"natural": sum(n[0] == "natural" for n in tree_leaves),
                            "mean_value": sum(n[0] == "mean_value" for n in tree_leaves),
                            "monotone": 0}
    assert sum(cover.counts.values()) == len(tree_leaves)


def test_cover_monotone_leaves_and_other_goal():
    out = plots.plot_certificate_cover(THEOREM1_CERT, claim=1, goal=3)
    assert out.claim_kind == "maps_into" and out.goal_label == "nu~ > nu_lo"
    tree = json.loads(THEOREM1_CERT.read_text())["claims"][1]["goals"][3]["tree"]
    faces = sum(1 for n in tree if isinstance(n, list) and n[1] != "....")
    assert out.counts["monotone"] == faces > 0
    assert len(out.leaves) == out.recorded_leaves == sum(isinstance(n, list) for n in tree)
    assert all(leaf.category == "monotone" for leaf in out.leaves if leaf.mask != "....")


def test_cover_av_plane_is_the_interval_product(cover):
    out = plots.plot_certificate_cover(plane="a-v")
    assert out.covered_area is None
    (a0, a1), (v0, v1) = out.extent
    assert (a0, a1) == (Fraction("-0.01"), Fraction("0.01"))
    assert (v0, v1) == (Fraction("0.8") * Fraction("0.95"), Fraction("1.5") * Fraction("1.1"))
    for leaf, rect in zip(out.leaves, out.rectangles):
        (m0, m1), (w0, w1), (n0, n1), (t0, t1) = leaf.box
        assert rect[0][0] == min(m0 * w0, m0 * w1, m1 * w0, m1 * w1)
        assert rect[1] == (n0 * t0, n1 * t1)


def test_cover_omega_tau_plane_covers_once():
    out = plots.plot_certificate_cover(plane="omega-tau")
    assert out.covered_area == Fraction("0.2") * Fraction("0.15")


def _tiny_cert(tree):
    return {"spec": {"domain": {"mu": ["0", "1"], "omega": ["0", "1"], "nu": ["1", "2"],
                                "tau": ["1", "3"]}},
            "claims": [{"kind": "k", "goals": [{"label": "g", "leaves": 3, "tree": tree}]}]}


def test_certificate_leaves_replays_preorder_bisection():
    leaf = ["natural", "....", "0.5"]
    leaves = plots.certificate_leaves(_tiny_cert([0, leaf, 2, leaf, ["mean_value", ".<..", "1"]]))
    h = Fraction(1, 2)
    assert [x.box for x in leaves] == [
        ((0, h), (0, 1), (1, 2), (1, 3)),
        ((h, 1), (0, 1), (1, Fraction(3, 2)), (1, 3)),
        ((h, 1), (0, 1), (Fraction(3, 2), 2), (1, 3)),
    ]
    assert [x.category for x in leaves] == ["natural", "natural", "monotone"]


@pytest.mark.parametrize("tree, message", [
    ([0, ["natural", "....", "1"]], "uncovered"),
    ([["natural", "....", "1"], ["natural", "....", "1"]], "beyond"),
    ([7], "malformed"),
])
def test_certificate_leaves_rejects_bad_trees(tree, message):
    with pytest.raises(ValueError, match=message):
        plots.certificate_leaves(_tiny_cert(tree))


def test_cover_bad_indices_and_files(tmp_path):
    with pytest.raises(ValueError, match="claim 2 does not exist"):
        plots.plot_certificate_cover(claim=2)
    with pytest.raises(ValueError, match="goal 4 does not exist"):
        plots.plot_certificate_cover(claim=1, goal=4)
    with pytest.raises(ValueError, match="plane"):
        plots.plot_certificate_cover(plane="x-y")
    bad = tmp_path / "bad.cert.json"
    bad.write_text("{not json")
    with pytest.raises(ValueError, match="not valid JSON"):
        plots.plot_certificate_cover(bad)
    with pytest.raises(ValueError, match="cannot read"):
        plots.plot_certificate_cover(tmp_path / "missing.json")


# --------------------------------------------------------------------------- CLI


def _cli(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("name, extra, key, value", [
    ("activation", [], "saturation", -1.7580993408473766),
    ("mapping-field", ["--omega", "0.1", "--tau", "1.1"], "image_inside_box", True),
    ("spectral-norm", ["--omega", "0", "--tau", "1"], "worst_case", False),
    ("certificate-cover", ["--certificate", "theorem2", "--plane", "a-v"], "leaves",
     json.loads((PROOFS_DIR / "theorem2.cert.json").read_text())["claims"][0]["goals"][0]
     ["leaves"]),
    ("simulation", ["--depth", "4", "--width", "40", "--batch", "40", "--seed", "3"],
     "seed", 3),
])
def test_cli_plot_json(capsys, tmp_path, name, extra, key, value):
    out_file = tmp_path / f"{name}.png"
    code, out, err = _cli(capsys, "plot", name, "--out", str(out_file), "--json", *extra)
    assert code == 0, err
    data = json.loads(out)
    assert data["figure"] == name and data["file"] == str(out_file)
    assert data[key] == value
    assert out_file.read_bytes().startswith(MAGIC[".png"])


def test_cli_plot_text_and_svg(capsys, tmp_path):
    out_file = tmp_path / "cover.svg"
    code, out, _ = _cli(capsys, "plot", "certificate-cover", "--out", str(out_file),
                        "--claim", "1", "--goal", "2")
    assert code == 0 and "written to" in out
    assert out_file.read_bytes().startswith(MAGIC[".svg"])


@pytest.mark.parametrize("argv, fragment", [
    (["plot", "activation", "--out", "x.jpg"], ".png, .pdf, .svg"),
    (["plot", "activation", "--out", "x.png", "--claim", "1"], "does not apply"),
    (["plot", "spectral-norm", "--out", "x.png", "--depth", "3"], "does not apply"),
    (["plot", "certificate-cover", "--out", "x.png", "--claim", "9"], "does not exist"),
    (["plot", "certificate-cover", "--out", "x.png", "--certificate", "nope"], "no such file"),
    (["plot", "mapping-field", "--out", "x.png", "--tau", "0"], "positive"),
    (["plot", "mapping-field", "--out", "x.png", "--omega", "nan"], "finite"),
])
def test_cli_plot_errors_are_one_line(capsys, tmp_path, monkeypatch, argv, fragment):
    monkeypatch.chdir(tmp_path)
    code, out, err = _cli(capsys, *argv)
    assert code == 2 and out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and fragment in lines[0] and "Traceback" not in err
    assert not (tmp_path / "x.png").exists()


@pytest.mark.parametrize("argv", [["plot", "histogram", "--out", "x.png"],
                                  ["plot", "activation"]])
def test_cli_plot_usage_errors(capsys, argv):
    with pytest.raises(SystemExit) as exc:
        main(argv)
    _, err = capsys.readouterr()
    assert exc.value.code == 2 and len(err.strip().splitlines()) == 1


def test_figure_objects_show_a_short_summary_not_their_arrays():
    """A notebook cell ending in a plot shows the figure and a few lines of numbers."""
    from IPython.lib.pretty import pretty

    from selu_proof.plots import plot_correlation_map

    p = plot_correlation_map()
    for text in (repr(p), pretty(p)):
        assert "array(" not in text and len(text) < 1500
        assert text.startswith("CorrelationMapPlot")
    assert "points: 41" in pretty(p) and "slope: 1.0715749" in pretty(p)
    one = next(q for q in p.fixed_points["SELU"] if q["c"] == 1.0)
    assert abs(one["slope"] - 1.0715749924558) < 1e-7  # chi1, certified slope at c = 1 (8 digits)


def test_certificate_cover_of_an_extremum_certificate():
    """An extremum claim's entry holds its tree itself: it is drawn as the claim's one goal."""
    path = PROOFS_DIR / "theorem1_extrema.cert.json"
    entry = json.loads(path.read_text())["claims"][0]
    out = plots.plot_certificate_cover(path, claim=0)
    s = out.summary()
    assert s["claim_kind"] == "extremum" and s["goal_label"] == "max norm-H"
    assert s["leaves"] == s["recorded_leaves"] == entry["leaves"]
    assert sum(s["counts"].values()) == entry["leaves"]
    with pytest.raises(ValueError, match="goal 1 does not exist"):
        plots.plot_certificate_cover(path, claim=0, goal=1)


def test_cover_refuses_a_tampered_certificate_unless_told_not_to_check(tmp_path, capsys):
    """A leaf bound lowered below what its box allows: the checker refuses the file, so
    the cover plot refuses it too; ``--no-check`` draws it and says so in the summary."""
    cert = json.loads(THEOREM1_CERT.read_text())
    goal = cert["claims"][0]["goals"][0]
    goal["bound"] = "0.5"  # S(H) < 0.5: false on Theorem 1's domain
    bad = tmp_path / "tampered.cert.json"
    bad.write_text(json.dumps(cert))
    with pytest.raises(ValueError, match="does not check"):
        plots.plot_certificate_cover(bad)
    out = plots.plot_certificate_cover(bad, check=False)
    assert out.checked is False and out.summary()["checked"] is False
    assert "NOT checked" in out.figure.axes[0].get_title()
    assert plots.plot_certificate_cover().summary()["checked"] is True
    code, _, err = _cli(capsys, "plot", "certificate-cover", "--certificate", str(bad),
                        "--out", str(tmp_path / "c.png"))
    assert code == 2 and "does not check" in err and "--no-check" in err
    code, out_text, _ = _cli(capsys, "plot", "certificate-cover", "--certificate", str(bad),
                             "--no-check", "--json", "--out", str(tmp_path / "c.png"))
    assert code == 0 and json.loads(out_text)["checked"] is False


def test_the_plotted_certificate_is_read_with_the_checkers_reader(tmp_path, monkeypatch):
    """A certificate with a repeated key is no certificate for the plots either."""
    from selu_proof.plots import common

    doc = tmp_path / "theorem1.cert.json"
    doc.write_text('{"claims": [{"goals": [{"expression": "S(H)", "certified_max": "0.5"}]}],'
                   ' "claims": []}')
    monkeypatch.setattr(common, "_committed_certificate", lambda: doc)
    assert common._theorem1_certified() is None
    doc.write_text('{"claims": [{"goals": [{"expression": "S(H)", "certified_max": "0.5"}]}]}')
    assert common._theorem1_certified() == {"file": doc.name, "S(H)": "0.5"}
