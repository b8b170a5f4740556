"""Bar charts as SVG, drawn on the server (no JavaScript). A count of 1–4 is drawn as a
short grey bar marked "< 5", never its true length, so the chart hides what the tables
hide."""

from __future__ import annotations

from markupsafe import Markup, escape

from resursguiden.statistics import SMALLEST_SHOWN, shown

BAR_HEIGHT = 22
GAP = 6
LABEL_WIDTH = 200
CHART_WIDTH = 640


def bar_chart(title: str, rows: tuple[tuple[str, int], ...] | list[tuple[str, int]]) -> Markup:
    """Horizontal bars, one per (label, count), largest scale first."""
    rows = list(rows)
    drawable = [count for _, count in rows if count >= SMALLEST_SHOWN]
    scale_max = max(drawable, default=SMALLEST_SHOWN)
    bar_space = CHART_WIDTH - LABEL_WIDTH - 60
    height = len(rows) * (BAR_HEIGHT + GAP) + GAP
    parts = [
        _svg_start(title, height),
    ]
    for index, (label, count) in enumerate(rows):
        y = GAP + index * (BAR_HEIGHT + GAP)
        baseline = y + BAR_HEIGHT - 6
        suppressed = 0 < count < SMALLEST_SHOWN
        # A suppressed bar has the length of "a few", the same whatever the count.
        length = (
            0 if count == 0 else (8 if suppressed else max(2, round(bar_space * count / scale_max)))
        )
        css = "bar suppressed" if suppressed else "bar"
        box = f'x="{LABEL_WIDTH}" y="{y}" width="{length}" height="{BAR_HEIGHT}"'
        parts.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{baseline}" text-anchor="end">{escape(label)}</text>'
            f'<rect class="{css}" {box}/>'
            f'<text x="{LABEL_WIDTH + length + 6}" y="{baseline}">{escape(shown(count))}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def _svg_start(title: str, height: int) -> str:
    return (
        f'<svg class="chart" role="img" aria-labelledby="{_id(title)}"'
        f' xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {CHART_WIDTH} {height}"'
        f' width="{CHART_WIDTH}" height="{height}"><title id="{_id(title)}">{escape(title)}</title>'
    )


def _id(title: str) -> str:
    return "chart-" + "".join(c if c.isalnum() else "-" for c in title.lower())


def column_chart(
    title: str, rows: tuple[tuple[str, int], ...] | list[tuple[str, int]], label_every: int = 1
) -> Markup:
    """Columns over time (days or weeks), oldest first; every count written above its
    column, and the label under the first column and every `label_every`-th after it."""
    rows = list(rows)
    top, bottom, left = 18, 34, 36
    plot_height = 150
    drawable = [count for _, count in rows if count >= SMALLEST_SHOWN]
    scale_max = max(drawable, default=SMALLEST_SHOWN)
    step = (CHART_WIDTH - 2 * left) / max(1, len(rows))
    width = max(2.0, step * 0.7)
    height = top + plot_height + bottom
    parts = [
        _svg_start(title, height),
        f'<line class="axis" x1="{left}" x2="{CHART_WIDTH - left}" y1="{top + plot_height}"'
        f' y2="{top + plot_height}"/>',
    ]
    for index, (label, count) in enumerate(rows):
        x = left + index * step + (step - width) / 2
        suppressed = 0 < count < SMALLEST_SHOWN
        length = 0 if count == 0 else (6 if suppressed else max(2, plot_height * count / scale_max))
        y = top + plot_height - length
        centre = x + width / 2
        css = "bar suppressed" if suppressed else "bar"
        parts.append(
            f'<rect class="{css}" x="{x:.1f}" y="{y:.1f}" width="{width:.1f}"'
            f' height="{length:.1f}"/>'
        )
        if count:
            parts.append(
                f'<text class="small" x="{centre:.1f}" y="{y - 4:.1f}" text-anchor="middle">'
                f"{escape(shown(count))}</text>"
            )
        if index % label_every == 0:
            parts.append(
                f'<text class="small" x="{centre:.1f}" y="{top + plot_height + 16}"'
                f' text-anchor="middle">{escape(label)}</text>'
            )
    parts.append("</svg>")
    return Markup("".join(parts))
