"""Build the dashboard's world map, `src/tidings/serve/static/world.json`, from Natural Earth.

The source is Natural Earth's 1:110m admin-0 countries (public domain) as shipped in the
geopandas 0.14.4 wheel on PyPI (`geopandas/datasets/naturalearth_lowres`). Run once when the
shapes should change; the dashboard reads the JSON this writes and needs nothing at run time:

    pip download geopandas==0.14.4 --no-deps -d /tmp/geo && unzip /tmp/geo/*.whl -d /tmp/geo
    pip install pyshp
    python scripts/build_world_shapes.py \
        /tmp/geo/geopandas/datasets/naturalearth_lowres/naturalearth_lowres

Each country becomes an SVG path in an equirectangular projection (x = longitude + 180,
y = 90 - latitude, one decimal), keyed by its ISO 3166-1 alpha-3 code, the code tidings actors
and places carry.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import shapefile

OUTPUT = Path(__file__).resolve().parent.parent / "src/tidings/serve/static/world.json"
UNASSIGNED_CODES = {"Kosovo": "XKX"}  # Natural Earth writes -99 where ISO has no code


def svg_path(parts: list[list[tuple[float, float]]]) -> str:
    """The rings of a shape as one SVG path, points rounded to a tenth of a degree."""
    rings = []
    for ring in parts:
        points: list[str] = []
        for lon, lat in ring:
            point = f"{lon + 180:.1f},{90 - lat:.1f}"
            if not points or points[-1] != point:
                points.append(point)
        if len(points) >= 3:
            rings.append("M" + "L".join(points) + "Z")
    return "".join(rings)


def main(source: str) -> None:
    reader = shapefile.Reader(source)
    countries = []
    for shape_record in reader.iterShapeRecords():
        record, shape = shape_record.record, shape_record.shape
        bounds = [*shape.parts, len(shape.points)]
        parts = [shape.points[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]
        code = record["iso_a3"] if record["iso_a3"] != "-99" else UNASSIGNED_CODES[record["name"]]
        countries.append({"code": code, "name": record["name"], "path": svg_path(parts)})
    countries.sort(key=lambda country: country["code"])
    document = {
        "source": "Natural Earth 1:110m admin-0 countries (public domain), via geopandas 0.14.4",
        "projection": "equirectangular: x = longitude + 180, y = 90 - latitude",
        "width": 360,
        "height": 180,
        "countries": countries,
    }
    OUTPUT.write_text(json.dumps(document, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{len(countries)} countries, {OUTPUT.stat().st_size:,} bytes -> {OUTPUT}")


if __name__ == "__main__":
    main(sys.argv[1])
