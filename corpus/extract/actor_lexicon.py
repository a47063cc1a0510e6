"""The actor dictionary compiled into the lexicon (PETRARCH-style: knowledge as data).

Data (all under `corpus/lexicon/`, read through `resources`):
- `actor_words.json`: titles and their office codes, ranks, state-body nouns, name particles,
  given names, stop words, group phrase rules (head noun × ethnonym);
- `actors_extra.jsonl`: states, IGOs, armed groups, groups, media and their spellings;
- `persons.jsonl`: persons with dated roles (office, start, end) → who held which office when;
- `offices.json`: older office-holder table (kept, merged with the persons' roles).

Rules that generate forms instead of listing them:
- a state's nisba forms (الجزائري → الجزائرية، الجزائريين، جزائرية…) and spelling variants
  (أمريكي / أميركي);
- state bodies: body noun + nisba (الحكومة المالية), construct noun + name (حكومة مالي), body
  noun + في/ب + name (وزارة الدفاع في مالي);
- titles: title + nisba (وزير الخارجية الجزائري), construct title + name (رئيس النيجر);
- person names: Tuareg "Ag" spellings (آغ، أغ، اغ، أق) and the name without it, glued عبد.
"""

from __future__ import annotations

from corpus.extract.resources import load_json, load_jsonl
from corpus.normalize import fold

WORDS = load_json("actor_words.json")


def _folded(words) -> list[str]:
    return [fold(w) for w in words]


def _code_table(section: dict) -> dict[str, str]:
    """{code: [phrases]} → {folded phrase: code}."""
    return {fold(w): code for code, words in section.items() for w in words}


BODY_NOUNS = _code_table(WORDS["body_nouns"])
CONSTRUCT_BODY_NOUNS = _code_table(WORDS["construct_body_nouns"])
BODY_NAMES: dict[str, str] = dict(WORDS["body_names"])
BARE_BODY_CODES = frozenset(WORDS["bare_body_codes"])
BARE_SINGLE_WORDS = frozenset(_folded(WORDS["bare_single_words"]))
TITLES: dict[str, str | None] = {
    **{fold(w): None for w in WORDS["ranks"] + WORDS["counterparts"]},
    **_code_table(WORDS["titles"]),
}
RANKS = frozenset(_folded(WORDS["ranks"]))
TITLE_WORDS = frozenset(t.split()[0] for t in TITLES)
STOP_ALIASES = frozenset(_folded(WORDS["stop_aliases"]))
GENERIC_NOUNS = {fold(w): target for w, target in WORDS["generic_nouns"].items()}
NAME_PARTICLES = {fold(w): lat for w, lat in WORDS["name_particles"].items()}
TUAREG_PARTICLES = frozenset(_folded(WORDS["tuareg_particles"]))
NAME_AL_OK = frozenset(_folded(WORDS["name_al_ok"]))
NAME_STOP = frozenset(_folded(WORDS["name_stop"]))
GIVEN_NAMES = {fold(w): lat for w, lat in WORDS["given_names"].items()}
# how names are usually written in Latin letters (romanising new persons only)
NAME_SPELLINGS = {fold(w): lat for w, lat in WORDS["name_spellings"].items()}
ORG_CUES = frozenset(_folded(WORDS["org_cues"]))
ORG_GLOSSARY = {fold(w): en for w, en in WORDS["org_glossary"].items()}
ORG_ANCHORS = frozenset(_folded(WORDS["org_anchor_words"]))
COMPANY_CUES = frozenset(_folded(WORDS["company_cues"]))
COMPANY_CUE_STOP = frozenset(_folded(WORDS["company_cue_stop"]))
# construct titles: title + a state's name (رئيس مالي، وزير خارجية الجزائر)
CONSTRUCT_TITLES = {fold(w): code for w, code in {
    "رئيس": "PRES", "رئيسة": "PRES", "وزير خارجية": "MFA", "وزيرة خارجية": "MFA",
    "وزير دفاع": "MOD", "وزير داخلية": "MOI", "رئيس وزراء": "PM", "رئيس حكومة": "PM",
    "سفير": "AMB", "سفيرة": "AMB", "رئيس أركان جيش": "COS", "قائد جيش": "COS", "ملك": "PRES",
    "الرئيس الحالي لجمهورية": "PRES",
}.items()}
# ministers count as MIN too (الوزير resolves to any of them)
MINISTER_OFFICES = frozenset({"MFA", "MOD", "MOI", "PM"})


