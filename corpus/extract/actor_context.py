"""Document-level corrections of actor mentions, applied once all mentions are resolved.

- **Source credits are not actors.** A news agency or outlet in a dateline or byline
  ("باماكو (رويترز) -", "(الأناضول)", "نواكشوط - أ ف ب -") or as the addressee of a statement
  ("قال لوكالة فرانس برس", "في تصريح لرويترز") is the source of the text, not an actor of the news.
- **Which al-Qaeda.** "تنظيم القاعدة"/"القاعدة" with no regional qualifier is the name of
  core al-Qaeda, also in a Sahel story, unless the story names AQIM itself (a qualified AQIM
  mention, an AQIM leader, the word المغاربي: the short name then refers back to it); a mention of
  the core leadership (الظواهري، بن لادن) keeps it core, and so does a network phrase
  (المرتبطة بتنظيم القاعدة، الموالية للقاعدة، فرع القاعدة: `qaeda_network_words`).
- **Classes are not names.** "الجماعات الإرهابية"، "جماعات جهادية"، "الوساطة الدولية" designate a
  class or a collective (`class_actor_ids`): kept as nominal mentions for the quote and event
  steps, not listed as named actors (the guidelines list named actors only).
- **Body phrases.** A body head (هيئة، مديرية، المخابرات، مكتب…) + up to five definite words +
  a nisba is that state's body, whatever the words between (هيئة الأركان العامة للجيوش المالية →
  MLI-ARMY, المديرية العامة للأمن الوطني الجزائرية → DZA-SECURITY); a bare body or an adjective
  inside the phrase merges into it.
- **State outlets.** A state broadcaster (التلفزيون الرسمي المالي) is a nominal mention, not an
  actor of the list (`state_outlet_suffixes`).
- **Unknown Latin acronyms** (CMOC, SOMIMA) standing alone in Arabic text are organisations
  (three capitals or more, not part of a code such as an aircraft registration TZ-98D).

Word lists: `actor_words.json` (`qaeda_qualifiers`, `qaeda_network_words`, `source_addressee`,
`body_phrase_heads`, `body_phrase_codes`).
"""

from __future__ import annotations

import re

from corpus.extract.actor_lexicon import WORDS
from corpus.extract.actors import MENTION_KEY
from corpus.normalize import fold

CORE_QAEDA, AQIM = "AL-QAEDA", "AQIM"
QAEDA_QUALIFIERS = tuple(fold(w) for w in WORDS["qaeda_qualifiers"])
QAEDA_NETWORK_WORDS = frozenset(fold(w) for w in WORDS["qaeda_network_words"])
CLASS_ACTORS = frozenset(WORDS["class_actor_ids"])
ADDRESSEE_PREFIXES = tuple(fold(w) for w in WORDS["source_addressee"])
_DASH = re.compile(r"\s*[-–—]")
_ACRONYM = re.compile(r"(?<![A-Za-z0-9/-])[A-Z][A-Z&]{2,7}(?![A-Za-z0-9/-])")  # not TZ-98D
_CAPITALS = re.compile(r"[A-Z][A-Z&]{2}")  # what every _ACRONYM match holds (a quick pre-scan)
BODY_PHRASE_HEADS = frozenset(fold(w) for w in WORDS["body_phrase_heads"])
BODY_PHRASE_CODES = [(fold(w), code) for w, code in WORDS["body_phrase_codes"]]
BODY_PHRASE_REACH = 6  # tokens from the head to the nisba
BYLINE_REACH = 60  # characters from a line start within which a credit is a byline


def refine_actors(res, actors: list[dict]) -> list[dict]:
    """The resolver's sorted actor mentions after the document-level corrections."""
    actors = [a for a in actors if not source_credit(res, a)]
    qaeda_branch(res, actors)
    for a in actors:
        if a["actor_id"] in CLASS_ACTORS:
            a.setdefault("mention", "nominal")  # a class of actors is no actor's name
    actors = body_phrases(res, actors)
    actors.extend(unknown_acronyms(res, actors))
    state_outlets(actors)
    return sorted(actors, key=lambda a: a["start"])


# -- state outlets -----------------------------------------------------------------------------
OUTLET_SUFFIXES = tuple(WORDS["state_outlet_suffixes"])


def state_outlets(actors: list[dict]) -> None:
    """A state broadcaster (التلفزيون الرسمي المالي → MLI-TV/MLI-MEDIA) is an outlet, not a
    political actor: a nominal mention (the quote and event steps keep it)."""
    for a in actors:
        if MENTION_KEY not in a and (a.get("actor_id") or "").endswith(OUTLET_SUFFIXES):
            a[MENTION_KEY] = "nominal"


# -- source credits -------------------------------------------------------------------------
def source_credit(res, a: dict) -> bool:
    """A media mention in a dateline/byline, in parentheses or after ل- (the addressee)."""
    if a.get("kind") != "media":
        return False
    text = res.doc.text
    before, after = text[:a["start"]].rstrip(), text[a["end"]:].lstrip()
    if before.endswith("(") and after.startswith(")"):
        return True
    line_start = text.rfind("\n", 0, a["start"]) + 1
    return a["start"] - line_start <= BYLINE_REACH and bool(_DASH.match(after.lstrip(")")))


