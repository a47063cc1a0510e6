"""Score the extractor on a gold folder in the development-set format.

A gold folder holds `articles/<id>.txt` (the text, offsets index into it) and `ann/<id>.json`
(dates, places, actors, quotes, events; the schema of ../shared/devset/README.md). The figures use
the dev-set scorer's definitions exactly, so `python -m corpus evaluate --gold DIR` on
../shared/devset prints what `../shared/devset/score.py` prints:

- every kind is matched one-to-one, greedily, best score first (ties: the later gold item, then
  the later prediction, first);
- places, actors, dates: the spans overlap by at least half of the shorter one (*span-only*);
  *strict* also asks for the same thing — a date's value at the gold precision (a gold value of
  null accepts any); a place of the same English name or within 30 km of a town, 200 km of a
  region, 400 km of an area, 500 km of a country; an actor of the same English name, or a state's
  ISO3 (a state body may be named by its state's ISO3);
- quotes: the spans' IoU is at least 0.5 and the speaker is the same (a state or institution may
  be named by its ISO3; a person must be named); the speaker accuracy is over the quotes whose
  span matched;
- events: the PLOVER type agrees and at least one actor agrees (a gold event without actors
  accepts any);
- `optional` gold items are neither required nor penalised: a prediction landing only on an
  optional item is dropped from the count.

Names are compared after `name_key` (ASCII fold, punctuation and articles dropped), then equal,
or close (difflib ratio ≥ 0.85), or one token set within the other, or one side a single token
equal to the other's longest token (a surname alone; of two equally long tokens the later).
The article's publication date is passed to the extractor only when it is a full day, as the
extract CLI contract is used by the scorer.
"""

from __future__ import annotations

import difflib
import json
import math
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

KINDS = ("dates", "places", "actors", "quotes", "events")
SPAN_KINDS = KINDS[:4]
TOLERANCE_KM = {"town": 30, "capital": 30, "region": 200, "area": 400, "country": 500}
NAME_PUNCTUATION = "-'’`._,()"
NAME_STOPWORDS = frozenset({"al", "el", "the", "of", "de", "du", "la", "le"})
INSTITUTION_WORDS = frozenset({"ministry", "government", "army", "forces", "presidency", "office",
                               "council", "mission", "embassy", "authorities", "junta", "committee",
                               "state", "republic"})
EARTH_DIAMETER_KM = 12742


class GoldError(ValueError):
    """A gold folder that cannot be scored: the file, the item and the reason."""


# --- names, places, spans -------------------------------------------------------------------


def name_key(name) -> str:
    """An English name folded for comparison: ASCII, lower case, no punctuation or articles."""
    folded = unicodedata.normalize("NFKD", str(name or "")).encode("ascii", "ignore").decode().lower()
    for ch in NAME_PUNCTUATION:
        folded = folded.replace(ch, " ")
    return " ".join(t for t in folded.split() if t not in NAME_STOPWORDS)


def _longest_token(key: str) -> str:
    tokens = key.split()
    return max(reversed(tokens), key=len)


def _keys_agree(pred: str, gold: str) -> bool:
    if pred == gold or difflib.SequenceMatcher(None, pred, gold).ratio() >= 0.85:
        return True
    p_tokens, g_tokens = set(pred.split()), set(gold.split())
    if len(p_tokens) > 1 and len(g_tokens) > 1 and (p_tokens <= g_tokens or g_tokens <= p_tokens):
        return True
    return p_tokens == {_longest_token(gold)} or g_tokens == {_longest_token(pred)}


