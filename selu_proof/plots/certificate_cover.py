"""How a certificate covers its domain: the leaves of its split trees, coloured by form.

:func:`certificate_leaves` replays the split tree of one goal
(:func:`selu_proof.kernel.forms.replay_tree`) into :class:`CertificateLeaf`
boxes; :func:`plot_certificate_cover` draws them in a chosen plane, coloured by
the enclosure that proved each one (natural interval form, mean-value form, or
monotone on a face).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any

from selu_proof.plots.common import FigureData, _committed_certificate, _new_axes

#: colours of the leaf categories in :func:`plot_certificate_cover`
COVER_COLOURS: dict[str, str] = {"natural": "tab:blue", "mean_value": "tab:orange",
                                 "monotone": "tab:green"}

_COVER_LABELS = {"natural": "natural interval form", "mean_value": "mean-value form",
                 "monotone": "monotone (on a face)"}

_VARS = ("mu", "omega", "nu", "tau")

_PLANES: dict[str, tuple[str, str]] = {"mu-nu": ("μ", "ν"), "a-v": ("a = μω", "v = ντ"),
                                       "omega-tau": ("ω", "τ")}


@dataclass(frozen=True)
class CertificateLeaf:
    """One leaf of a certificate split tree.

    Attributes
    ----------
    box : tuple
        Exact ``(lo, hi)`` Fractions of ``(mu, omega, nu, tau)``.
    form : str
        ``"natural"`` or ``"mean_value"``.
    mask : str
        Face mask (``"."`` free, ``"<"``/``">"`` fixed at the lower/upper end).
    bound : str
        The recorded upper bound.
    """

    box: tuple[tuple[Fraction, Fraction], ...]
    form: str
    mask: str
    bound: str

    @property
    def category(self) -> str:
        """``"monotone"`` when some variable is fixed on a face, else the form."""
        return "monotone" if self.mask != "...." else self.form

    def project(self, plane: str) -> tuple[tuple[Fraction, Fraction], tuple[Fraction, Fraction]]:
        """Exact ranges of the leaf in ``plane`` (``"mu-nu"``, ``"a-v"`` or ``"omega-tau"``).

        ``a = mu*omega`` and ``v = nu*tau`` ranges are interval products.
        """
        (m0, m1), (w0, w1), (n0, n1), (t0, t1) = self.box
        if plane == "mu-nu":
            return (m0, m1), (n0, n1)
        if plane == "omega-tau":
            return (w0, w1), (t0, t1)
        if plane == "a-v":
            a = [m0 * w0, m0 * w1, m1 * w0, m1 * w1]
            v = [n0 * t0, n0 * t1, n1 * t0, n1 * t1]
            return (min(a), max(a)), (min(v), max(v))
        raise ValueError(f"unknown plane {plane!r}; choose one of {', '.join(_PLANES)}")

    @property
    def volume(self) -> Fraction:
        """Exact 4-D volume of the box."""
        out = Fraction(1)
        for lo, hi in self.box:
            out *= hi - lo
        return out


def _goals(entry: Any) -> Any:
    """A claim entry's goals; an ``extremum`` entry is its own single goal (its tree)."""
    if not isinstance(entry, dict):
        return None
    if entry.get("kind") == "extremum":
        return [{**entry, "label": f"{entry.get('sense')} {entry.get('quantity')}"}]
    return entry.get("goals")


