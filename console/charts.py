"""Bar charts as SVG, drawn on the server (no JavaScript). A count of 1–4 is drawn as a
short grey bar marked "< 5", never its true length, so the chart hides what the tables
hide."""

from __future__ import annotations

from markupsafe import Markup, escape

from resursguiden.statistics import SMALLEST_SHOWN, shown

BAR_HEIGHT = 22
GAP = 6
LABEL_WIDTH = 170
CHART_WIDTH = 640


def bar_chart(title: str, rows: tuple[tuple[str, int], ...] | list[tuple[str, int]]) -> Markup:
    """Horizontal bars, one per (label, count), largest scale first."""
    rows = list(rows)
    drawable = [count for _, count in rows if count >= SMALLEST_SHOWN]
    scale_max = max(drawable, default=SMALLEST_SHOWN)
    bar_space = CHART_WIDTH - LABEL_WIDTH - 60
    height = len(rows) * (BAR_HEIGHT + GAP) + GAP
    parts = [
        f'<svg class="chart" role="img" aria-labelledby="{_id(title)}" xmlns="http://www.w3.org/2000/svg"'
        f' viewBox="0 0 {CHART_WIDTH} {height}" width="{CHART_WIDTH}" height="{height}">',
        f'<title id="{_id(title)}">{escape(title)}</title>',
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
            f'<text x="{LABEL_WIDTH + length + 6}" y="{baseline}">{shown(count)}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def _id(title: str) -> str:
    return "chart-" + "".join(c if c.isalnum() else "-" for c in title.lower())
