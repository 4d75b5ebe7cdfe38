"""What every figure shares: saving, new Axes, the :class:`FigureData` base, Theorem 1 data.

Each ``plot_*`` function draws into an optional Axes (a new Figure, rendered by
matplotlib's Agg canvas, when none is given) and returns a :class:`FigureData`
subclass with the data it drew; the dataclass renders itself as PNG in Jupyter and
has a JSON-ready ``summary()``.  No pyplot state is touched.  A saved figure's
format follows the file extension (:data:`FIGURE_FORMATS`: PNG, PDF or SVG).

The helpers read the Theorem 1 domain from ``proofs/theorem1.toml`` and the
certified maxima of the committed Theorem 1 certificate (as data, not re-checked:
``selu-proof check`` replays them).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from selu_proof.files import write_atomic

#: file extensions :func:`save_figure` writes, and the matplotlib format of each
FIGURE_FORMATS: dict[str, str] = {".png": "png", ".pdf": "pdf", ".svg": "svg"}


def save_figure(fig: Any, path: str | os.PathLike[str], *, dpi: int | str = 150) -> Path:
    """Save ``fig`` in the format named by the extension of ``path`` (PNG, PDF or SVG).

    Parameters
    ----------
    fig : matplotlib.figure.Figure
        The figure to write.
    path : str or path
        Target file; its extension (case-insensitive) chooses the format.
    dpi : int or "figure"
        Resolution of PNG output (``"figure"``: the figure's own).

    Returns
    -------
    pathlib.Path
        The path written.

    Raises
    ------
    ValueError
        If the extension is not ``.png``, ``.pdf`` or ``.svg``.
    """
    p = Path(path)
    fmt = FIGURE_FORMATS.get(p.suffix.lower())
    if fmt is None:
        raise ValueError(f"cannot save a figure as {p.name!r}: the file name must end in "
                         f"{', '.join(FIGURE_FORMATS)}")
    import io

    buf = io.BytesIO()
    fig.savefig(buf, format=fmt, dpi=dpi)
    return write_atomic(p, buf.getvalue())  # whole or not at all; a link there is replaced


def _new_axes(ax: Any, figsize: tuple[float, float]) -> tuple[Any, Any]:
    """``(figure, axes)``: ``ax`` and its figure, or a new Agg-rendered Figure."""
    if ax is not None:
        return ax.figure, ax
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=figsize, layout="constrained")
    FigureCanvasAgg(fig)
    return fig, fig.add_subplot()


@dataclass(repr=False)
class FigureData:
    """Base of the values returned by the ``plot_*`` functions: the figure and what it shows."""

    figure: Any = field(repr=False)

    def save(self, path: str | os.PathLike[str]) -> Path:
        """Write the figure (:func:`save_figure`)."""
        return save_figure(self.figure, path)

    def summary(self) -> dict[str, Any]:  # pragma: no cover - overridden
        """Key numbers of the figure, JSON-ready."""
        return {}

    def __repr__(self) -> str:
        """The class name and :meth:`summary` on one line (not the arrays behind the figure)."""
        return f"{type(self).__name__}({_short(self.summary())[1:-1]})"

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        """IPython's text form: the class name and :meth:`summary` as an indented table.

        Notebooks show the figure (``_repr_png_``) with this short text beside it, not the
        arrays behind the figure.
        """
        lines = [type(self).__name__]
        lines += _summary_lines(self.summary(), "  ")
        printer.text("\n".join(lines))

    def _repr_png_(self) -> bytes:
        import io

        buf = io.BytesIO()
        self.figure.savefig(buf, format="png", dpi=100)
        return buf.getvalue()


def _short(value: Any) -> str:
    if isinstance(value, float):  # in full: a rounded certified end would not be one
        return repr(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_short(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_short(v)}" for k, v in value.items()) + "}"
    return str(value)


def _summary_lines(summary: dict[str, Any], indent: str) -> list[str]:
    """``key: value`` lines of a (nested) summary; a nested dict of dicts is indented."""
    lines = []
    for key, value in summary.items():
        if isinstance(value, dict) and any(isinstance(v, (dict, list)) for v in value.values()):
            lines.append(f"{indent}{key}:")
            lines += _summary_lines(value, indent + "  ")
        else:
            lines.append(f"{indent}{key}: {_short(value)}")
    return lines


def _theorem1_domain() -> tuple[tuple[float, float], ...]:
    """The Theorem 1 domain ``(mu, omega, nu, tau)`` as floats, from ``proofs/theorem1.toml``."""
    from selu_proof.kernel.specs import load_spec, shipped_specs

    spec = load_spec(shipped_specs()["theorem1"])
    return tuple((float(lo), float(hi)) for lo, hi in spec.domain)


def _committed_certificate(name: str = "theorem1") -> Path:
    from selu_proof.kernel.specs import PROOFS_DIR

    return PROOFS_DIR / f"{name}.cert.json"


def _theorem1_certified() -> dict[str, Any] | None:
    """Certified maxima of the committed Theorem 1 certificate (``None`` if absent).

    Keys ``"S(H)"``, ``"mean"``, ``"-mean"``, ``"var"``, ``"-var"``: upper bounds
    (decimal strings) of these expressions over the whole domain.  Read as
    data, not re-checked here: ``selu-proof check`` replays them.
    """
    from selu_proof.kernel.checker import read_document

    path = _committed_certificate()
    cert, _ = read_document(path)  # the checker's reader: a repeated key is no certificate
    if not isinstance(cert, dict):
        return None
    out: dict[str, Any] = {"file": path.name}
    for claim in cert.get("claims", []):
        for goal in claim.get("goals", []):
            out[goal["expression"]] = goal["certified_max"]
    return out


def _selu_params(alpha: float | None, lam: float | None) -> tuple[float, float]:
    from selu_proof.kernel.constants import ALPHA_01, LAMBDA_01

    return (ALPHA_01 if alpha is None else float(alpha),
            LAMBDA_01 if lam is None else float(lam))


def _draw_box(ax: Any, box: tuple[tuple[float, float], tuple[float, float]], **kw: Any) -> Any:
    from matplotlib.patches import Rectangle

    (x0, x1), (y0, y1) = box
    return ax.add_patch(Rectangle((x0, y0), x1 - x0, y1 - y0, fill=False, **kw))
