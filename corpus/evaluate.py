"""Score the extractor against the curated annotations (data/mentions, quotes, events).

- dates: exact span + value; places: exact span + place id; actors: exact span + actor id;
- quotes: a predicted span matches a gold one when their overlap is ≥ 0.8 of the longer span
  (one-to-one, greedy); speaker accuracy is over the matched pairs;
- events: same article, same PLOVER type, actor1/actor2 equal up to their state (DZA-MFA ~ DZA,
  ahmed-attaf ~ DZA: both sides mapped through the same `root_state`; non-state actors exact),
  unordered pair for the symmetric types (CONSULT, AGREE, COOPERATE, FIGHT), a gold actor2 of
  null accepts any, and the dates agreeing at the coarser of the two precisions; one-to-one
  (maximum bipartite matching). `events_strict` also asks for the exact actor ids and the date
  at the gold precision;
- dateparser's `search.search_dates(text, languages=['ar'])` is scored on the same dates (exact
  span, and its datetime agreeing with the gold value to the gold precision).
"""

from __future__ import annotations

import datetime as dt
import warnings
from collections import defaultdict
from pathlib import Path

from corpus import plover
from corpus.dates import date_range, precision_code
from corpus.extract.pipeline import Extractor
from corpus.loader import DEFAULT_DATA_DIR, collect


def prf(tp: int, n_pred: int, n_gold: int) -> dict:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3),
            "tp": tp, "predicted": n_pred, "gold": n_gold}


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




def _side(aid: str | None, state_of=None) -> str | None:
    """An actor compared up to its state: a state body or an affiliated person is its state;
    an armed group, an IGO, an unaffiliated person stays itself. `state_of` is the lexicon's
    one actor → state function (`Lexicon.root_state`); without it the id stays itself."""
    if not aid:
        return None
    return (state_of(aid) if state_of else None) or aid


def event_match(ev: dict, g, state_of=None, strict: bool = False) -> bool:
    """Does a predicted event (dict) match a gold one (Event)? The same function is applied to
    both sides' actors, so it is symmetric; see the module docstring."""
    if g.event_type != ev["type"]:
        return False
    if strict:
        same = lambda a, b: a == b  # noqa: E731
    else:
        same = lambda a, b: _side(a, state_of) == _side(b, state_of)  # noqa: E731
    ok = same(g.actor1, ev["actor1"]) and (not g.actor2 or same(g.actor2, ev["actor2"]))
    if not ok and g.event_type in plover.SYMMETRIC_TYPES and g.actor2:
        ok = same(g.actor1, ev["actor2"]) and same(g.actor2, ev["actor1"])
    if not ok:
        return False
    if strict:
        prec = ev.get("date_precision")
        prec = precision_code(prec)
        if not ev["date"] or not isinstance(prec, int) or prec > g.date_precision:
            return False
    return _date_ok(ev["date"], g.date, g.date_precision)


def _max_matching(preds: list, golds: list, ok) -> int:
    """Size of a maximum one-to-one matching (augmenting paths; a few dozen events per article)."""
    adj = [[j for j, g in enumerate(golds) if ok(p, g)] for p in preds]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set) -> bool:
        for j in adj[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    return sum(augment(i, set()) for i in range(len(preds)))


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
    e_tp = e_pred = e_tp_strict = 0
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
        state_of = extractor.lexicon.root_state
        e_tp += _max_matching(out["events"], e_gold[aid], lambda ev, g, state_of=state_of: event_match(ev, g, state_of))
        e_tp_strict += _max_matching(out["events"], e_gold[aid], lambda ev, g: event_match(ev, g, None, strict=True))
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
    result["events_strict"] = prf(e_tp_strict, e_pred, sum(len(v) for v in e_gold.values()))
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
            ("actors (span+id)", "actors"), ("quotes (overlap>=0.8)", "quotes"), ("events", "events"),
            ("events (strict)", "events_strict")]
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
