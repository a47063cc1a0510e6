"""Event summaries for machine-proposed events, written from a template per PLOVER type in
the three interface languages (a curated event has its own summary written by a person).

    event_summary("AID", "Algeria", "Mali", "en") -> "Algeria gives aid to Mali"

The Arabic templates use a verbal noun (تقديم، إدانة…) so they need no gender agreement with
the actor. A missing actor reads "an unnamed party" in the summary's language.
"""

from __future__ import annotations

from types import MappingProxyType

# type: (English, French, Arabic); {a} the source actor, {b} the target
_TEMPLATES = {
    "AGREE": ("{a} agrees with {b}", "{a} conclut un accord avec {b}", "اتفاق بين {a} و{b}"),
    "CONSULT": ("{a} meets or consults {b}", "{a} consulte {b}", "مشاورات بين {a} و{b}"),
    "SUPPORT": ("{a} voices support for {b}", "{a} exprime son soutien à {b}", "تعبير {a} عن دعم {b}"),
    "CONCEDE": ("{a} makes a concession to {b}", "{a} fait une concession à {b}", "تقديم {a} تنازلا لـ{b}"),
    "COOPERATE": ("{a} cooperates with {b}", "{a} coopère avec {b}", "تعاون بين {a} و{b}"),
    "AID": ("{a} gives aid to {b}", "{a} apporte une aide à {b}", "تقديم {a} مساعدة إلى {b}"),
    "RETREAT": ("{a} withdraws from {b}", "{a} se retire face à {b}", "انسحاب {a} أمام {b}"),
    "INVESTIGATE": ("{a} investigates {b}", "{a} enquête sur {b}", "تحقيق {a} بشأن {b}"),
    "DEMAND": ("{a} makes a demand of {b}", "{a} adresse une demande à {b}", "مطالبة {a} لـ{b}"),
    "DISAPPROVE": ("{a} criticises or accuses {b}", "{a} critique ou accuse {b}", "انتقاد {a} لـ{b}"),
    "REJECT": ("{a} rejects {b}", "{a} rejette {b}", "رفض {a} لـ{b}"),
    "THREATEN": ("{a} threatens {b}", "{a} menace {b}", "تهديد {a} لـ{b}"),
    "SANCTION": ("{a} sanctions {b}", "{a} sanctionne {b}", "إجراء عقابي من {a} ضد {b}"),
    "PROTEST": ("{a} protests against {b}", "{a} proteste contre {b}", "احتجاج {a} ضد {b}"),
    "CRIME": ("{a} commits a crime against {b}", "{a} commet un crime contre {b}", "جريمة من {a} ضد {b}"),
    "MOBILIZE": ("{a} mobilises forces against {b}", "{a} mobilise des forces contre {b}", "حشد {a} قوات ضد {b}"),
    "COERCE": ("{a} coerces {b}", "{a} exerce une contrainte sur {b}", "إجراء قسري من {a} ضد {b}"),
    "ASSAULT": ("{a} attacks {b}", "{a} attaque {b}", "هجوم {a} على {b}"),
    "FIGHT": ("{a} fights {b}", "{a} combat {b}", "اشتباك بين {a} و{b}"),
}
# type: (English, French, Arabic) when the event names no target
_ALONE = {
    "AGREE": ("{a} reaches an agreement", "{a} conclut un accord", "اتفاق أبرمه {a}"),
    "CONSULT": ("{a} holds talks", "{a} tient des consultations", "مشاورات أجراها {a}"),
    "MOBILIZE": ("{a} mobilises forces", "{a} mobilise des forces", "حشد {a} قوات"),
    "ASSAULT": ("{a} carries out an attack", "{a} mène une attaque", "هجوم نفذه {a}"),
    "FIGHT": ("{a} fights", "{a} combat", "معارك خاضها {a}"),
}
_UNNAMED = MappingProxyType({"en": "an unnamed party", "fr": "une partie non nommée", "ar": "طرف غير مسمى"})
_LANG_INDEX = MappingProxyType({"en": 0, "fr": 1, "ar": 2})
TEMPLATES = MappingProxyType(_TEMPLATES)


def event_summary(event_type: str, actor1: str | None, actor2: str | None, lang: str) -> str:
    """One sentence saying who did what to whom, in `lang` (en, fr or ar); names are given
    in that language by the caller."""
    column = _LANG_INDEX[lang]
    source = actor1 or _UNNAMED[lang]
    if actor2 is None and event_type in _ALONE:
        return _ALONE[event_type][column].format(a=source)
    if event_type not in _TEMPLATES:
        return f"{event_type}: {source}"
    return _TEMPLATES[event_type][column].format(a=source, b=actor2 or _UNNAMED[lang])
