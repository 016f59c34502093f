"""Comparison charts of the headquarters overview, laid out on the server as SVG geometry.

No script draws them (they work offline and under the strict CSP); the template writes the
shapes and every label as escaped text, and a table of the same numbers follows each chart.
``bars``: one value per mission (a ratio, a score); ``lines``: one monthly series per mission.
"""

from __future__ import annotations

from typing import Any

from bluehelmet.core.registry import HqChart, HqSeries

WIDTH, PAD_LEFT, PAD_RIGHT, PAD_TOP, PAD_BOTTOM = 560, 120, 60, 12, 28
BAR_HEIGHT, BAR_GAP = 18, 8
LINE_HEIGHT = 180
# Distinguishable colours (a word is beside each in the legend and the table).
COLOURS = ("#00679a", "#b3261e", "#2e7d32", "#8e24aa", "#ef6c00", "#555555", "#00897b", "#6d4c41")


def _nice_max(value: float) -> float:
    """An upper bound for the axis: 1, 2 or 5 times a power of ten, at least ``value``."""
    if value <= 0:
        return 1.0
    step = 10 ** len(str(int(value))) / 100 if value >= 1 else 0.1
    for factor in (1, 2, 5, 10, 20, 50, 100):
        if step * factor >= value:
            return step * factor
    return value


def bars(series: list[HqSeries]) -> dict[str, Any]:
    top = _nice_max(max((s.points[0][1] for s in series), default=0))
    inner = WIDTH - PAD_LEFT - PAD_RIGHT
    rows = []
    for i, s in enumerate(series):
        value = s.points[0][1]
        y = PAD_TOP + i * (BAR_HEIGHT + BAR_GAP)
        rows.append(
            {
                "mission": s.mission,
                "value": value,
                "y": y,
                "text_y": y + BAR_HEIGHT - 4,
                "width": round(max(value, 0) / top * inner, 1),
                "end_x": round(PAD_LEFT + max(value, 0) / top * inner + 4, 1),
                "colour": COLOURS[i % len(COLOURS)],
            }
        )
    height = PAD_TOP + len(series) * (BAR_HEIGHT + BAR_GAP) + PAD_BOTTOM
    return {"rows": rows, "height": height, "axis_y": height - PAD_BOTTOM + 14, "top": top}


def lines(series: list[HqSeries]) -> dict[str, Any]:
    labels = sorted({label for s in series for label, _v in s.points})
    top = _nice_max(max((v for s in series for _l, v in s.points), default=0))
    inner_w = WIDTH - PAD_LEFT - PAD_RIGHT
    inner_h = LINE_HEIGHT - PAD_TOP - PAD_BOTTOM
    step = inner_w / max(len(labels) - 1, 1)

    def x(label: str) -> float:
        return round(PAD_LEFT + labels.index(label) * step, 1)

    def y(value: float) -> float:
        return round(PAD_TOP + inner_h - max(value, 0) / top * inner_h, 1)

    drawn = []
    for i, s in enumerate(series):
        points = " ".join(f"{x(label)},{y(v)}" for label, v in s.points)
        drawn.append({"mission": s.mission, "points": points, "colour": COLOURS[i % len(COLOURS)]})
    ticks = [{"x": x(label), "label": label} for label in labels[:: max(len(labels) // 4, 1)]]
    return {
        "series": drawn,
        "height": LINE_HEIGHT,
        "top": top,
        "top_y": PAD_TOP + 4,
        "base_y": PAD_TOP + inner_h,
        "ticks": ticks,
        "tick_y": LINE_HEIGHT - 8,
        "labels": labels,
        "table": [
            {"mission": s.mission, "values": [dict(s.points).get(label) for label in labels]}
            for s in series
        ],
    }


def layout(chart: HqChart, series: list[HqSeries]) -> dict[str, Any]:
    """What ``core/includes/hq_chart.html`` draws for one chart."""
    shape = bars(series) if chart.kind == "bars" else lines(series)
    return {
        "chart": chart,
        "kind": chart.kind,
        "width": WIDTH,
        "left": PAD_LEFT,
        "right": WIDTH - PAD_RIGHT,
        **shape,
    }
