"""Bar and column charts as SVG, drawn on the server (no JavaScript), from the cells the
statistics may show: a hidden count ("< 5" or "dold") is a short grey bar of the same
length whatever the count, and the scale comes from the shown counts alone, so a chart
gives away nothing its table hides."""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup, escape

from resursguiden.statistics import SMALLEST_SHOWN, Cell

BAR_HEIGHT = 22
GAP = 6
LABEL_WIDTH = 200
CHART_WIDTH = 640
HIDDEN_LENGTH = 8


def bar_chart(title: str, cells: Sequence[Cell]) -> Markup:
    """Horizontal bars, one per group, in the given order."""
    bar_space = CHART_WIDTH - LABEL_WIDTH - 60
    scale = _scale(cells)
    height = len(cells) * (BAR_HEIGHT + GAP) + GAP
    parts = [_svg_start(title, height)]
    for index, cell in enumerate(cells):
        y = GAP + index * (BAR_HEIGHT + GAP)
        baseline = y + BAR_HEIGHT - 6
        length = _length(cell, bar_space, scale)
        box = f'x="{LABEL_WIDTH}" y="{y}" width="{length:.0f}" height="{BAR_HEIGHT}"'
        label = escape(cell.label)
        parts.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{baseline}" text-anchor="end">{label}</text>'
            f'<rect class="{_css(cell)}" {box}/>'
            f'<text x="{LABEL_WIDTH + length + 6:.0f}" y="{baseline}">{escape(cell.text)}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def column_chart(title: str, cells: Sequence[Cell], label_every: int = 1) -> Markup:
    """Columns over time (days or weeks), oldest first; every count written above its
    column, and the label under the first column and every `label_every`-th after it."""
    top, bottom, left = 18, 34, 36
    plot_height = 150
    scale = _scale(cells)
    step = (CHART_WIDTH - 2 * left) / max(1, len(cells))
    width = max(2.0, step * 0.7)
    height = top + plot_height + bottom
    parts = [
        _svg_start(title, height),
        f'<line class="axis" x1="{left}" x2="{CHART_WIDTH - left}" y1="{top + plot_height}"'
        f' y2="{top + plot_height}"/>',
    ]
    for index, cell in enumerate(cells):
        x = left + index * step + (step - width) / 2
        length = _length(cell, plot_height, scale, hidden_length=6)
        y = top + plot_height - length
        centre = x + width / 2
        parts.append(
            f'<rect class="{_css(cell)}" x="{x:.1f}" y="{y:.1f}" width="{width:.1f}"'
            f' height="{length:.1f}"/>'
        )
        if cell.count:
            parts.append(
                f'<text class="small" x="{centre:.1f}" y="{y - 4:.1f}" text-anchor="middle">'
                f"{escape(cell.text)}</text>"
            )
        if index % label_every == 0:
            parts.append(
                f'<text class="small" x="{centre:.1f}" y="{top + plot_height + 16}"'
                f' text-anchor="middle">{escape(cell.label)}</text>'
            )
    parts.append("</svg>")
    return Markup("".join(parts))


def _scale(cells: Sequence[Cell]) -> int:
    return max((c.count for c in cells if not c.hidden), default=SMALLEST_SHOWN) or SMALLEST_SHOWN


def _length(cell: Cell, space: float, scale: int, hidden_length: float = HIDDEN_LENGTH) -> float:
    if cell.count == 0:
        return 0
    if cell.hidden:
        return hidden_length
    return max(2, space * cell.count / scale)


def _css(cell: Cell) -> str:
    return "bar suppressed" if cell.hidden else "bar"


def _svg_start(title: str, height: int) -> str:
    return (
        f'<svg class="chart" role="img" aria-labelledby="{_id(title)}"'
        f' xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {CHART_WIDTH} {height}"'
        f' width="{CHART_WIDTH}" height="{height}"><title id="{_id(title)}">{escape(title)}</title>'
    )


def _id(title: str) -> str:
    return "chart-" + "".join(c if c.isalnum() else "-" for c in title.lower())
