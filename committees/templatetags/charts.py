"""Charts drawn on the server as SVG, each with a heading and a text alternative."""

import itertools
import textwrap

from django import template

register = template.Library()

_chart_ids = itertools.count(1)

BAR_HEIGHT = 30
BAR_GAP = 16
LINE_HEIGHT = 20
# Narrow on purpose: a phone shows the chart about this wide, so the 16-unit labels
# stay about 16 px there; wider screens cap the chart's width (portal.css). Labels
# longer than a line are wrapped.
CHART_WIDTH = 340
LABEL_CHARS = 34
VALUE_ROOM = 110


@register.inclusion_tag("committees/includes/bar_chart.html")
def bar_chart(title, rows, maximum=None, series=True):
    """A horizontal bar chart under a heading (h3) with its title.

    rows: (label, value, shown) with `shown` the value as the reader sees it,
    e.g. "43.15 %" or "more than 90". With `series`, each bar has its own
    colour (committees against the Landtag); otherwise all bars share one.
    """
    rows = list(rows)
    top = float(maximum or max((float(value) for _, value, _ in rows), default=1) or 1)
    bars = []
    y = 0
    for index, (label, value, shown) in enumerate(rows):
        lines = textwrap.wrap(str(label), LABEL_CHARS) or [""]
        bar_y = y + LINE_HEIGHT * len(lines) + 8
        bars.append(
            {
                "label": label,
                "lines": [
                    {"text": line, "y": y + LINE_HEIGHT * (number + 1) - 2}
                    for number, line in enumerate(lines)
                ],
                "shown": shown,
                "bar_y": bar_y,
                "width": max(2, round(float(value) / top * (CHART_WIDTH - VALUE_ROOM), 1)),
                "height": BAR_HEIGHT,
                "index": index if series else 0,
            }
        )
        y = bar_y + BAR_HEIGHT + BAR_GAP
    for bar in bars:
        bar["text_x"] = bar["width"] + 10
        bar["text_y"] = bar["bar_y"] + BAR_HEIGHT / 2 + 6
    return {
        "chart_id": f"chart-{next(_chart_ids)}",
        "title": title,
        "bars": bars,
        "width": CHART_WIDTH,
        "height": max(y - BAR_GAP, 1),
    }