def certificate_leaves(cert: dict[str, Any], claim: int = 0, goal: int = 0
                       ) -> list[CertificateLeaf]:
    """Replay the split tree of one goal geometrically: the leaves and their exact boxes.

    The tree is preorder: an integer ``d`` bisects the current box at the exact
    midpoint of variable ``d`` (``mu, omega, nu, tau``), left child first; a
    list ``[form, mask, bound]`` is a leaf.  Only the geometry is replayed
    (no ball arithmetic): to *check* the evidence use
    :func:`selu_proof.kernel.checker.check_file`.

    Parameters
    ----------
    cert : dict
        A certificate document (parsed JSON).
    claim, goal : int
        Which claim of the specification, and which goal of that claim.

    Returns
    -------
    list of CertificateLeaf
        In tree order.

    Raises
    ------
    ValueError
        If the indices do not exist or the tree is malformed.
    """
    from selu_proof.kernel.exact import parse_decimal

    try:
        dom = cert["spec"]["domain"]
        ends = [(dom[v][0], dom[v][1]) for v in _VARS]
        claims = cert["claims"]
        if not isinstance(claims, list):
            raise TypeError
    except (KeyError, TypeError, IndexError):
        raise ValueError("not a certificate: no spec.domain or claims") from None
    try:
        domain = tuple((parse_decimal(lo), parse_decimal(hi)) for lo, hi in ends)
    except ValueError as exc:
        raise ValueError(f"not a certificate: spec.domain: {exc}") from None
    if not 0 <= claim < len(claims):
        raise ValueError(f"claim {claim} does not exist: the certificate has claims 0.."
                         f"{len(claims) - 1}")
    goals = _goals(claims[claim])
    if not isinstance(goals, list) or not all(isinstance(g, dict) for g in goals):
        raise ValueError(f"claim {claim}: malformed goals")
    if not 0 <= goal < len(goals):
        raise ValueError(f"goal {goal} does not exist: claim {claim} "
                         f"({claims[claim].get('kind')}) has goals 0..{len(goals) - 1}")
    tree = goals[goal].get("tree")
    if not isinstance(tree, list):
        raise ValueError("goal has no split tree")
    from selu_proof.kernel.forms import replay_tree

    return [CertificateLeaf(box, str(form), str(mask), str(bound))
            for _, box, (form, mask, bound) in replay_tree(domain, tree)]

_CELL_WEIGHT_NOTE = {
    "mu-nu": "colour: forms of the leaves over each point,\nmixed by their share of the "
             "(ω, τ) range",
    "omega-tau": "colour: forms of the leaves over each point,\nmixed by their share of the "
                 "(μ, ν) range",
    "a-v": "colour: forms of the leaves over each point,\nmixed by their number",
}


def _lighten(rgb: Any) -> Any:
    """Pastel version of RGB values so that the leaf outlines stay visible."""
    return 0.4 + 0.6 * rgb


def _fraction_weight(leaf: CertificateLeaf, domain: tuple[tuple[Fraction, Fraction], ...],
                     plane: str) -> Fraction | None:
    """Share of the leaf in the two variables not drawn (``None`` for the ``a-v`` plane)."""
    hidden = {"mu-nu": (1, 3), "omega-tau": (0, 2)}.get(plane)
    if hidden is None:
        return None
    out = Fraction(1)
    for d in hidden:
        if domain[d][1] > domain[d][0]:  # a zero-width variable is covered whole
            out *= (leaf.box[d][1] - leaf.box[d][0]) / (domain[d][1] - domain[d][0])
    return out


