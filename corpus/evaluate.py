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

import dataclasses
import datetime as dt
import warnings
from collections import defaultdict
from dataclasses import dataclass, field
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


def _extractor_for(corpus, curated_actors: bool) -> Extractor:
    """The engine, its actor lexicon built with or without the curated actors."""
    if curated_actors:
        return Extractor.from_corpus(corpus)
    return Extractor.from_corpus(dataclasses.replace(corpus, actors={}))


def _by_article(records) -> dict[str, list]:
    grouped: dict[str, list] = defaultdict(list)
    for record in records:
        grouped[record.article_id].append(record)
    return grouped


@dataclass
class _Tally:
    """What the engine found, article by article, against the gold annotations."""

    pred: dict[str, set] = field(default_factory=lambda: defaultdict(set))
    q_tp: int = 0
    q_pred: int = 0
    speaker_ok: int = 0
    kind_ok: int = 0
    e_tp: int = 0
    e_tp_strict: int = 0
    e_pred: int = 0
    dp_pred: set = field(default_factory=set)

    def mentions(self, aid: str, out: dict) -> None:
        for kind, name, ref in (("date", "dates", "value"), ("place", "places", "place_id"),
                                ("actor", "actors", "actor_id")):
            self.pred[kind].update((aid, m["start"], m["end"], m[ref]) for m in out[name])

    def quotes(self, predicted: list[dict], gold: list) -> None:
        """Greedy one-to-one: each predicted quote takes the free gold quote it overlaps most."""
        self.q_pred += len(predicted)
        free = list(gold)
        for q in predicted:
            best = max(free, key=lambda g: _overlap((q["start"], q["end"]), (g.start, g.end)), default=None)
            if best is None or _overlap((q["start"], q["end"]), (best.start, best.end)) < 0.8:
                continue
            free.remove(best)
            self.q_tp += 1
            self.speaker_ok += bool(q["speaker"] and q["speaker"]["actor_id"] == best.speaker)
            self.kind_ok += q["kind"] == best.kind

    def events(self, predicted: list[dict], gold: list, state_of) -> None:
        self.e_pred += len(predicted)
        self.e_tp += _max_matching(predicted, gold, lambda ev, g: event_match(ev, g, state_of))
        self.e_tp_strict += _max_matching(predicted, gold, lambda ev, g: event_match(ev, g, None, strict=True))


def _mention_figures(gold: dict[str, set], pred: dict[str, set]) -> dict:
    result = {}
    for kind, name in (("date", "dates"), ("place", "places"), ("actor", "actors")):
        result[name] = prf(len(gold[kind] & pred[kind]), len(pred[kind]), len(gold[kind]))
    spans = {(a, s, e) for a, s, e, _ in gold["date"]}
    found = {(a, s, e) for a, s, e, _ in pred["date"]}
    result["dates_span_only"] = prf(len(spans & found), len(pred["date"]), len(gold["date"]))
    return result


def _dateparser_figures(gold_dates: set, dp_pred: set) -> dict:
    """dateparser's hits: the exact gold span, its datetime agreeing to the gold precision."""
    by_span = {(a, s, e): ref for a, s, e, ref in gold_dates}
    tp = sum(1 for a, s, e, when in dp_pred
             if (ref := by_span.get((a, s, e))) and when.date().isoformat()[: len(ref)] == ref)
    return prf(tp, len(dp_pred), len(gold_dates))


def evaluate(data_dir: Path = DEFAULT_DATA_DIR, extractor: Extractor | None = None,
             with_dateparser: bool = True, curated_actors: bool = True) -> dict:
    """The figures. `curated_actors=False` builds the actor lexicon from the shipped extras only
    (not from data/actors.jsonl): a fairer estimate for unseen articles."""
    corpus, _problems = collect(Path(data_dir))
    extractor = extractor or _extractor_for(corpus, curated_actors)
    gold: dict[str, set] = defaultdict(set)
    for m in corpus.mentions:
        gold[m.kind].add((m.article_id, m.start, m.end, m.ref))
    q_gold, e_gold = _by_article(corpus.quotes.values()), _by_article(corpus.events.values())
    tally = _Tally()
    for aid, art in corpus.articles.items():
        out = extractor.extract(art.text, art.published)
        tally.mentions(aid, out)
        tally.quotes(out["quotes"], q_gold[aid])
        tally.events(out["events"], e_gold[aid], extractor.lexicon.root_state)
        if with_dateparser:
            tally.dp_pred.update((aid, s, e, when) for s, e, when in dateparser_dates(art.text, art.published))
    result = _mention_figures(gold, tally.pred)
    result["quotes"] = prf(tally.q_tp, tally.q_pred, len(corpus.quotes))
    result["quotes"]["speaker_accuracy"] = round(tally.speaker_ok / tally.q_tp, 3) if tally.q_tp else 0.0
    result["quotes"]["kind_accuracy"] = round(tally.kind_ok / tally.q_tp, 3) if tally.q_tp else 0.0
    result["events"] = prf(tally.e_tp, tally.e_pred, len(corpus.events))
    result["events_strict"] = prf(tally.e_tp_strict, tally.e_pred, len(corpus.events))
    if with_dateparser:
        result["dateparser_dates"] = _dateparser_figures(gold["date"], tally.dp_pred)
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
