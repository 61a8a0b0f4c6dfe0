"""Charts drawn on the server as SVG, each with a text alternative."""

import itertools

from django import template

register = template.Library()

_chart_ids = itertools.count(1)

BAR_HEIGHT = 34
BAR_GAP = 14
CHART_WIDTH = 600


@register.inclusion_tag("committees/includes/bar_chart.html")
def bar_chart(title, rows, maximum=None, series=True):
    """A horizontal bar chart.

    rows: (label, value, shown) with `shown` the value as the reader sees it,
    e.g. "43.15 %" or "more than 90". With `series`, each bar has its own
    colour (committees against the Landtag); otherwise all bars share one.
    """
    rows = list(rows)
    top = float(maximum or max((float(value) for _, value, _ in rows), default=1) or 1)
    bars = []
    for index, (label, value, shown) in enumerate(rows):
        y = index * (BAR_HEIGHT * 2 + BAR_GAP)
        bars.append(
            {
                "label": label,
                "shown": shown,
                "label_y": y + 20,
                "bar_y": y + 28,
                "width": max(2, round(float(value) / top * (CHART_WIDTH - 140), 1)),
                "height": BAR_HEIGHT,
                "index": index if series else 0,
            }
        )
    for bar in bars:
        bar["text_x"] = bar["width"] + 10
        bar["text_y"] = bar["bar_y"] + BAR_HEIGHT / 2 + 6
    height = len(bars) * (BAR_HEIGHT * 2 + BAR_GAP)
    return {
        "chart_id": f"chart-{next(_chart_ids)}",
        "title": title,
        "bars": bars,
        "width": CHART_WIDTH,
        "height": height,
    }
