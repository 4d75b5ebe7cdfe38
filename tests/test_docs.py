"""The documentation site builds with warnings as errors, from the files in this tree.

``python -m sphinx -W -b html docs OUT``: a broken cross-reference, a docstring that
docutils cannot parse, a page missing from the table of contents or a stale notebook path
fails the build.  The notebooks are rendered from their stored outputs (never executed by
the build), the API pages from the docstrings, the command-line page from the real parser.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from html import unescape
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site") / "html"
    res = subprocess.run([sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-b",
                          "html", "-d", str(out.parent / "doctrees"), str(DOCS), str(out)],
                         cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert res.returncode == 0, res.stderr
    return out


def _page(site: Path, name: str) -> str:
    return (site / f"{name}.html").read_text(encoding="utf-8")


def test_every_page_is_built_and_in_the_toc(site):
    pages = {p.stem for p in DOCS.glob("*.md")} | {"api"}
    assert len(pages) >= 14
    index = _page(site, "index")
    for name in pages - {"index"}:
        assert (site / f"{name}.html").exists(), name
        assert f'href="{name}.html"' in index, name


def test_notebooks_are_rendered_with_their_stored_outputs(site):
    for nb in sorted((ROOT / "notebooks").glob("*.ipynb")):
        html = _page(site, f"notebooks/{nb.stem}")
        cells = json.loads(nb.read_text(encoding="utf-8"))["cells"]
        images = sum("image/png" in o.get("data", {}) for c in cells for o in c.get("outputs", []))
        assert html.count("<img") >= images > 0, nb.name
    # a number printed by a stored output of notebook 1: lambda_01's digits
    html = _page(site, "notebooks/01_constants_and_moment_maps")
    assert "1.0507009873554804934193349852946" in html


def test_api_pages_document_the_public_names(site):
    import selu_proof
    import selu_proof.fixedpoint

    api = _page(site, "api")
    listed = re.findall(r"^   (selu_proof[\w.]*)$", (DOCS / "api.rst").read_text(), flags=re.M)
    assert "selu_proof.kernel.checker" in listed and "selu_proof" in listed
    for module in listed:
        assert f'href="api/{module}.html"' in api, module
    root = _page(site, "api/selu_proof")
    for name in ("design_selu", "constant_digits", "fixed_point_set", "simulate", "mean_field"):
        assert f'id="selu_proof.{name}"' in root, name
    # a class exported twice is described once, on its own package's page
    fp = _page(site, "api/selu_proof.fixedpoint")
    assert 'id="selu_proof.fixedpoint.RootResult"' in fp
    assert 'id="selu_proof.RootResult"' not in root
    assert selu_proof.RootResult is selu_proof.fixedpoint.RootResult
    checker = _page(site, "api/selu_proof.kernel.checker")
    assert 'id="selu_proof.kernel.checker.check_file"' in checker


def test_cli_page_is_the_real_parser(site):
    from selu_proof.cli import build_parser

    html = _page(site, "cli")
    text = unescape(re.sub(r"<[^>]+>", "", html))
    parser = build_parser()
    (sub,) = [a for a in parser._actions if a.dest == "command"]
    assert set(sub.choices) >= {"prove", "check", "bound", "design", "mean-field"}
    for name, command in sub.choices.items():
        assert f'<section id="selu-proof-{name}"' in html, name
        for action in command._actions:
            for flag in action.option_strings:
                if flag.startswith("--"):
                    assert flag in text, (name, flag)
