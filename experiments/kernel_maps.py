"""The certified kernel maps ``C(c)`` of ReLU, tanh, SiLU, GELU and softplus on [-1, 1].

Each point is the certified enclosure of ``C(c) = E[f(u)f(v)]/E[f(u)^2]`` at ``q = 1``
(:func:`selu_proof.kernel_maps.kernel_maps`, i.i.d.-weights convention), drawn at its
midpoint (the enclosures are far narrower than a line), on 11 equally spaced correlations;
the identity ``C(c) = c`` is the linear activation's map.  Writes
``experiments/figures/kernel_maps.png``.  Run: ``python experiments/kernel_maps.py``.
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from selu_proof.kernel_maps import grid_points, kernel_maps  # noqa: E402

ACTIVATIONS = ("relu", "tanh", "silu", "gelu", "softplus")
OUT = Path(__file__).resolve().parent / "figures" / "kernel_maps.png"


def main() -> None:
    cs = grid_points(11)
    fig, ax = plt.subplots(figsize=(5.5, 4.5))
    ax.plot([-1, 1], [-1, 1], color="0.7", lw=1, label="identity (linear f)")
    for name in ACTIVATIONS:
        pts = kernel_maps(name, cs, digits=8)["points"]
        mids = [float((Fraction(p["C"][0]) + Fraction(p["C"][1])) / 2) for p in pts]
        ax.plot([float(c) for c in cs], mids, marker="o", ms=3, label=name)
    ax.set_xlabel("input correlation c")
    ax.set_ylabel("C(c) = E[f(u)f(v)] / E[f(u)^2]")
    ax.set_title("certified kernel maps, q = 1")
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(OUT, dpi=110)


if __name__ == "__main__":
    main()
