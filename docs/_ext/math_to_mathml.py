r"""Math rendered when the site is built: the pages carry MathML, no TeX, no script.

Sphinx's default renderer writes the TeX source into the page and leaves it to MathJax,
a script loaded from a CDN: offline, a reader sees ``\(\tilde\mu\)``.  This extension
translates every formula (MyST ``$...$``, ``{math}``, the ``.. math::`` of docstrings and
the ``text/latex`` outputs of notebooks) with docutils' LaTeX-to-MathML translator (the one
behind docutils' own ``math_output = MathML``; docutils comes with Sphinx) and writes the
MathML into the HTML, which browsers lay out themselves (MathML Core: Firefox, Safari,
Chrome and Edge since 2023).  A formula the translator does not know is a build warning
naming the page and the formula, so ``sphinx -W`` fails instead of showing raw TeX.
The translator's interface (``tex2mathml(tex, as_block=...)``) is that of docutils 0.21
and later.
"""

from __future__ import annotations

import re
from html import escape
from typing import Any

from docutils import nodes
from docutils.utils.math.latex2mathml import tex2mathml
from sphinx.locale import _
from sphinx.util import logging
from sphinx.util.math import get_node_equation_number

logger = logging.getLogger(__name__)

#: a digit run after a command taking one argument, or after ``^``/``_``: in TeX only the
#: first digit is the argument (``x^12`` is ``x^{1}2``); the translator would take all
_ONE_ARG = re.compile(r"(\\sqrt|[\^_])\s*(\d)(?=\d)")
#: ``\frac12``, ``\tfrac12``, ``\binom12``: two one-digit arguments in TeX
_TWO_ARGS = re.compile(r"(\\[dt]?frac|\\binom)\s*(\d)(\d)")


def tex_as_tex_reads_it(tex: str) -> str:
    r"""``tex`` with every one-digit macro argument in braces, as TeX reads it.

    docutils' translator reads a run of digits as one token, so ``\tfrac12`` would become
    ``12`` over whatever follows; TeX (and MathJax) take one digit.

    >>> tex_as_tex_reads_it(r"\tfrac12\left(a\right) + x^12 + \sqrt2")
    '\\tfrac{1}{2}\\left(a\\right) + x^{1}2 + \\sqrt2'
    """
    return _ONE_ARG.sub(r"\1{\2}", _TWO_ARGS.sub(r"\1{\2}{\3}", tex))


def to_mathml(tex: str, *, block: bool, node: nodes.Node) -> str:
    """The MathML of ``tex``; a warning (an error under ``-W``) if it does not translate."""
    try:
        return tex2mathml(tex_as_tex_reads_it(tex), as_block=block)
    except Exception as exc:  # noqa: BLE001 - MathError, or an index error on broken input
        logger.warning("math not translated to MathML (%s): %s", exc, tex, location=node,
                       type="mathml")
        return f'<code class="math-error">{escape(tex)}</code>'


def visit_math(self: Any, node: nodes.math) -> None:
    """Inline math: a ``<math>`` element."""
    self.body.append(to_mathml(node.astext(), block=False, node=node))
    raise nodes.SkipNode


def visit_displaymath(self: Any, node: nodes.math_block) -> None:
    """Display math: ``<div class="math">`` around a block ``<math>`` element.

    Equations separated by a blank line are rows of one table, as Sphinx's MathJax
    renderer aligns them; a numbered equation keeps its number and permalink.
    """
    self.body.append(self.starttag(node, "div", CLASS="math"))
    if node["number"]:
        self.body.append(f'<span class="eqno">({get_node_equation_number(self, node)})')
        self.add_permalink_ref(node, _("Link to this equation"))
        self.body.append("</span>")
    text = node.astext()
    if not node.get("no-wrap", node.get("nowrap", False)):
        text = r" \\ ".join(p for p in text.split("\n\n") if p.strip())
    self.body.append(to_mathml(text, block=True, node=node))
    self.body.append("</div>\n")
    raise nodes.SkipNode


def setup(app: Any) -> dict[str, Any]:
    """Register the renderer as ``mathml`` (``html_math_renderer = "mathml"``)."""
    app.add_html_math_renderer("mathml", (visit_math, None), (visit_displaymath, None))
    return {"parallel_read_safe": True, "parallel_write_safe": True}