@dataclass(repr=False)
class CoverPlot(FigureData):
    """Data of :func:`plot_certificate_cover`.

    Attributes
    ----------
    certificate : str
        The file drawn.
    name, claim_kind, goal_label : str
        Specification name, claim kind, goal label.
    claim, goal : int
        Indices.
    plane : str
        ``"mu-nu"``, ``"a-v"`` or ``"omega-tau"``.
    leaves : list of CertificateLeaf
        The leaves, with exact 4-D boxes, in tree order.
    rectangles : list
        Per leaf, its projection ``((x0, x1), (y0, y1))`` (exact Fractions).
    counts : dict
        Leaves per category (``natural``, ``mean_value``, ``monotone``).
    domain : tuple
        The 4-D domain of the specification, exact.
    recorded_leaves : int
        The ``leaves`` field of the goal in the certificate.
    x_edges, y_edges : ndarray
        The cells of the drawing: all projected leaf edges.
    shares : dict
        Category -> array ``(len(y_edges) - 1, len(x_edges) - 1)``: per cell,
        the summed weight of the leaves of that category over it (share of the
        hidden variables' range for ``mu-nu`` and ``omega-tau``, so the three
        arrays add up to 1 on a complete cover; leaf count for ``a-v``).
    covered_area : Fraction or None
        ``sum(area of projection * share of the hidden range)`` over leaves:
        equals the area of the domain's rectangle in the plane exactly when
        the leaves tile the domain (``None`` for ``a-v``).
    checked : bool
        Whether the certificate was checked (and passed) before it was drawn.
    """

    certificate: str
    name: str
    claim: int
    goal: int
    claim_kind: str
    goal_label: str
    plane: str
    leaves: list[CertificateLeaf] = field(repr=False)
    rectangles: list[Any] = field(repr=False)
    counts: dict[str, int]
    domain: tuple[tuple[Fraction, Fraction], ...]
    recorded_leaves: int
    x_edges: Any = field(repr=False)
    y_edges: Any = field(repr=False)
    shares: dict[str, Any] = field(repr=False)
    covered_area: Fraction | None
    checked: bool = True

    @property
    def extent(self) -> tuple[tuple[Fraction, Fraction], tuple[Fraction, Fraction]]:
        """Exact bounding rectangle of the projected leaves."""
        xs = [r[0] for r in self.rectangles]
        ys = [r[1] for r in self.rectangles]
        return ((min(x[0] for x in xs), max(x[1] for x in xs)),
                (min(y[0] for y in ys), max(y[1] for y in ys)))

    def summary(self) -> dict[str, Any]:
        """Counts and where the cover lies."""
        (x0, x1), (y0, y1) = self.extent
        return {"certificate": self.certificate, "name": self.name, "claim": self.claim,
                "claim_kind": self.claim_kind, "goal": self.goal, "goal_label": self.goal_label,
                "plane": self.plane, "leaves": len(self.leaves),
                "recorded_leaves": self.recorded_leaves, "counts": self.counts,
                "extent": [[float(x0), float(x1)], [float(y0), float(y1)]],
                "covered_area": None if self.covered_area is None else str(self.covered_area),
                "checked": self.checked}