def _addressee(text: str, start: int) -> bool:
    """"لوكالة …", "لرويترز": the word holding the mention starts with the preposition ل-."""
    word_start = start
    while word_start > 0 and not text[word_start - 1].isspace():
        word_start -= 1
    glued = fold(text[word_start:start])
    if glued in ("ل", "ول"):
        return True
    prev = fold(text[:word_start].split()[-1]) if text[:word_start].split() else ""
    return prev in ADDRESSEE_PREFIXES


# -- which al-Qaeda -------------------------------------------------------------------------
def qaeda_branch(res, actors: list[dict]) -> None:
    """Unqualified al-Qaeda mentions: AQIM in a Maghreb/Sahel story, core al-Qaeda otherwise."""
    bare = [a for a in actors if a["actor_id"] in (AQIM, CORE_QAEDA) and not _qualified(a["text"])]
    if not bare:
        return
    core_named = any(_affiliation(res, a) == CORE_QAEDA for a in actors)
    regional = _aqim_in_story(res, actors)
    for a in bare:
        aqim = not core_named and regional and not _network_phrase(res, a)
        a["actor_id"] = AQIM if aqim else CORE_QAEDA
        a["name_en"] = res.lex.actor_name(a["actor_id"])


def _affiliation(res, a: dict) -> str | None:
    info = res.lex.actors.get(a["actor_id"]) if a["actor_id"] else None
    return info.affiliation if info else None


def _qualified(text: str) -> bool:
    folded = fold(text)
    return any(q in folded for q in QAEDA_QUALIFIERS)


def _aqim_in_story(res, actors: list[dict]) -> bool:
    if any(q in res.doc.folded for q in QAEDA_QUALIFIERS):
        return True
    return any(_affiliation(res, a) == AQIM for a in actors)


def _network_phrase(res, a: dict) -> bool:
    """المرتبطة بتنظيم القاعدة، فرع القاعدة: a group's tie to the al-Qaeda network (the core)."""
    before = res.doc.text[max(0, a["start"] - 40):a["start"]].split()
    if before and not res.doc.text[a["start"] - 1].isspace():
        before.pop()  # the clitic of the mention's own word (بـ، لـ)
    return bool(before) and fold(before[-1]) in QAEDA_NETWORK_WORDS


# -- body phrases ----------------------------------------------------------------------------
def body_phrases(res, actors: list[dict]) -> list[dict]:
    """Each nisba adjective closing a body phrase becomes, with what it covers, a body mention."""
    nisbas = [a for a in actors if a.get("mention") == "adjective" and a["kind"] == "state"]
    if not nisbas:
        return actors
    ostarts = res.doc.orig_bounds()[0]
    for adj in nisbas:
        k = res.doc.token_starting_at(adj["start"])
        head = _phrase_head(res, k) if k is not None else None
        if head is None:
            continue
        start = ostarts[head]
        inside = [a for a in actors if start <= a["start"] and a["end"] <= adj["end"]]
        if any(a is not adj and not _mergeable(res, a, adj["actor_id"]) for a in inside):
            continue
        actors = [a for a in actors if not any(a is x for x in inside)]
        actors.append(_body_mention(res, start, adj))
    return actors


def _phrase_head(res, k: int) -> int | None:
    """The farthest body head before token k reached over definite words only."""
    head = None
    for t in range(k - 1, max(k - BODY_PHRASE_REACH, 0) - 1, -1):
        if res.punct_between(t, t + 1):
            break
        word = res.tok(t)
        if word in BODY_PHRASE_HEADS:
            head = t
        elif not word.startswith(("ال", "لل", "وال")):
            break
    return head


def _mergeable(res, a: dict, state: str) -> bool:
    """A generic or adjective mention, or a body of the same state, can join the phrase."""
    return "mention" in a or a["kind"] == "state_body" and res.lex.root_state(a["actor_id"]) == state


def _body_mention(res, start: int, adj: dict) -> dict:
    text = res.doc.text[start:adj["end"]]
    folded = fold(text)
    code = next((c for w, c in BODY_PHRASE_CODES if w in folded.split()), "BODY")
    aid = f"{adj['actor_id']}-{code}"
    return {"start": start, "end": adj["end"], "text": text, "actor_id": aid,
            "name_en": res.lex.actor_name(aid), "kind": "state_body"}


# -- unknown acronyms -----------------------------------------------------------------------
def unknown_acronyms(res, actors: list[dict]) -> list[dict]:
    """Latin capitals no mention covers and no known name explains: an organisation each."""
    taken = [(x["start"], x["end"]) for x in actors] + [(p["start"], p["end"]) for p in res.places]
    out = []
    if _CAPITALS.search(res.doc.text) is None:
        return out  # most Arabic articles: one fast scan, no acronym can match
    for hit in _ACRONYM.finditer(res.doc.text):
        s, e = hit.span()
        if any(a < e and s < b for a, b in taken) or _glosses_previous(res.doc.text, s, actors):
            continue
        out.append({"start": s, "end": e, "text": hit.group(), "actor_id": hit.group(),
                    "name_en": hit.group(), "kind": "organisation"})
    return out


def _glosses_previous(text: str, start: int, actors: list[dict]) -> bool:
    """"الحركة الوطنية لتحرير أزواد (MNLA)": an acronym in parentheses after a named actor."""
    before = text[:start].rstrip()
    if not before.endswith("("):
        return False
    end = len(before[:-1].rstrip())
    return any(abs(a["end"] - end) <= 1 for a in actors)
