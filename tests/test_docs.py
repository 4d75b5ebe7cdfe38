"""The documentation site builds with warnings as errors, from the files in this tree.

``python -m sphinx -W -b html docs OUT``: a broken cross-reference, a docstring that
docutils cannot parse, a page missing from the table of contents or a stale notebook path
fails the build.  The notebooks are rendered from their stored outputs (never executed by
the build), the API pages from the docstrings, the command-line page from the real parser.
"""

from __future__ import annotations

import json
import re
import runpy
import subprocess
import sys
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace

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


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


class _Resources(HTMLParser):
    """What a page makes the browser load: every ``src`` and every ``<link href>``."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("src"):
            self.urls.append(a["src"])
        if tag == "link" and a.get("href"):
            self.urls.append(a["href"])


def _is_local(url: str) -> bool:
    return not re.match(r"^([a-z][a-z0-9+.-]*:|//)", url, flags=re.I) or url.startswith("data:")


def test_the_site_reads_with_no_network(site):
    """No page loads a script, stylesheet, font or image from elsewhere (the math renderer
    of Sphinx loads MathJax from a CDN), and no stylesheet imports one."""
    pages = _pages(site)
    assert len(pages) > 50
    for page in pages:
        parser = _Resources()
        parser.feed(page.read_text(encoding="utf-8"))
        assert parser.urls, page
        outside = [u for u in parser.urls if not _is_local(u)]
        assert not outside, (page.relative_to(site), outside)
        for url in parser.urls:  # and what it loads is in the site
            path = url.split("?")[0].split("#")[0]
            if path and not url.startswith("data:"):
                assert (page.parent / path).resolve().is_file(), (page.relative_to(site), url)
    for css in site.joinpath("_static").rglob("*.css"):
        text = re.sub(r"/\*.*?\*/", "", css.read_text(encoding="utf-8"), flags=re.S)
        for url in re.findall(r"(?:url\(|@import\s+)\s*['\"]?([^'\")\s;]+)", text):
            assert _is_local(url), (css.name, url)


def test_math_is_rendered_when_the_site_is_built(site):
    """Every formula is MathML in the page: no TeX left for a script to typeset."""
    with_math = 0
    for page in _pages(site):
        html = page.read_text(encoding="utf-8")
        body = html[html.find("<body"):]
        assert not re.search(r"<script[^>]*mathjax", body, flags=re.I), page
        assert 'class="math-error"' not in body, page
        prose = re.sub(r"<(pre|code)\b.*?</\1>", "", body, flags=re.S)  # code may hold "\("
        for raw in (r"\(", r"\)", r"\[", r"\]", "$$"):
            assert raw not in prose, (page.relative_to(site), raw)
        with_math += "<math" in body
    assert with_math >= 10
    # notebook 1's moment maps: the sympy text/latex outputs, displayed
    nb = _page(site, "notebooks/01_constants_and_moment_maps")
    assert len(re.findall(r'<div class="output text_latex math">\s*<math [^>]*display="block"',
                          nb)) == 2
    assert "<mi>erfc</mi>" in nb.replace(' mathvariant="normal"', "")
    # a docstring's ``.. math::`` and inline :math:
    quadrature = _page(site, "api/selu_proof.kernel.quadrature")
    assert "<mi>φ</mi>" in quadrature and "<mo>∫</mo>" in quadrature
    # display math is a block of its own that scrolls sideways (site.css)
    for page in _pages(site):
        html = page.read_text(encoding="utf-8")
        blocks = len(re.findall(r'<div class="[^"]*\bmath">\s*(<span class="eqno">.*?</span>)?'
                                r'\s*<math [^>]*display="block"', html, flags=re.S))
        assert blocks == html.count('display="block"'), page
    css = (site / "_static" / "site.css").read_text(encoding="utf-8")
    assert re.search(r"div\.math \{[^}]*overflow-x: auto", css)
    assert re.search(r"div\.cell_output \.output \{[^}]*overflow-x: auto", css)
    assert 'href="_static/site.css' in _page(site, "index")


def _math_extension() -> SimpleNamespace:
    return SimpleNamespace(**runpy.run_path(str(DOCS / "_ext" / "math_to_mathml.py")))


def test_one_digit_arguments_are_read_as_tex_reads_them():
    """``\\tfrac12 x`` is one half times x (TeX), not 12 over x (docutils' own reading)."""
    ext = _math_extension()
    mathml = re.sub(r"\s+", "", ext.to_mathml(r"\tfrac12 x", block=False, node=None))
    assert "<mfrac" in mathml and "<mn>1</mn><mn>2</mn></mfrac><mi>x</mi>" in mathml
    tex = ext.tex_as_tex_reads_it(r"x^12 + \sqrt23 + \binom12")
    assert tex == r"x^{1}2 + \sqrt{2}3 + \binom{1}{2}"
    assert ext.tex_as_tex_reads_it(r"x_{12} + \frac{1}{2}") == r"x_{12} + \frac{1}{2}"


def test_an_unknown_tex_command_is_a_warning_not_raw_tex(caplog):
    ext = _math_extension()
    out = ext.to_mathml(r"\notacommand{x} < 1", block=True, node=None)
    assert out == '<code class="math-error">\\notacommand{x} &lt; 1</code>'
    assert any("notacommand" in r.getMessage() and r.levelname == "WARNING"
               for r in caplog.records)


def test_the_index_is_a_landing_page(site):
    index = _page(site, "index")
    article = index[index.find("<article"):index.find("</article>")]
    text = unescape(re.sub(r"<[^>]+>", "", article))
    # what the toolkit does and the install line: the README's introduction, included
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    intro = readme.split("<!-- intro: docs/index.md includes from here -->")[1]
    intro = intro.split("<!-- end of intro -->")[0]
    first = " ".join(intro.split("\n\n")[0].split())
    assert "A Python toolkit that derives the constants" in first
    assert "pip install . && selu-proof prove --all" in intro
    assert "pip install . && selu-proof prove --all" in text
    assert "about 1,800 boxes" in " ".join(text.split())
    # one figure, drawn when the site is built, and in the site
    images = re.findall(r'<img [^>]*src="([^"]+)"', article)
    assert len(images) == 1 and (site / images[0]).stat().st_size > 20_000
    # the headline results: every row of the README's results table
    rows = re.findall(r"^\| .+? \| `(\w+)` \| proved \| (\d+) \|", readme, flags=re.M)
    assert len(rows) == 8
    cells = re.findall(r"<td><p>(.*?)</p></td>", article, flags=re.S)
    for spec, boxes in rows:
        assert f'<span class="pre">{spec}</span>' in article and boxes in cells, spec
    # where to go next: links into the guide, the notebooks and the references
    for target in ("getting_started.html", "how_it_works.html", "specs.html", "api.html",
                   "cli.html", "notebooks/01_constants_and_moment_maps.html"):
        assert f'href="{target}' in article, target


def test_notebook_titles_are_numbered_one_way(site):
    for nb in sorted((ROOT / "notebooks").glob("*.ipynb")):
        first = json.loads(nb.read_text(encoding="utf-8"))["cells"][0]
        assert first["cell_type"] == "markdown", nb.name
        title = "".join(first["source"]).splitlines()[0]
        number = int(nb.name.split("_")[0])
        assert re.fullmatch(rf"# {number}\. [A-Z][^—]+", title), (nb.name, title)
        html = _page(site, f"notebooks/{nb.stem}")
        assert re.search(rf"<h1>{number}\. ", html), nb.name


def test_api_pages_read_right(site):
    api = _page(site, "api")
    # notes for maintainers stay in the source
    assert "change its line here" not in api and "only place" not in api
    assert "change its line here" in (DOCS / "api.rst").read_text(encoding="utf-8")
    # each module's summary is its whole first sentence ("(paper Eq. (8)-(9))" included)
    summaries = [unescape(re.sub(r"<[^>]+>", "", s)).strip() for s in
                 re.findall(r'<tr class="row-(?:odd|even)"><td>.*?</td>\s*<td><p>(.*?)</p></td>',
                            api, flags=re.S)]
    assert len(summaries) >= 29
    for s in summaries:
        assert s.endswith(".") and s.count("(") == s.count(")"), s
    assert any("(paper Eq. (8)-(9))" in s for s in summaries)
    # a property's summary is not read as "type: description" (no "Type" field anywhere)
    for page in site.joinpath("api").glob("*.html"):
        assert ">Type<" not in page.read_text(encoding="utf-8"), page.name
    # a dataclass's fields: each once, with its type, "a, b : T" as two fields
    page = _page(site, "api/selu_proof.kernel.activations")
    start = page.index('id="selu_proof.kernel.activations.CatalogueActivation"')
    own = page[start:page.index('<dl class="py ', start)]
    fields = {name: unescape(re.sub(r"<[^>]+>", "", kind)) for name, kind in
              re.findall(r"<li><p><strong>(\w+)</strong> \((.*?)\) –", own, flags=re.S)}
    assert list(fields) == ["name", "params", "pieces", "growth", "derivative_growth",
                            "centre", "spec", "formula", "tree"], fields
    assert fields["growth"] == fields["derivative_growth"] == "Growth"
    assert fields["spec"] == "str" and fields["params"] == "Mapping[str, Fraction | str]"
    assert ">Parameters<" not in own  # the constructor's arguments are these fields
    assert "zero_mean" in page and "Whether" in page
    plots = _page(site, "api/selu_proof.plots")
    assert "<strong>omega</strong>" in plots and "<strong>tau</strong>" in plots


def test_readme_sends_readers_to_the_built_site():
    """The pages use MyST roles, includes and generated references, which GitHub shows as
    source: the README points to the site and how to build it."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = " ".join(readme.split("\n## Documentation\n")[1].split("\n## ")[0].split())
    assert "as they are" not in section
    assert "`pip install '.[docs]' && python -m sphinx -b html docs docs/_build/html`" in section
    assert "open `docs/_build/html/index.html`" in section
    assert "{doc}" in (DOCS / "getting_started.md").read_text(encoding="utf-8")  # MyST roles