def plot_certificate_cover(certificate: str | os.PathLike[str] | None = None, ax: Any = None, *,
                           claim: int = 0, goal: int = 0, plane: str = "mu-nu",
                           check: bool = True) -> CoverPlot:
    """The leaves of a certificate drawn in a plane, coloured by the form that closed them.

    Each leaf of the goal's split tree (:func:`certificate_leaves`) is a 4-D
    box; its projection to the ``(mu, nu)`` plane, the reduced
    ``(a, v) = (mu*omega, nu*tau)`` plane, or the ``(omega, tau)`` plane is
    outlined.  Leaves that differ only in the hidden variables project onto
    the same place, so each point is coloured by the mix of the forms of all
    leaves above it (weighted by their share of the hidden variables' range).
    Categories: natural interval form, mean-value form, and monotone leaves
    (bounded on a face because a partial derivative has constant sign).

    Parameters
    ----------
    certificate : str or path, optional
        A certificate file; default the committed Theorem 1 certificate.
    ax : matplotlib Axes, optional
        Where to draw; a new figure when omitted.
    claim, goal : int
        Which claim and goal (default the first: ``S(H) < 1`` for Theorem 1).
    plane : str
        ``"mu-nu"`` (default), ``"a-v"`` or ``"omega-tau"``.
    check : bool
        Check the certificate with the kernel's checker first (default) and
        refuse one that does not check: a drawing of its leaves would show a
        cover that proves nothing.  ``False`` draws the file as it is and says
        so in the title ("not checked").

    Returns
    -------
    CoverPlot

    Raises
    ------
    ValueError
        If the file cannot be read, is not a certificate, does not check
        (with ``check``), or the indices or plane do not exist.
    """
    import numpy as np
    from matplotlib.collections import PatchCollection
    from matplotlib.colors import to_rgb
    from matplotlib.patches import Patch, Rectangle

    from selu_proof.kernel.checker import check_document, read_document

    if plane not in _PLANES:
        raise ValueError(f"unknown plane {plane!r}; choose one of {', '.join(_PLANES)}")
    path = Path(certificate) if certificate is not None else _committed_certificate()
    cert, reason = read_document(path)  # the checker's reader: one line for any file
    if reason:
        raise ValueError(f"{path}: {reason}")
    if not isinstance(cert, dict):
        raise ValueError(f"{path} is not a certificate")
    if check:
        verdict = check_document(cert)
        if not verdict.valid:
            raise ValueError(f"{path} does not check ({verdict.message}), so its cover proves "
                             "nothing; draw it anyway with check=False (--no-check)")
    leaves = certificate_leaves(cert, claim, goal)
    entry = cert["claims"][claim]
    g = _goals(entry)[goal]
    dom = cert["spec"]["domain"]
    domain = tuple((Fraction(dom[v][0]), Fraction(dom[v][1])) for v in _VARS)

    rects = [leaf.project(plane) for leaf in leaves]
    counts = {c: 0 for c in COVER_COLOURS}
    for leaf in leaves:
        counts[leaf.category] += 1
    xe = sorted({x for r in rects for x in r[0]})
    ye = sorted({y for r in rects for y in r[1]})
    if len(xe) < 2 or len(ye) < 2:
        raise ValueError(f"the {plane} plane is degenerate for this certificate (a drawn "
                         "variable has zero width); choose another plane")
    x_index = {x: i for i, x in enumerate(xe)}
    y_index = {y: j for j, y in enumerate(ye)}
    shares = {c: np.zeros((len(ye) - 1, len(xe) - 1)) for c in COVER_COLOURS}
    covered: Fraction | None = Fraction(0) if plane != "a-v" else None
    for leaf, ((x0, x1), (y0, y1)) in zip(leaves, rects):
        w = _fraction_weight(leaf, domain, plane)
        shares[leaf.category][y_index[y0]:y_index[y1], x_index[x0]:x_index[x1]] += \
            1.0 if w is None else float(w)
        if covered is not None and w is not None:
            covered += (x1 - x0) * (y1 - y0) * w
    total = sum(shares.values())
    rgb = sum(shares[c][..., None] * np.array(to_rgb(COVER_COLOURS[c])) for c in COVER_COLOURS)
    with np.errstate(invalid="ignore", divide="ignore"):
        rgb = np.where(total[..., None] > 0, rgb / total[..., None], 1.0)
    rgba = np.concatenate([_lighten(rgb), np.ones(total.shape + (1,))], axis=-1)
    x_edges = np.array([float(x) for x in xe])
    y_edges = np.array([float(y) for y in ye])

    fig, ax = _new_axes(ax, (7.0, 5.6))
    ax.pcolormesh(x_edges, y_edges, rgba, shading="flat")
    outlines = [Rectangle((float(x0), float(y0)), float(x1 - x0), float(y1 - y0))
                for (x0, x1), (y0, y1) in rects]
    ax.add_collection(PatchCollection(outlines, facecolors="none", edgecolors="0.15",
                                      linewidths=0.35 if len(leaves) > 500 else 0.6))
    pad_x = 0.02 * (x_edges[-1] - x_edges[0] or 1.0)
    pad_y = 0.02 * (y_edges[-1] - y_edges[0] or 1.0)
    ax.set_xlim(x_edges[0] - pad_x, x_edges[-1] + pad_x)
    ax.set_ylim(y_edges[0] - pad_y, y_edges[-1] + pad_y)
    handles = [Patch(facecolor=_lighten(np.array(to_rgb(COVER_COLOURS[c]))),
                     edgecolor="0.15", label=f"{_COVER_LABELS[c]}: {counts[c]}")
               for c in COVER_COLOURS]
    ax.legend(handles=handles, fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.11),
              ncol=3, title=f"{len(leaves)} leaves by form; {_CELL_WEIGHT_NOTE[plane]}",
              title_fontsize=8)
    xl, yl = _PLANES[plane]
    ax.set_xlabel(xl)
    ax.set_ylabel(yl)
    name = cert["spec"].get("name", path.stem)
    ax.set_title(f"{name}, claim {claim} ({entry.get('kind')}), goal {g.get('label')}:\n"
                 f"split-tree leaves projected to the ({xl.split(' ')[0]}, "
                 f"{yl.split(' ')[0]}) plane"
                 + ("" if check else "\n(certificate NOT checked)"), fontsize=10)
    return CoverPlot(fig, str(path), str(name), claim, goal, str(entry.get("kind")),
                     str(g.get("label")), plane, leaves, rects, counts, domain,
                     int(g.get("leaves", -1)), x_edges, y_edges, shares, covered, check)