def person_records() -> list[dict]:
    """persons.jsonl rows as actor records (kind person, affiliation = state or organisation)."""
    out = []
    for row in load_jsonl("persons.jsonl"):
        roles = row.get("roles") or []
        out.append({
            "id": row["id"], "kind": "person", "name_ar": row.get("name_ar"),
            "name_en": row.get("name_en"), "name_fr": None,
            "aliases_ar": list(row.get("aliases_ar") or []),
            "aliases_lat": list(row.get("aliases_lat") or []),
            "affiliation": row.get("state") or row.get("affiliation"),
            "role_start": roles[0][1][:4] if roles else None,
            "role_end": (roles[-1][2] or "")[:4] or None if roles else None,
            "roles": [list(r) for r in roles],
        })
    return out


def office_holders(persons: list[dict]) -> dict[tuple[str, str], list[tuple[str, str, str | None]]]:
    """(state or organisation, office) → [(person, start, end)] from offices.json and persons."""
    table: dict[tuple[str, str], list] = {}
    data = load_json("offices.json")
    for state, offices in data.get("offices", {}).items():
        for office, holders in offices.items():
            table.setdefault((state, office), []).extend(tuple(h) for h in holders)
    for p in persons:
        for office, start, end in p.get("roles", ()):
            entry = (p["id"], start, end)
            bucket = table.setdefault((p["affiliation"], office), [])
            if entry not in bucket:
                bucket.append(entry)
    return table


def merge_records(extras: list[dict], curated: list[dict]) -> dict[str, dict]:
    """Actor records by id: curated fields win; spellings (aliases) are the union of both."""
    merged: dict[str, dict] = {}
    for row in extras:
        prev = merged.get(row["id"])
        merged[row["id"]] = _union_aliases(prev, row) if prev else dict(row)
    for row in curated:
        prev = merged.get(row["id"])
        merged[row["id"]] = _union_aliases(row, prev) if prev else dict(row)
    return merged


def _union_aliases(primary: dict, other: dict) -> dict:
    out = dict(other)
    out.update({k: v for k, v in primary.items() if v is not None})
    for k in ("aliases_ar", "aliases_lat"):
        seen = list(primary.get(k) or [])
        out[k] = seen + [a for a in other.get(k) or [] if a not in seen]
    if other.get("roles") and not primary.get("roles"):
        out["roles"] = other["roles"]
    return out


def name_variants(folded_name: tuple[str, ...]) -> set[tuple[str, ...]]:
    """Spelling variants of a folded person name: Ag spellings (glued or not, or dropped)
    and عبد glued to the next word (عبد القادر / عبدالقادر)."""
    out = {folded_name}
    for i, tok in enumerate(folded_name[:-1]):
        nxt = folded_name[i + 1]
        head, tail = folded_name[:i], folded_name[i + 2:]
        if tok in TUAREG_PARTICLES:
            for ag in ("اغ", "اق"):
                out.add(head + (ag, nxt) + tail)
                out.add(head + (ag + nxt,) + tail)
            if head:
                out.add(head + (nxt,) + tail)
        if tok == "عبد":
            out.add(head + ("عبد" + nxt,) + tail)
    return out


def nisba_spellings(stem: str) -> set[str]:
    """Common spelling variants of a nisba stem: امريك / اميرك (American), نمساو / نمسو
    (Austrian: the alef before و written or not)."""
    out = {stem}
    if stem.endswith("او") and len(stem) >= 5:
        out.add(stem[:-2] + "و")
    elif stem.endswith("و") and len(stem) >= 4 and stem[-2] not in "اوي":
        out.add(stem[:-1] + "او")
    if "مريك" in stem:
        out.add(stem.replace("مريك", "ميرك"))
    if "ميرك" in stem:
        out.add(stem.replace("ميرك", "مريك"))
    return out
