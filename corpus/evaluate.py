"""Score the extractor against the curated annotations (data/mentions, quotes, events).

- dates: exact span + value; places: exact span + place id; actors: exact span + actor id;
- quotes: a predicted span matches a gold one when their overlap is ≥ 0.8 of the longer span
  (one-to-one, greedy); speaker accuracy is over the matched pairs;
- events: same article, same PLOVER type, actor1/actor2 equal up to the state (DZA-MFA ~ DZA),
  and the predicted date inside the gold date's range (its precision);
- dateparser's `search.search_dates(text, languages=['ar'])` is scored on the same dates (exact
  span, and its datetime agreeing with the gold value to the gold precision).
"""

from __future__ import annotations

import datetime as dt
import warnings
from collections import defaultdict
from pathlib import Path

from corpus.dates import date_range
from corpus.extract.pipeline import Extractor
from corpus.loader import DEFAULT_DATA_DIR, collect


def prf(tp: int, n_pred: int, n_gold: int) -> dict:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3),
            "tp": tp, "predicted": n_pred, "gold": n_gold}


def _root(aid: str | None) -> str | None:
    if not aid:
        return None
    return aid.split("-")[0] if aid[:3].isupper() and (len(aid) == 3 or aid[3:4] == "-") else aid


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    if inter <= 0:
        return 0.0
    return inter / max(a[1] - a[0], b[1] - b[0])


def _date_ok(pred: str | None, gold: str, gold_prec: int) -> bool:
    """The two dates agree at the coarser of their precisions (2010 ~ 2010-02-23;
    2010-03 !~ 2010-02); a gold span of days (precision 2–3) contains a predicted day."""
    if not pred:
        return False
    if gold_prec in (2, 3) and len(pred) == 10:
        g0, g1 = date_range(gold, gold_prec)
        return g0.isoformat() <= pred <= g1.isoformat()
    n = min(len(pred), len(gold))
    return pred[:n] == gold[:n]


def dateparser_dates(text: str, published: str | None) -> list[tuple[int, int, dt.datetime]]:
    try:
        from dateparser.search import search_dates
    except ImportError:  # pragma: no cover
        return []
    settings = {}
    if published:
        parts = [int(x) for x in published[:10].split("-")] + [1, 1]
        settings["RELATIVE_BASE"] = dt.datetime(parts[0], parts[1], parts[2])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            found = search_dates(text, languages=["ar"], settings=settings) or []
        except Exception:  # noqa: BLE001 - a library failure scores as nothing found
            found = []
    out = []
    pos = 0
    for surface, when in found:
        i = text.find(surface, pos)
        if i < 0:
            i = text.find(surface)
        if i < 0:
            continue
        out.append((i, i + len(surface), when))
        pos = i + len(surface)
    return out


