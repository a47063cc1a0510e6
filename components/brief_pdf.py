"""Write a brief (components.brief.Brief + Figures) as a PDF with fpdf2.

Text is shaped by HarfBuzz (fpdf2's text shaping through the uharfbuzz wheel): Arabic letters
join, lam-alef ligates, and each paragraph is laid out by the Unicode bidi algorithm in its
own direction — the interface's for labels, the item's language for summaries and quotes, left
to right for links. Fonts are embedded (subset) from assets/fonts: Noto Sans for Latin, Noto
Naskh Arabic for Arabic, each the other's fallback, and matplotlib's DejaVu Sans for symbols
(→ ↔ −) neither has. fpdf2 writes a ToUnicode map from every shaped glyph back to the
characters it stands for, so copied or extracted text is the logical Unicode text (not
presentation forms). No browser and no system package is involved.
"""

from __future__ import annotations

import io
from pathlib import Path

from fpdf import FPDF

from components.brief_figures import FONTS_DIR

SYMBOLS_FONT = "DejaVuSans.ttf"
GREY, INK, LINK = (95, 95, 95), (20, 20, 20), (0, 90, 170)
BODY, SMALL, SECTION, TITLE = 9.5, 8.0, 12.5, 18.0
MM_PER_PT = 0.3528


def _symbols_font() -> Path:
    import matplotlib

    return Path(matplotlib.get_data_path()) / "fonts" / "ttf" / SYMBOLS_FONT


class BriefPDF(FPDF):
    """A4 portrait with the fonts registered and a page-number footer."""

    def __init__(self, lang: str, page_label: str):
        super().__init__(format="A4")
        self.lang, self.rtl, self.page_label = lang, lang == "ar", page_label
        self.add_font("latin", "", FONTS_DIR / "NotoSans-Regular.ttf")
        self.add_font("latin", "B", FONTS_DIR / "NotoSans-Bold.ttf")
        self.add_font("arabic", "", FONTS_DIR / "NotoNaskhArabic-Regular.ttf")
        self.add_font("arabic", "B", FONTS_DIR / "NotoNaskhArabic-Bold.ttf")
        self.add_font("symbols", "", _symbols_font())
        self.set_margins(16, 14, 16)
        self.set_auto_page_break(True, margin=16)
        self.set_lang(lang)
        self.c_margin = 0

    def write_text(self, text: str, size: float = BODY, style: str = "", lang: str | None = None,
                   colour: tuple[int, int, int] = INK, link: str | None = None, gap: float = 0.8) -> None:
        """One paragraph in `lang`'s script and direction (the interface's when None)."""
        rtl = (lang or self.lang) == "ar"
        primary, fallback = ("arabic", "latin") if rtl else ("latin", "arabic")
        self.set_font(primary, style, size)
        self.set_fallback_fonts([fallback, "symbols"], exact_match=False)
        self.set_text_shaping(True, direction="rtl" if rtl else "ltr")
        self.set_text_color(*colour)
        line = size * MM_PER_PT * (1.75 if rtl else 1.45)
        for part in self.wrap(text, self.epw, primary, style, size):
            self.cell(0, line, part, align="R" if rtl else "L", new_x="LMARGIN", new_y="NEXT", link=link or "")
        self.ln(gap)

    def wrap(self, text: str, width: float, primary: str, style: str, size: float) -> list[str]:
        """The paragraph cut into lines that fit `width`, measured word by word (each word
        shaped once). fpdf2's own line breaking re-shapes the growing line after every
        character, which took seconds for a few Arabic paragraphs."""
        lines: list[str] = []
        current: list[str] = []
        used = 0.0
        space = self._word_width(" ", primary, style, size)
        for word in text.split():
            width_of_word = self._word_width(word, primary, style, size)
            if current and used + space + width_of_word > width:
                lines.append(" ".join(current))
                current, used = [], 0.0
            while not current and width_of_word > width and len(word) > 1:  # a long URL or id: cut it
                cut = max(1, int(len(word) * width / width_of_word) - 1)
                lines.append(word[:cut])
                word = word[cut:]
                width_of_word = self._word_width(word, primary, style, size)
            used += (space if current else 0.0) + width_of_word
            current.append(word)
        if current:
            lines.append(" ".join(current))
        self.set_font(primary, style, size)
        return lines or [""]

    def _word_width(self, word: str, primary: str, style: str, size: float) -> float:
        """Width of a word in the font that writes its script (Arabic or Latin)."""
        family = "arabic" if any("\u0600" <= ch <= "\u06ff" for ch in word) else "latin"
        self.set_font(family, style, size)
        return self.get_string_width(word)

    def write_link(self, url: str, size: float = SMALL) -> None:
        """A clickable URL, always left to right."""
        self.write_text(url, size, "U", "en", LINK, link=url)

    def section(self, title: str) -> None:
        self.ln(2.5)
        self.write_text(title, SECTION, "B", gap=1.2)

    def picture(self, title: str, png: bytes, width: float, below: float = 0.0) -> None:
        """A section heading and its figure (and `below` mm of caption), kept on one page."""
        from PIL import Image

        with Image.open(io.BytesIO(png)) as image:
            height = width * image.height / image.width
        if self.get_y() + height + below + 14 > self.page_break_trigger:
            self.add_page()
        self.section(title)
        self.image(io.BytesIO(png), x=self.l_margin + (self.epw - width) / 2, w=width)
        self.ln(1.5)

    def footer(self) -> None:
        self.set_y(-11)
        self.set_font("latin", "", 7)
        self.set_text_shaping(True, direction="rtl" if self.rtl else "ltr")
        self.set_text_color(*GREY)
        self.cell(0, 5, self.page_label.format(n=self.page_no()), align="C")


