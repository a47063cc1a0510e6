"""PLOVER event types, their quad classes and a cooperation–conflict score.

PLOVER (the successor of CAMEO, used by POLECAT) has 19 event types in four quad classes.
The score is Goldstein-style on −10…+10: our own single table, documented in
docs/PLOVER.md, used by the relations barometer.
"""

from types import MappingProxyType

VERBAL_COOPERATION = "verbal_cooperation"
MATERIAL_COOPERATION = "material_cooperation"
VERBAL_CONFLICT = "verbal_conflict"
MATERIAL_CONFLICT = "material_conflict"

QUAD_CLASSES = (VERBAL_COOPERATION, MATERIAL_COOPERATION, VERBAL_CONFLICT, MATERIAL_CONFLICT)

# type: (quad class, score)
_TABLE = {
    "AGREE": (VERBAL_COOPERATION, 4.0),
    "CONSULT": (VERBAL_COOPERATION, 2.0),
    "SUPPORT": (VERBAL_COOPERATION, 3.0),
    "CONCEDE": (VERBAL_COOPERATION, 5.0),
    "COOPERATE": (MATERIAL_COOPERATION, 6.0),
    "AID": (MATERIAL_COOPERATION, 7.0),
    "RETREAT": (MATERIAL_COOPERATION, 4.0),
    "INVESTIGATE": (MATERIAL_COOPERATION, -1.0),
    "DEMAND": (VERBAL_CONFLICT, -3.0),
    "DISAPPROVE": (VERBAL_CONFLICT, -4.0),
    "REJECT": (VERBAL_CONFLICT, -5.0),
    "THREATEN": (VERBAL_CONFLICT, -6.0),
    "SANCTION": (VERBAL_CONFLICT, -6.5),
    "PROTEST": (MATERIAL_CONFLICT, -6.5),
    "CRIME": (MATERIAL_CONFLICT, -7.0),
    "MOBILIZE": (MATERIAL_CONFLICT, -7.0),
    "COERCE": (MATERIAL_CONFLICT, -8.0),
    "ASSAULT": (MATERIAL_CONFLICT, -9.0),
    "FIGHT": (MATERIAL_CONFLICT, -10.0),
}

EVENT_TYPES = tuple(_TABLE)
QUAD_OF = MappingProxyType({t: q for t, (q, _) in _TABLE.items()})
SCORE_OF = MappingProxyType({t: s for t, (_, s) in _TABLE.items()})
# types whose two sides are interchangeable (A consults B = B consults A): actor order is free
SYMMETRIC_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE", "FIGHT"})

# RGB colours per quad class (colour-blind-safe Okabe–Ito picks), shared by map and charts.
QUAD_COLOURS = MappingProxyType(
    {
        VERBAL_COOPERATION: (86, 180, 233),
        MATERIAL_COOPERATION: (0, 114, 178),
        VERBAL_CONFLICT: (230, 159, 0),
        MATERIAL_CONFLICT: (213, 94, 0),
    }
)


def is_event_type(name: str) -> bool:
    return name in _TABLE


def quad_of(event_type: str) -> str:
    return QUAD_OF[event_type]


def score_of(event_type: str) -> float:
    return SCORE_OF[event_type]