def evaluate(data_dir: Path = DEFAULT_DATA_DIR, extractor: Extractor | None = None,
             with_dateparser: bool = True, curated_actors: bool = True) -> dict:
    """The figures. `curated_actors=False` builds the actor lexicon from the shipped extras only
    (not from data/actors.jsonl): a fairer estimate for unseen articles."""
    corpus, _problems = collect(Path(data_dir))
    if extractor is None:
        if curated_actors:
            extractor = Extractor.from_corpus(corpus)
        else:
            import dataclasses

            extractor = Extractor.from_corpus(dataclasses.replace(corpus, actors={}))
    gold: dict[str, set] = defaultdict(set)
    for m in corpus.mentions:
        gold[m.kind].add((m.article_id, m.start, m.end, m.ref))
    pred: dict[str, set] = defaultdict(set)
    q_gold = defaultdict(list)
    for q in corpus.quotes.values():
        q_gold[q.article_id].append(q)
    e_gold = defaultdict(list)
    for e in corpus.events.values():
        e_gold[e.article_id].append(e)
    q_tp = q_pred = speaker_ok = kind_ok = 0
    e_tp = e_pred = 0
    dp_pred = set()
    per_article = {}
    for aid, art in corpus.articles.items():
        out = extractor.extract(art.text, art.published)
        per_article[aid] = out
        for d in out["dates"]:
            pred["date"].add((aid, d["start"], d["end"], d["value"]))
        for p in out["places"]:
            pred["place"].add((aid, p["start"], p["end"], p["place_id"]))
        for a in out["actors"]:
            pred["actor"].add((aid, a["start"], a["end"], a["actor_id"]))
        # quotes
        q_pred += len(out["quotes"])
        free = list(q_gold[aid])
        for q in out["quotes"]:
            best = max(free, key=lambda g: _overlap((q["start"], q["end"]), (g.start, g.end)), default=None)
            if best is not None and _overlap((q["start"], q["end"]), (best.start, best.end)) >= 0.8:
                free.remove(best)
                q_tp += 1
                if q["speaker"] and q["speaker"]["actor_id"] == best.speaker:
                    speaker_ok += 1
                if q["kind"] == best.kind:
                    kind_ok += 1
        # events
        e_pred += len(out["events"])
        free_e = list(e_gold[aid])
        for ev in out["events"]:
            for g in free_e:
                if g.event_type != ev["type"]:
                    continue
                if _root(g.actor1) != _root(ev["actor1"]):
                    continue
                if g.actor2 and _root(g.actor2) != _root(ev["actor2"]):
                    continue
                if not _date_ok(ev["date"], g.date, g.date_precision):
                    continue
                free_e.remove(g)
                e_tp += 1
                break
        if with_dateparser:
            for s, e, when in dateparser_dates(art.text, art.published):
                dp_pred.add((aid, s, e, when))
    result = {}
    for kind, name in (("date", "dates"), ("place", "places"), ("actor", "actors")):
        tp = len(gold[kind] & pred[kind])
        result[name] = prf(tp, len(pred[kind]), len(gold[kind]))
        if kind == "date":
            spans = {(a, s, e) for a, s, e, _ in gold[kind]}
            result["dates_span_only"] = prf(len(spans & {(a, s, e) for a, s, e, _ in pred[kind]}), len(pred[kind]), len(gold[kind]))
    n_q_gold = sum(len(v) for v in q_gold.values())
    result["quotes"] = prf(q_tp, q_pred, n_q_gold)
    result["quotes"]["speaker_accuracy"] = round(speaker_ok / q_tp, 3) if q_tp else 0.0
    result["quotes"]["kind_accuracy"] = round(kind_ok / q_tp, 3) if q_tp else 0.0
    result["events"] = prf(e_tp, e_pred, sum(len(v) for v in e_gold.values()))
    if with_dateparser:
        gold_dates = {(a, s, e): ref for a, s, e, ref in gold["date"]}
        tp = 0
        for a, s, e, when in dp_pred:
            ref = gold_dates.get((a, s, e))
            if ref and when.date().isoformat()[: len(ref)] == ref:
                tp += 1
        result["dateparser_dates"] = prf(tp, len(dp_pred), len(gold["date"]))
    result["articles"] = len(corpus.articles)
    return result


def format_table(result: dict) -> str:
    rows = [("dates (span+value)", "dates"), ("dates (span only)", "dates_span_only"),
            ("dateparser dates", "dateparser_dates"), ("places (span+id)", "places"),
            ("actors (span+id)", "actors"), ("quotes (overlap>=0.8)", "quotes"), ("events", "events")]
    lines = [f"{'':24} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'pred':>5} {'gold':>5}"]
    for label, k in rows:
        if k not in result:
            continue
        r = result[k]
        lines.append(f"{label:24} {r['precision']:6.3f} {r['recall']:6.3f} {r['f1']:6.3f} {r['tp']:5d} {r['predicted']:5d} {r['gold']:5d}")
    lines.append(f"speaker accuracy (matched quotes): {result['quotes']['speaker_accuracy']:.3f}")
    lines.append(f"kind accuracy (matched quotes): {result['quotes']['kind_accuracy']:.3f}")
    lines.append(f"articles: {result['articles']}")
    return "\n".join(lines)