def _entries(pdf: BriefPDF, entries, shown_total: int, labels, empty_key: str) -> None:
    if not entries:
        pdf.write_text(labels[empty_key], colour=GREY)
        return
    if len(entries) < shown_total:
        pdf.write_text(labels["listed"].format(shown=len(entries), total=shown_total), SMALL, colour=GREY)
    for entry in entries:
        pdf.write_text(entry.heading, SMALL + 0.5, "B", gap=0.3)
        pdf.write_text(entry.text, BODY, lang=entry.text_lang, gap=0.3)
        pdf.write_text(f"{labels['source']} {entry.source}", SMALL, colour=LINK, link=entry.href, gap=2.2)


def _figure(pdf: BriefPDF, title: str, png: bytes | None, width: float, note: str, empty: str) -> None:
    if png:
        pdf.picture(title, png, width, below=12.0 if note else 0.0)
        if note:
            pdf.write_text(note, SMALL, colour=GREY)
    else:
        pdf.section(title)
        pdf.write_text(empty, colour=GREY)


def render(brief, figures) -> bytes:
    """The PDF bytes of `brief` (components.brief.Brief) with its `figures`."""
    labels = brief.labels
    pdf = BriefPDF(brief.lang, labels["page"])
    pdf.set_title(f"{brief.title} — {labels['view']}")
    pdf.set_creator("Algeria–Mali Relations Atlas")
    pdf.add_page()
    pdf.write_text(brief.title, TITLE, "B", gap=0.5)
    pdf.write_text(brief.generated, SMALL, colour=GREY, gap=2)
    pdf.section(labels["view"])
    for name, value in brief.filters:
        pdf.write_text(f"{name}: {value}", BODY, gap=0.3)
    pdf.ln(1)
    pdf.write_text(labels["permalink"], SMALL, "B", gap=0.2)
    pdf.write_link(brief.permalink)
    pdf.write_text(brief.counts, BODY, "B", gap=1)
    _figure(pdf, labels["barometer"], figures.barometer, pdf.epw, labels["barometer_note"], labels["no_dyad"])
    _figure(pdf, labels["map"], figures.map, 100, labels["map_note"], labels["empty_events"])
    left_out = labels["timeline_left_out"].format(n=figures.timeline_left_out) if figures.timeline_left_out else ""
    _figure(pdf, labels["timeline"], figures.timeline, pdf.epw, left_out, labels["empty_events"])
    pdf.section(labels["key_events"])
    _entries(pdf, brief.key_events, brief.matching_events, labels, "empty_events")
    pdf.section(labels["key_quotes"])
    _entries(pdf, brief.quotes, brief.matching_quotes, labels, "empty_quotes")
    return bytes(pdf.output())
