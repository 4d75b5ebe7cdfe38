"""Every command on the documentation pages runs, and its printed output is the real one.

The pages' ``console`` and ``python`` blocks are read and matched exactly as the README's
(:mod:`test_readme`: ``$ cmd`` lines are run from the repository root, ``…`` matches
anything on a line, a line that is only ``…`` any number of lines).  A command shown with
the same output in the README is run there only.
"""

from __future__ import annotations

import doctest
from pathlib import Path

import pytest
from test_readme import EXAMPLES as README_EXAMPLES
from test_readme import _blocks, _examples, _matches, _run

DOCS = Path(__file__).resolve().parent.parent / "docs"
PAGES = {p.name: p.read_text(encoding="utf-8") for p in sorted(DOCS.glob("*.md"))}


def _page_examples() -> list[tuple[str, str, list[str]]]:
    seen = [(cmd, "\n".join(expected)) for cmd, expected in README_EXAMPLES]
    out = []
    for name, text in PAGES.items():
        for cmd, expected in _examples(text):
            if (cmd, "\n".join(expected)) not in seen:
                seen.append((cmd, "\n".join(expected)))
                out.append((name, cmd, expected))
    return out


EXAMPLES = _page_examples()


def test_the_pages_commands_are_found():
    pages = {name for name, _, _ in EXAMPLES}
    assert {"beyond_the_paper.md", "getting_started.md", "mean_field.md", "specs.md"} <= pages
    assert len(EXAMPLES) >= 10


@pytest.mark.parametrize("page,cmd,expected", EXAMPLES, ids=[f"{p}: {c}" for p, c, _ in EXAMPLES])
def test_docs_command_output(page, cmd, expected):
    res = _run(cmd)
    assert res.returncode in (0, 1), res.stderr
    actual = res.stdout.rstrip("\n").splitlines()
    assert _matches(expected, actual), "\n".join([f"{page}, expected:", *expected, "actual:",
                                                  *actual])


# doctest-style blocks (">>>"); the PyTorch quick start is a plain script, run by
# tests/test_torch_monitor.py
@pytest.mark.parametrize("page", [n for n, t in PAGES.items()
                                  if any(">>>" in b for b in _blocks("python", t))])
def test_docs_python_examples(page):
    for block in [b for b in _blocks("python", PAGES[page]) if ">>>" in b]:
        test = doctest.DocTestParser().get_doctest(block, {}, page, page, 0)
        runner = doctest.DocTestRunner()
        runner.run(test)
        assert runner.failures == 0 and runner.tries > 0
