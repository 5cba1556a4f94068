"""One look for every chart in the course: a colour-blind-safe palette, labelled axes, a source line.

Chapters call :func:`figure` to start a chart and :func:`finish` to end it, so titles,
units and sources are never forgotten and every chart looks alike.
"""
from __future__ import annotations

import matplotlib.pyplot as plt

__all__ = ["PALETTE", "COUNTRY", "figure", "finish"]

# Okabe and Ito (2008): distinguishable with the common forms of colour blindness.
PALETTE = {
    "blue": "#0072B2",
    "orange": "#E69F00",
    "green": "#009E73",
    "vermillion": "#D55E00",
    "sky": "#56B4E9",
    "purple": "#CC79A7",
    "yellow": "#F0E442",
    "black": "#000000",
    "grey": "#777777",
}
# The same country always has the same colour, in every chapter.
COUNTRY = {
    "Pakistan": PALETTE["green"],
    "Russia": PALETTE["blue"],
    "India": PALETTE["orange"],
    "China": PALETTE["vermillion"],
    "United States": PALETTE["purple"],
    "Afghanistan": PALETTE["sky"],
    "Other": PALETTE["grey"],
}


def figure(title: str, xlabel: str, ylabel: str, size: tuple[float, float] = (8, 4.5)):
    """A new figure and axes with the course style, a left-aligned title and labelled axes."""
    fig, ax = plt.subplots(figsize=size)
    ax.set_title(title, loc="left", fontsize=11)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.grid(axis="y", color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)
    return fig, ax


def finish(fig, source: str) -> None:
    """Put the source line under the chart, tighten the layout and show it (nbval-safe)."""
    fig.text(0.01, 0.01, f"Source: {source}", fontsize=8, color="#444444")
    fig.tight_layout(rect=(0, 0.05, 1, 1))
    plt.show()
