"""`corpus.evaluate_gold`: the dev-set scorer's matching rules on tiny hand-made gold and
predictions, the `evaluate --gold` command, and agreement with ../shared/devset/score.py."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from corpus.cli import main
from corpus.evaluate_gold import (
    GoldError,
    Scores,
    distance_km,
    evaluate_gold,
    format_gold_table,
    load_gold,
    match_one_to_one,
    names_match,
    resolve_offsets,
    same_actor,
    same_date,
    same_event,
    same_place,
    same_speaker,
    score_article,
    score_kind,
    spans_agree,
)

ROOT = Path(__file__).resolve().parent.parent
DEVSET = Path(os.environ.get("DEVSET_DIR") or ROOT.parent / "shared" / "devset")


def span(start, end, **extra):
    return {"start": start, "end": end, **extra}


# --- spans -----------------------------------------------------------------------------------


@pytest.mark.parametrize("gold, pred, ok", [
    ((0, 10), (0, 10), True),
    ((0, 10), (5, 20), True),     # 5 shared = half of the shorter (10)
    ((0, 10), (6, 20), False),    # 4 shared < 5
    ((0, 4), (2, 40), True),      # half of the shorter one (4), however long the other
    ((0, 10), (10, 20), False),   # touching is not overlapping
])
def test_spans_agree_when_they_share_half_of_the_shorter(gold, pred, ok):
    assert spans_agree(span(*gold), span(*pred)) is ok


# --- names, places, actors -------------------------------------------------------------------


@pytest.mark.parametrize("pred, gold, ok", [
    ("Ahmed Attaf", "Ahmed Attaf", True),
    ("ahmed-attaf", "Ahmed Attaf", True),                          # an id folds to the name
    ("Attaf", "Ahmed Attaf", True),                                # a surname alone
    ("Ahmed", "Ahmed Attaf", False),                               # a first name is not
    ("Iyad Ag Ghaly", "Iyad Ag Ghali", True),                      # close spelling
    ("Ramtane Lamamra", "Lamamra Ramtane Foreign Minister", True),  # token subset
    ("Bilal Ag Acherif", "Ibrahim Ag Bahanga", False),
    ("El Hadj Ag Gamou", "Al-Hadj Ag Gamou", True),                # articles dropped
])
def test_names_match(pred, gold, ok):
    assert names_match([pred], [gold]) is ok


def test_distance_km_of_one_degree_of_latitude():
    assert 110 < distance_km((18.0, 1.0), (19.0, 1.0)) < 112


def place(kind, lat, lon, name="Somewhere"):
    return {"name_en": name, "kind": kind, "lat": lat, "lon": lon, "aliases_en": []}


@pytest.mark.parametrize("gold_kind, dlat, ok", [
    ("town", 0.2, True), ("town", 0.35, False),       # 30 km
    ("region", 1.7, True), ("region", 1.9, False),    # 200 km
    ("area", 3.5, True), ("area", 3.7, False),        # 400 km
])
def test_same_place_by_coordinates_within_the_tolerance_of_the_gold_kind(gold_kind, dlat, ok):
    gold = place(gold_kind, 18.44, 1.41, "Kidal")
    pred = {"name_en": "Elsewhere", "place_id": "elsewhere", "lat": 18.44 + dlat, "lon": 1.41}
    assert same_place(gold, pred) is ok


def test_same_place_by_name_or_alias_without_coordinates():
    gold = {**place("town", 19.96, 2.95, "Tinzaouaten"), "aliases_en": ["Tin Zaouatene"]}
    assert same_place(gold, {"name_en": "Tin-Zaouatene", "place_id": "x", "lat": None, "lon": None})
    assert not same_place(gold, {"name_en": "Kidal", "place_id": "kidal", "lat": None, "lon": None})


def test_a_state_body_may_be_named_by_its_state_but_a_person_must_be_named():
    body = {"name_en": "Malian Ministry of Defence", "iso3": "MLI", "kind": "state_body", "aliases_en": []}
    assert same_actor(body, {"actor_id": "MLI-MOD", "name_en": "Mali"})
    assert same_actor(body, {"actor_id": "MLI", "name_en": "Mali"})
    assert not same_actor(body, {"actor_id": "MLIX", "name_en": "Other"})
    person = {"name_en": "Abdoulaye Diop", "iso3": "MLI", "kind": "person", "aliases_en": []}
    assert not same_actor(person, {"actor_id": "MLI", "name_en": "Mali"})
    assert same_actor(person, {"actor_id": "abdoulaye-diop", "name_en": "Abdoulaye Diop"})


def test_a_null_gold_date_accepts_any_value():
    assert same_date({"value": None}, {"value": "2020-01-01"})
    assert same_date({"value": "2015-05"}, {"value": "2015-05"})
    assert not same_date({"value": "2015-05"}, {"value": "2015-05-15"})


# --- quotes and speakers ---------------------------------------------------------------------


def quote(start, end, speaker):
    return {"start": start, "end": end, "text": "", "speaker": speaker}


def test_institution_speaks_under_its_iso3_a_person_does_not():
    ministry = {"name_en": "Algerian Ministry of Foreign Affairs", "iso3": "DZA", "aliases_en": []}
    minister = {"name_en": "Ahmed Attaf", "iso3": "DZA", "aliases_en": []}
    assert same_speaker(quote(0, 9, ministry), quote(0, 9, {"actor_id": "DZA-MFA", "name_en": "x"}))
    assert not same_speaker(quote(0, 9, minister), quote(0, 9, {"actor_id": "DZA", "name_en": "Algeria"}))
    assert same_speaker(quote(0, 9, minister), quote(0, 9, {"actor_id": "ahmed-attaf", "name_en": "Attaf"}))
    assert not same_speaker(quote(0, 9, minister), quote(0, 9, None))
    assert same_speaker(quote(0, 9, None), quote(0, 9, None))


def test_quotes_need_iou_half_and_the_same_speaker_and_speaker_accuracy_counts_span_matches():
    diop = {"name_en": "Abdoulaye Diop", "iso3": "MLI", "aliases_en": []}
    gold = {"id": "t", "quotes": [quote(0, 100, diop), quote(200, 300, diop)]}
    found = {"quotes": [quote(0, 60, {"actor_id": "abdoulaye-diop", "name_en": "Abdoulaye Diop"}),  # IoU 0.6
                        quote(200, 240, {"actor_id": "abdoulaye-diop", "name_en": "Abdoulaye Diop"}),  # 0.4
                        quote(400, 450, None)]}
    scores = Scores()
    score_article(scores, gold, found)
    assert (scores.strict["quotes"].tp, scores.strict["quotes"].fp, scores.strict["quotes"].fn) == (1, 2, 1)
    assert (scores.speaker_ok, scores.speaker_n) == (1, 1)


# --- events ----------------------------------------------------------------------------------


def test_events_need_the_type_and_one_actor():
    gold = {"type": "DISAPPROVE", "actor1": "MLI", "actor2": "DZA"}
    assert same_event(gold, {"type": "DISAPPROVE", "actor1": "dza", "actor2": None})
    assert not same_event(gold, {"type": "DISAPPROVE", "actor1": "FRA", "actor2": None})
    assert not same_event(gold, {"type": "SANCTION", "actor1": "MLI", "actor2": "DZA"})
    assert same_event({"type": "FIGHT", "actor1": None, "actor2": None}, {"type": "FIGHT", "actor1": "X"})


# --- one-to-one and optional items -----------------------------------------------------------


def test_matching_is_one_to_one_best_overlap_first():
    golds = [span(0, 10), span(12, 20)]
    preds = [span(0, 10), span(2, 10), span(12, 20)]
    pairs = match_one_to_one(golds, preds, spans_agree)
    assert [(g["start"], p["start"]) for g, p in pairs] == [(0, 0), (12, 12)]


def test_optional_gold_is_neither_required_nor_penalised():
    golds = [span(0, 5, value="2020"), span(10, 15, value=None, optional=True)]
    preds = [span(0, 5, value="2020"), span(10, 15, value="2019")]
    scores = Scores()
    score_kind(scores, "dates", golds, preds, same_date)
    assert (scores.strict["dates"].tp, scores.strict["dates"].fp, scores.strict["dates"].fn) == (1, 0, 0)
    scores = Scores()
    score_kind(scores, "dates", golds, preds[:1], same_date)  # the optional one missed: no loss
    assert (scores.strict["dates"].tp, scores.strict["dates"].fp, scores.strict["dates"].fn) == (1, 0, 0)


def test_span_only_counts_a_hit_that_strict_refuses():
    golds = [span(0, 5, value="2020-01-01")]
    scores = Scores()
    score_kind(scores, "dates", golds, [span(0, 5, value="2021-01-01")], same_date)
    assert scores.span["dates"].tp == 1
    assert (scores.strict["dates"].tp, scores.strict["dates"].fp, scores.strict["dates"].fn) == (0, 1, 1)


# --- gold folders and the command ------------------------------------------------------------

TEXT = "باماكو - أعلن وزير الخارجية المالي عبد الله ديوب يوم 12 مارس 2024 أن بلاده ستفتح سفارة جديدة."


def write_gold(folder: Path, ann: dict, text: str = TEXT) -> Path:
    (folder / "articles").mkdir(parents=True, exist_ok=True)
    (folder / "ann").mkdir(exist_ok=True)
    (folder / "articles" / f"{ann['id']}.txt").write_text(text, encoding="utf-8")
    (folder / "ann" / f"{ann['id']}.json").write_text(json.dumps(ann, ensure_ascii=False), encoding="utf-8")
    return folder


def small_ann():
    return {
        "id": "t1", "published": "2024-03-13",
        "dates": [{"text": "12 مارس 2024", "occ": 1, "value": "2024-03-12", "relative": False}],
        "places": [{"text": "باماكو", "occ": 1, "name_en": "Bamako", "lat": 12.65, "lon": -8.0,
                    "kind": "capital", "optional": False}],
        "actors": [{"text": "عبد الله ديوب", "occ": 1, "name_en": "Abdoulaye Diop", "iso3": "MLI",
                    "kind": "person", "aliases_en": ["Diop"], "optional": False}],
        "quotes": [{"text": "بلاده ستفتح سفارة جديدة", "occ": 1, "kind": "reported",
                    "speaker": {"name_en": "Abdoulaye Diop", "iso3": "MLI", "aliases_en": ["Diop"]}}],
        "events": [],
    }


def test_resolve_offsets_fills_start_end_and_names_a_mismatch():
    ann = small_ann()
    assert resolve_offsets(TEXT, ann) == []
    date = ann["dates"][0]
    assert TEXT[date["start"]:date["end"]] == "12 مارس 2024"
    ann["places"][0]["start"] += 1
    problems = resolve_offsets(TEXT, ann)
    assert len(problems) == 1 and problems[0].startswith("places[0]")
    missing = {"dates": [{"text": "13 مارس", "occ": 1}]}
    assert "not found" in resolve_offsets(TEXT, missing)[0]
    second = {"dates": [{"text": "م", "occ": 2}]}
    resolve_offsets(TEXT, second)
    assert second["dates"][0]["start"] == TEXT.find("م", TEXT.find("م") + 1)


def test_load_gold_refuses_a_folder_without_annotations(tmp_path):
    with pytest.raises(GoldError, match="no ann"):
        load_gold(tmp_path)


def test_load_gold_names_the_file_of_a_bad_offset(tmp_path):
    ann = small_ann()
    ann["actors"][0].update(start=0, end=5)
    write_gold(tmp_path, ann)
    with pytest.raises(GoldError, match=r"t1\.json.*actors\[0\]"):
        load_gold(tmp_path)


class OneArticleExtractor:
    """Hands back a fixed extraction: the scoring, not the engine, is under test."""

    def __init__(self, found):
        self.found = found
        self.published = []

    def extract(self, text, published=None):
        self.published.append(published)
        return self.found


def test_evaluate_gold_counts_hits_and_passes_only_a_full_day(tmp_path):
    ann = small_ann()
    ann["published"] = "2024-03"
    write_gold(tmp_path, ann)
    start = TEXT.find("12 مارس")
    found = {"dates": [{"start": start, "end": start + 12, "value": "2024-03-12"}],
             "places": [], "actors": [], "quotes": [], "events": []}
    fake = OneArticleExtractor(found)
    result = evaluate_gold(tmp_path, fake)
    assert fake.published == [None]
    assert result["strict"]["dates"]["f1"] == 1.0
    assert result["strict"]["places"]["fn"] == 1
    assert f"{tmp_path.name} n=1 dates=1.00 places=0.00" in format_gold_table(result)


def test_cli_evaluate_gold_json_runs_the_engine(tmp_path, capsys):
    write_gold(tmp_path, small_ann())
    assert main(["evaluate", "--gold", str(tmp_path), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["articles"] == 1 and result["errors"] == []
    assert set(result["strict"]) == {"dates", "places", "actors", "quotes", "events"}
    assert result["strict"]["places"]["tp"] + result["strict"]["places"]["fn"] == 1


def test_cli_evaluate_gold_reports_a_bad_folder(tmp_path, capsys):
    assert main(["evaluate", "--gold", str(tmp_path)]) == 2
    assert "no ann" in capsys.readouterr().err


# --- agreement with the dev-set scorer -------------------------------------------------------


def scorer_lines(text: str) -> dict:
    """kind → (strict P, R, F1, [tp, fp, fn]) and the last line, from a printed table."""
    rows = {}
    for line in text.splitlines():
        head = line.split(maxsplit=1)
        if head and head[0] in ("dates", "places", "actors", "quotes", "events"):
            cells = line.split()
            rows[head[0]] = (cells[1:4], line[line.index("["):])
        elif " n=" in line:
            rows["last"] = line.split(" ", 1)[1]
    return rows


@pytest.mark.skipif(not (DEVSET / "score.py").exists(), reason="../shared/devset not beside the clone")
def test_evaluate_gold_equals_the_devset_scorer():
    theirs = subprocess.run([sys.executable, str(DEVSET / "score.py")], cwd=ROOT,
                            capture_output=True, text=True, timeout=600, env={**os.environ, "DEVSET_DIR": str(DEVSET)})
    assert theirs.returncode == 0, theirs.stderr
    ours = format_gold_table(evaluate_gold(DEVSET))
    assert scorer_lines(ours) == scorer_lines(theirs.stdout)
    for kind in ("dates", "places", "actors", "quotes"):  # the span-only columns too
        assert [ln for ln in ours.splitlines() if ln.startswith(kind)] == \
               [ln for ln in theirs.stdout.splitlines() if ln.startswith(kind)]


# --- the project's own dev set (tests/devset_own) -------------------------------------------

OWN = ROOT / "tests" / "devset_own"
PLOVER_TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "INVESTIGATE",
                "DEMAND", "DISAPPROVE", "REJECT", "THREATEN", "SANCTION", "PROTEST", "CRIME", "MOBILIZE",
                "COERCE", "ASSAULT", "FIGHT"}
ACTOR_KINDS = {"state", "state_body", "person", "armed_group", "igo", "organisation", "group"}
PLACE_KINDS = {"town", "capital", "region", "country", "area"}


def own_set():
    return [(json.loads(p.read_text(encoding="utf-8")), p) for p in sorted((OWN / "ann").glob("*.json"))]


def test_own_set_offsets_are_filled_and_equal_the_item_text():
    from tests.devset_own.resolve import resolve_folder

    assert resolve_folder(OWN, write=False) == []
    for ann, path in own_set():
        text = (OWN / "articles" / f"{ann['id']}.txt").read_text(encoding="utf-8")
        assert path.stem == ann["id"]
        for kind in ("dates", "places", "actors", "quotes", "events"):
            for item in ann[kind]:
                assert text[item["start"]:item["end"]] == item["text"], (ann["id"], kind, item["text"])


def test_own_set_follows_the_schema_and_covers_every_kind():
    anns = [ann for ann, _path in own_set()]
    assert len(anns) >= 24
    years = {ann["published"][:4] for ann in anns}
    assert len(years) >= 12  # spread over 2006–2025
    for ann in anns:
        assert all(ann[k] for k in ("dates", "places", "actors", "quotes", "events")), ann["id"]
        assert all(d["value"] is None or len(d["value"]) in (4, 7, 10) for d in ann["dates"])
        assert all(p["kind"] in PLACE_KINDS and -90 <= p["lat"] <= 90 for p in ann["places"])
        assert all(a["kind"] in ACTOR_KINDS for a in ann["actors"])
        assert all(q["kind"] in ("direct", "fragment", "reported") and q["speaker"]["name_en"] for q in ann["quotes"])
        assert all(e["type"] in PLOVER_TYPES and (e["actor1"] or e["actor2"]) for e in ann["events"])


def test_cli_evaluate_gold_on_the_own_set(capsys):
    assert main(["evaluate", "--gold", str(OWN), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    anns = [ann for ann, _path in own_set()]
    assert result["articles"] == len(anns) and result["errors"] == []
    for kind in ("dates", "places", "actors", "quotes", "events"):
        required = sum(1 for ann in anns for item in ann[kind] if not item.get("optional"))
        figures = result["strict"][kind]
        assert figures["tp"] + figures["fn"] == required, kind
    assert result["strict"]["dates"]["tp"] > 0 and result["strict"]["places"]["tp"] > 0