def names_match(pred_names, gold_names) -> bool:
    """Does any predicted name denote any gold name (see the module docstring)?"""
    preds = [k for k in (name_key(n) for n in pred_names if n) if k]
    golds = [k for k in (name_key(n) for n in gold_names if n) if k]
    return any(_keys_agree(p, g) for p in preds for g in golds)


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance (haversine) between two (lat, lon) points."""
    (lat1, lon1), (lat2, lon2) = a, b
    rad = math.pi / 180
    h = (math.sin((lat2 - lat1) * rad / 2) ** 2
         + math.cos(lat1 * rad) * math.cos(lat2 * rad) * math.sin((lon2 - lon1) * rad / 2) ** 2)
    return EARTH_DIAMETER_KM * math.asin(math.sqrt(h))


def overlap(gold: dict, pred: dict) -> int:
    return max(0, min(gold["end"], pred["end"]) - max(gold["start"], pred["start"]))


def spans_agree(gold: dict, pred: dict) -> bool:
    """The spans overlap by at least half of the shorter one."""
    shared = overlap(gold, pred)
    shorter = min(gold["end"] - gold["start"], pred["end"] - pred["start"])
    return shared > 0 and shared >= 0.5 * shorter


def iou(gold: dict, pred: dict) -> float:
    return overlap(gold, pred) / (max(gold["end"], pred["end"]) - min(gold["start"], pred["start"]))


def quote_spans_agree(gold: dict, pred: dict) -> bool:
    return iou(gold, pred) >= 0.5


# --- same thing? -----------------------------------------------------------------------------


def same_date(gold: dict, pred: dict) -> bool:
    return gold.get("value") is None or str(pred.get("value")) == str(gold["value"])


def _gold_names(gold: dict) -> list:
    return [gold["name_en"], *gold.get("aliases_en", [])]


def same_place(gold: dict, pred: dict) -> bool:
    if names_match([pred.get("name_en"), pred.get("place_id")], _gold_names(gold)):
        return True
    if None in (pred.get("lat"), pred.get("lon"), gold.get("lat"), gold.get("lon")):
        return False
    limit = TOLERANCE_KM.get(gold.get("kind"), 30)
    return distance_km((gold["lat"], gold["lon"]), (pred["lat"], pred["lon"])) <= limit


def _names_state(actor_id: str, iso3: str) -> bool:
    """`MLI`, `MLI-MOD`, `MLI2` name Mali; `MLIX` does not."""
    return actor_id == iso3 or (actor_id.startswith(iso3) and not actor_id[3:4].isalpha())


def same_actor(gold: dict, pred: dict) -> bool:
    actor_id = str(pred.get("actor_id") or "").upper()
    iso3 = gold.get("iso3")
    if iso3 and gold["kind"] in ("state", "state_body") and _names_state(actor_id, iso3):
        return True
    return names_match([pred.get("name_en"), pred.get("actor_id")], _gold_names(gold))


def speaks_as_institution(speaker: dict) -> bool:
    """A state or state body speaks under its ISO3; a person must be named."""
    key = name_key(speaker["name_en"])
    return (speaker.get("kind") in ("state", "state_body") or bool(INSTITUTION_WORDS & set(key.split()))
            or len(key.split()) == 1)


def same_speaker(gold: dict, pred: dict) -> bool:
    g_speaker, p_speaker = gold.get("speaker"), pred.get("speaker")
    if g_speaker is None or p_speaker is None:
        return g_speaker is None and p_speaker is None
    actor_id = str(p_speaker.get("actor_id") or "").upper()
    if g_speaker.get("iso3") and actor_id[:3] == g_speaker["iso3"] and speaks_as_institution(g_speaker):
        return True
    return names_match([p_speaker.get("name_en"), p_speaker.get("actor_id")], _gold_names(g_speaker))


def event_actors(event: dict) -> set[str]:
    return {str(event.get("actor1") or "").upper(), str(event.get("actor2") or "").upper()} - {""}


def same_event(gold: dict, pred: dict) -> bool:
    """Same PLOVER type and at least one actor in common (a gold event without actors: any)."""
    gold_actors = event_actors(gold)
    return gold["type"] == pred.get("type") and (not gold_actors or bool(gold_actors & event_actors(pred)))


# --- matching and counting -------------------------------------------------------------------


def match_one_to_one(golds: list, preds: list, pair_ok: Callable, score: Callable = overlap) -> list:
    """Greedy one-to-one matching, best score first (ties: later gold, then later prediction);
    returns the (gold, pred) pairs."""
    candidates = sorted(((score(g, p), gi, pi) for gi, g in enumerate(golds)
                         for pi, p in enumerate(preds) if pair_ok(g, p)), reverse=True)
    used_gold, used_pred, pairs = set(), set(), []
    for _score, gi, pi in candidates:
        if gi not in used_gold and pi not in used_pred:
            used_gold.add(gi)
            used_pred.add(pi)
            pairs.append((golds[gi], preds[pi]))
    return pairs


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int, fp: int, fn: int) -> None:
        self.tp += tp
        self.fp += fp
        self.fn += fn

    def figures(self) -> dict:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": p, "recall": r, "f1": f1, "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class Scores:
    """Running counts over a gold folder; `details` lists misses and false hits per article."""

    strict: dict = field(default_factory=lambda: {k: Counts() for k in KINDS})
    span: dict = field(default_factory=lambda: {k: Counts() for k in SPAN_KINDS})
    speaker_ok: int = 0
    speaker_n: int = 0
    details: list = field(default_factory=list)


def _drop_optional_hits(golds: list, preds: list, span: Callable, score: Callable) -> tuple[list, list]:
    """The required gold items, and the predictions not landing only on an optional one."""
    required = [g for g in golds if not g.get("optional")]
    optional = [g for g in golds if g.get("optional")]
    on_optional = {id(p) for _g, p in match_one_to_one(optional, preds, span, score)}
    kept = [p for p in preds if id(p) not in on_optional or any(span(g, p) for g in required)]
    return required, kept


def score_kind(scores: Scores, kind: str, golds: list, preds: list, same: Callable,
               span: Callable = spans_agree, score: Callable = overlap, article: str = "") -> list:
    """Count one kind of one article; returns the span-only pairs."""
    required, preds = _drop_optional_hits(golds, preds, span, score)
    loose = match_one_to_one(required, preds, span, score)
    strict = match_one_to_one(required, preds, lambda g, p: span(g, p) and same(g, p), score)
    scores.span[kind].add(len(loose), len(preds) - len(loose), len(required) - len(loose))
    scores.strict[kind].add(len(strict), len(preds) - len(strict), len(required) - len(strict))
    _record_details(scores, article, kind, required, preds, strict)
    return loose


def score_events(scores: Scores, golds: list, preds: list, article: str = "") -> None:
    pairs = match_one_to_one(golds, preds, same_event, lambda g, p: 1)
    scores.strict["events"].add(len(pairs), len(preds) - len(pairs), len(golds) - len(pairs))
    _record_details(scores, article, "events", golds, preds, pairs)


def _record_details(scores: Scores, article: str, kind: str, golds: list, preds: list, pairs: list) -> None:
    hit_gold = {id(g) for g, _p in pairs}
    hit_pred = {id(p) for _g, p in pairs}
    scores.details.extend({"article": article, "kind": kind, "status": "missed", "item": g}
                          for g in golds if id(g) not in hit_gold)
    scores.details.extend({"article": article, "kind": kind, "status": "wrong", "item": p}
                          for p in preds if id(p) not in hit_pred)


def score_article(scores: Scores, gold: dict, found: dict) -> None:
    """Add one article's extraction (the extract CLI's object) against its gold annotation."""
    article = gold["id"]
    score_kind(scores, "dates", gold.get("dates", []), found.get("dates", []), same_date, article=article)
    score_kind(scores, "places", gold.get("places", []), found.get("places", []), same_place, article=article)
    score_kind(scores, "actors", gold.get("actors", []), found.get("actors", []), same_actor, article=article)
    pairs = score_kind(scores, "quotes", gold.get("quotes", []), found.get("quotes", []), same_speaker,
                       span=quote_spans_agree, score=iou, article=article)
    scores.speaker_n += len(pairs)
    scores.speaker_ok += sum(same_speaker(g, p) for g, p in pairs)
    score_events(scores, gold.get("events", []), found.get("events", []), article=article)


def count_failed_article(scores: Scores, gold: dict) -> None:
    """An article the extractor failed on: every required gold item is missed."""
    for kind in KINDS:
        missed = len([g for g in gold.get(kind, []) if not g.get("optional")])
        scores.strict[kind].add(0, 0, missed)
        if kind in scores.span:
            scores.span[kind].add(0, 0, missed)


# --- gold folders ----------------------------------------------------------------------------


def find_occurrence(text: str, surface: str, occ: int) -> int:
    """Start of the `occ`-th (1-based) occurrence of `surface` in `text`, or -1."""
    pos = -1
    for _ in range(max(1, occ)):
        pos = text.find(surface, pos + 1)
        if pos < 0:
            return -1
    return pos


def resolve_offsets(text: str, ann: dict, fill: bool = True) -> list[str]:
    """Check every item's `start`/`end` against `text` and `occ`; with `fill`, set the offsets
    of items that have none. Returns the problems ("quotes[2]: …"), empty when all agree."""
    problems = []
    for kind in KINDS:
        for i, item in enumerate(ann.get(kind, [])):
            problem = _resolve_item(text, item, fill)
            if problem:
                problems.append(f"{kind}[{i}] {item.get('text', '')[:40]!r}: {problem}")
    return problems


def _resolve_item(text: str, item: dict, fill: bool) -> str | None:
    surface = item.get("text")
    if not surface:
        return "no text"
    start = find_occurrence(text, surface, int(item.get("occ", 1)))
    if start < 0:
        return f"occurrence {item.get('occ', 1)} not found in the article"
    if "start" not in item or "end" not in item:
        if not fill:
            return "no start/end"
        item["start"], item["end"] = start, start + len(surface)
    if text[item["start"]:item["end"]] != surface:
        return f"text[{item['start']}:{item['end']}] differs from the item text"
    if item["start"] != start:
        return f"start {item['start']} is not occurrence {item.get('occ', 1)} (at {start})"
    return None


def load_gold(folder: Path) -> list[tuple[dict, str]]:
    """(annotation, article text) pairs of a gold folder, sorted by file name; offsets missing
    from an item are filled from `text` + `occ`; raises GoldError on any disagreement."""
    folder = Path(folder)
    ann_paths = sorted((folder / "ann").glob("*.json"))
    if not ann_paths:
        raise GoldError(f"{folder}: no ann/*.json files (expected articles/<id>.txt + ann/<id>.json)")
    return [_load_one(path, folder) for path in ann_paths]


def _load_one(ann_path: Path, folder: Path) -> tuple[dict, str]:
    try:
        ann = json.loads(ann_path.read_text(encoding="utf-8"))
        text = (folder / "articles" / f"{ann['id']}.txt").read_text(encoding="utf-8")
    except (OSError, ValueError, KeyError) as err:
        raise GoldError(f"{ann_path}: {type(err).__name__}: {err}") from err
    problems = resolve_offsets(text, ann)
    if problems:
        raise GoldError(f"{ann_path}: " + "; ".join(problems))
    return ann, text


# --- the whole folder ------------------------------------------------------------------------


def full_day(published) -> str | None:
    """The publication date handed to the extractor: a full YYYY-MM-DD, else none."""
    return published if published and len(published) == 10 else None


def evaluate_gold(folder: Path, extractor=None) -> dict:
    """The figures of the extractor (default: the project's) on a gold folder."""
    if extractor is None:
        from corpus.extract.pipeline import default_extractor

        extractor = default_extractor()
    scores, errors = Scores(), []
    gold_set = load_gold(folder)
    for gold, text in gold_set:
        try:
            found = extractor.extract(text, full_day(gold.get("published")))
        except Exception as err:  # noqa: BLE001 - one failing article is counted, not fatal
            errors.append(f"{gold['id']}: {type(err).__name__}: {err}")
            count_failed_article(scores, gold)
            continue
        score_article(scores, gold, found)
    return _result(Path(folder).name, len(gold_set), scores, errors)


def _result(name: str, n_articles: int, scores: Scores, errors: list) -> dict:
    return {
        "set": name,
        "articles": n_articles,
        "strict": {k: c.figures() for k, c in scores.strict.items()},
        "span_only": {k: c.figures() for k, c in scores.span.items()},
        "speaker_accuracy": scores.speaker_ok / scores.speaker_n if scores.speaker_n else 0.0,
        "speaker_matched": scores.speaker_n,
        "errors": errors,
        "details": scores.details,
    }


def _prf(figures: dict | None) -> str:
    if figures is None:
        return f"{'-':>6} {'-':>6} {'-':>6}"
    return f"{figures['precision']:6.2f} {figures['recall']:6.2f} {figures['f1']:6.2f}"


def format_gold_table(result: dict) -> str:
    """The scorer's table: strict and span-only P/R/F1 per kind, [tp, fp, fn], and a last line
    with the strict F1 per kind and the speaker accuracy."""
    lines = [f"{'kind':10} {'strict P/R/F1':>22} {'span-only P/R/F1':>22}"]
    for kind in KINDS:
        strict = result["strict"][kind]
        counts = [strict["tp"], strict["fp"], strict["fn"]]
        lines.append(f"{kind:10} {_prf(strict)}   {_prf(result['span_only'].get(kind))}   {counts}")
    lines.extend(f"ERROR {e}" for e in result["errors"][:5])
    f1s = " ".join(f"{k}={result['strict'][k]['f1']:.2f}" for k in KINDS)
    lines.append(f"{result['set']} n={result['articles']} {f1s} "
                 f"speaker={result['speaker_accuracy']:.2f} errors={len(result['errors'])}")
    return "\n".join(lines)


def _describe(item: dict) -> str:
    keys = ("value", "name_en", "actor_id", "place_id", "kind", "type", "actor1", "actor2")
    extra = {k: item[k] for k in keys if item.get(k) is not None}
    speaker = item.get("speaker")
    if isinstance(speaker, dict):
        extra["speaker"] = speaker.get("name_en") or speaker.get("actor_id")
    where = item.get("evidence") or item
    return f"[{where.get('start')},{where.get('end')}) {str(item.get('text', ''))[:70]!r} {extra}"


def format_details(result: dict) -> str:
    """Every miss and false hit, one line each (`--verbose`)."""
    return "\n".join(f"  {d['article']} {d['kind']:7} {d['status'].upper():7} {_describe(d['item'])}"
                     for d in result["details"])
