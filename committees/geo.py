"""Drawing NRW without a tile server: project WGS84 points onto an SVG canvas."""

import json
import math
from functools import lru_cache

from django.conf import settings

# The frame around NRW (degrees) and the width of the SVG canvas.
WEST, EAST, SOUTH, NORTH = 5.80, 9.50, 50.30, 52.55
CANVAS_WIDTH = 800
_X_SCALE = math.cos(math.radians((SOUTH + NORTH) / 2))
CANVAS_HEIGHT = round(CANVAS_WIDTH * (NORTH - SOUTH) / ((EAST - WEST) * _X_SCALE))
OUTLINE_FILE = settings.BASE_DIR / "fixtures" / "gv" / "nrw_outline.json"


def project(latitude, longitude):
    """Canvas coordinates of a point: an equirectangular projection around NRW."""
    x = (float(longitude) - WEST) / (EAST - WEST) * CANVAS_WIDTH
    y = (NORTH - float(latitude)) / (NORTH - SOUTH) * CANVAS_HEIGHT
    return round(x, 1), round(y, 1)


def ring_path(ring):
    points = [project(lat, lon) for lon, lat in ring]
    return "M" + "L".join(f"{x},{y}" for x, y in points) + "Z"


@lru_cache(maxsize=1)
def outline():
    """SVG path data for the outline of NRW and its Regierungsbezirke."""
    try:
        with open(OUTLINE_FILE, encoding="utf-8") as handle:
            data = json.load(handle)
    except FileNotFoundError:
        return {"land": "", "regierungsbezirke": [], "attribution": ""}
    return {
        "land": "".join(ring_path(ring) for ring in data.get("rings", [])),
        "regierungsbezirke": [
            "".join(ring_path(ring) for ring in rings)
            for rings in data.get("regierungsbezirke", {}).values()
        ],
        "attribution": data.get("attribution", ""),
    }
