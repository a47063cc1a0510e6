"""Every piece of raw HTML the app renders is built here, from fixed markup and escaped data.

Anything that came from an article, a URL parameter or an upload passes through `esc` (or is
a fixed token checked against a whitelist) before it reaches `st.html` / `unsafe_allow_html`.
The same data shown through Markdown (st.markdown, st.warning, st.caption, st.table cells,
widget labels) passes through `markdown_text`, and a link is only ever built by `markdown_link`
from a URL `http_url` accepts. No function here imports Streamlit: they return strings, tested
with malicious input.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import quote, urlencode, urlsplit

from components.i18n import direction
from corpus.textcheck import without_bidi_controls

_TOKEN = re.compile(r"^[A-Za-z0-9_-]{1,40}$")
def display_text(value: object) -> str:
    """Text from an article, a title, a link or the store as it is shown: the bidi embedding,
    override and isolate controls (U+202A–202E, U+2066–2069) removed, so a value cannot reorder
    what is drawn around it (they stay in the stored text: corpus.textcheck). `esc` and
    `markdown_text` apply it; call it directly where text is shown without them (st.text,
    option labels of a select box)."""
    return without_bidi_controls("" if value is None else str(value))


def esc(value: object) -> str:
    return html.escape(display_text(value), quote=True)


_MD_SPECIAL = re.compile(r"([!-/:-@\[-`{-~])")  # every ASCII punctuation character
_LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029\x0b\x0c\x85]+")


def markdown_text(value: object) -> str:
    """`value` as literal text inside Markdown (st.markdown, st.warning, st.caption, widget
    labels…): every ASCII punctuation character is backslash-escaped — CommonMark allows that for
    all of them — so no link, image, emphasis, heading, list, HTML, math ($), colour directive
    (:red[…]) or autolink (https\\://…, www\\.…, a\\@b\\.org) can form; line breaks become spaces
    so a value cannot start a block of its own."""
    text = _LINE_BREAKS.sub(" ", display_text(value))
    return _MD_SPECIAL.sub(r"\\\1", text)


_URL_SAFE = ":/?#[]@!$&'*+,;=%~-._"  # kept as is; ( ) < > space \ " and non-ASCII get %-encoded


def http_url(value: object) -> str | None:
    """`value` as an absolute http(s) URL fit for a link target (percent-encoded so it cannot
    close a Markdown link or an HTML attribute), or None for anything else (javascript:, data:,
    relative, no host, control characters, credentials in the host part)."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text or len(text) > 2000 or any(ord(c) < 32 or c.isspace() for c in text):
        return None
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname or "@" in parts.netloc:
        return None
    return quote(text, safe=_URL_SAFE)


def markdown_link(url: object, text: object) -> str:
    """A Markdown link to `url` showing `text` as text — only when `url` is a valid http(s)
    URL (`http_url`); otherwise `text` alone, as text."""
    target = http_url(url)
    label = markdown_text(text)
    return f"[{label}]({target})" if target else label


def token(value: object, default: str = "x") -> str:
    """A class name / attribute token: kept only when it is plainly safe."""
    text = "" if value is None else str(value)
    return text if _TOKEN.match(text) else default


def bdi(text: object) -> str:
    """Isolated bidi run: mixed Arabic/Latin names never scramble their neighbours."""
    return f"<bdi>{esc(text)}</bdi>"


def link(href: str, text: object) -> str:
    """An internal link; `href` is escaped (a query string built with `query_href`)."""
    return f'<a href="{esc(href)}" target="_self">{esc(text)}</a>'


def query_href(page: str, params: dict[str, str]) -> str:
    """A relative link to a page of this app with the given query parameters."""
    safe_page = page if re.match(r"^[a-z_]{0,40}$", page) else ""
    return f"./{safe_page}?{urlencode(params)}" if params else f"./{safe_page}"


# Fixed CSS: direction of the interface, cards, badges and highlights. No data inside.
BASE_CSS = """
<style>
.atlas-quote{border:1px solid rgba(128,128,128,.35);border-radius:.5rem;padding:.75rem 1rem;margin:.5rem 0;}
.atlas-selected{border:2px solid #d55e00;box-shadow:0 0 0 3px rgba(213,94,0,.18);}
.atlas-quote-head{font-size:.9rem;opacity:.85;margin-bottom:.35rem;}
.atlas-quote-text{font-size:1.1rem;margin:.25rem 0;padding:0 .5rem;unicode-bidi:isolate;
  border-inline-start:3px solid rgba(128,128,128,.5);}
.atlas-quote-text[dir=rtl]{text-align:right;font-family:"Noto Naskh Arabic","Noto Sans Arabic",serif;}
.atlas-quote-text[dir=ltr]{text-align:left;}
.atlas-quote-source{font-size:.85rem;opacity:.85;margin-top:.35rem;}
.atlas-quote-text mark.atlas-fragment{background:rgba(230,159,0,.35);color:inherit;padding:0 .1em;}
.atlas-gloss{font-size:.95rem;margin:.35rem 0 .25rem;padding:0 .5rem;unicode-bidi:isolate;}
.atlas-gloss[dir=rtl]{text-align:right;} .atlas-gloss[dir=ltr]{text-align:left;}
.atlas-gloss-label{font-size:.75rem;opacity:.75;font-style:italic;margin-inline-end:.35rem;}
.atlas-gloss-label::after{content:":";}
.atlas-gloss-missing{font-size:.8rem;opacity:.7;font-style:italic;}
.atlas-copy{font:inherit;font-size:.8rem;cursor:pointer;border:1px solid rgba(128,128,128,.5);border-radius:.4rem;
  background:transparent;color:inherit;padding:0 .45rem;}
.atlas-copy[data-state=copied]{border-color:#009E73;}
.atlas-badge{display:inline-block;border-radius:.6rem;padding:0 .5rem;font-size:.75rem;margin-inline:.25rem;
  background:rgba(128,128,128,.2);}
.atlas-badge-direct{background:rgba(0,114,178,.25);}
.atlas-badge-fragment{background:rgba(86,180,233,.25);}
.atlas-badge-reported{background:rgba(230,159,0,.25);}
.atlas-badge-fallback{background:rgba(213,94,0,.2);}
.atlas-article{white-space:pre-wrap;line-height:2;font-size:1.05rem;unicode-bidi:isolate;}
.atlas-article[dir=rtl]{text-align:right;font-family:"Noto Naskh Arabic","Noto Sans Arabic",serif;}
.atlas-article[dir=ltr]{text-align:left;}
.hl-event{background:rgba(0,114,178,.18);}
.hl-quote{background:rgba(230,159,0,.30);}
.hl-place{border-bottom:2px solid #009E73;}
.hl-actor{border-bottom:2px dotted #CC79A7;}
.hl-target{outline:2px solid #D55E00;background:rgba(213,94,0,.25);}
.atlas-legend{font-size:.9rem;}
.atlas-legend span.sw{display:inline-block;width:.9rem;height:.9rem;border-radius:.2rem;margin-inline-end:.35rem;vertical-align:middle;}
.atlas-legend div{margin:.15rem 0;}
.atlas-key{margin:.4rem 0;padding:.4rem .6rem;border-inline-start:4px solid rgba(128,128,128,.5);}
.atlas-key .meta{font-size:.85rem;opacity:.8;}
</style>
"""

# Right-to-left interface. `dir` alone does not right-align text inside Streamlit's markdown
# blocks, so direction and text-align are set on the containers and their markdown children;
# charts and the map canvas keep ltr (their own layout engines), and so do the date inputs (an
# ISO date laid out right to left read 01-12-2024 and lost its first digits to the box's edge). Quote/article blocks keep the
# `dir` of their own language through the attribute selectors in BASE_CSS.
RTL_CSS = """
<style>
[data-testid="stMain"], [data-testid="stSidebar"], [data-testid="stSidebarContent"]{direction:rtl;}
[data-testid="stMain"] [data-testid="stMarkdownContainer"],
[data-testid="stSidebar"] [data-testid="stMarkdownContainer"],
[data-testid="stMain"] [data-testid="stCaptionContainer"],
[data-testid="stMain"] h1, [data-testid="stMain"] h2, [data-testid="stMain"] h3,
[data-testid="stWidgetLabel"], [data-testid="stSidebarNav"], [data-testid="stAlert"]{text-align:right;}
[data-testid="stSidebarNav"] a{direction:rtl;}
[data-testid="stPlotlyChart"], [data-testid="stDeckGlJsonChart"], .stSlider{direction:ltr;}
[data-testid="stDateInputFieldsScroller"]{direction:ltr;}
[data-testid="stMain"] [dir=ltr]{text-align:left;}
</style>
"""


def style_block(rtl: bool) -> str:
    return BASE_CSS + (RTL_CSS if rtl else "")


def kind_badge(kind: str, label: str) -> str:
    return f'<span class="atlas-badge atlas-badge-{token(kind)}">{esc(label)}</span>'


@dataclass(frozen=True, slots=True)
class QuoteCard:
    """Plain data for one quote card (labels already in the interface language)."""

    quote_id: str
    text: str
    language: str
    kind: str
    kind_label: str
    speaker: str
    speaker_role: str | None
    speaker_affiliation: str | None
    date_label: str
    source_label: str
    source_href: str
    source_link_label: str
    ui_lang: str
    provenance: str | None = None  # "proposed by the engine, accepted by …" for added items
    before: str = ""  # a fragment: the words of its sentence before and after it
    after: str = ""
    gloss: str | None = None  # the atlas's translation into ui_lang
    gloss_label: str | None = None  # "Translation by the atlas" / "No translation yet"; None: no line
    citation: str = ""  # plain text for the copy button; "" draws no button
    copy_label: str = ""
    copied_label: str = ""
    copy_failed_label: str = ""
    item_link: str = ""  # the link to this quote (?quote=ID) for the "copy link" button; "" draws none
    link_label: str = ""
    selected: bool = False  # the quote a link opened: marked, and the reader scrolls to it


def quote_text(card: QuoteCard) -> str:
    """The verbatim text; a fragment inside its sentence, the quoted words in <mark>."""
    if not (card.before or card.after):
        return esc(card.text)
    return f'{esc(card.before)}<mark class="atlas-fragment">{esc(card.text)}</mark>{esc(card.after)}'


def gloss_line(card: QuoteCard) -> str:
    """The atlas's translation under the verbatim text, in the interface's language and direction."""
    if not card.gloss_label:
        return ""
    lang = esc(token(card.ui_lang, "und"))
    if not card.gloss:
        return f'<div class="atlas-gloss atlas-gloss-missing" dir="{direction(card.ui_lang)}" lang="{lang}">{esc(card.gloss_label)}</div>'
    return (f'<div class="atlas-gloss" dir="{direction(card.ui_lang)}" lang="{lang}">'
            f'<span class="atlas-gloss-label">{esc(card.gloss_label)}</span> {esc(card.gloss)}</div>')


def copy_text_button(text: str, label: str, copied: str, failed: str, kind: str = "citation") -> str:
    """A button holding `text` in a data attribute; COPY_SCRIPT copies it on click."""
    extra = "" if kind == "citation" else f" atlas-copy-{esc(token(kind))}"
    return (f'<button type="button" class="atlas-copy{extra}" data-citation="{esc(text)}" '
            f'data-copied="{esc(copied)}" data-failed="{esc(failed)}">{esc(label)}</button>')


def copy_button(card: QuoteCard) -> str:
    """The card's "copy citation" and "copy link to this item" buttons (when it has them)."""
    out = ""
    if card.citation:
        out += " · " + copy_text_button(card.citation, card.copy_label, card.copied_label, card.copy_failed_label)
    if card.item_link:
        out += " · " + copy_text_button(card.item_link, card.link_label, card.copied_label, card.copy_failed_label, "link")
    return out


def quote_card(card: QuoteCard) -> str:
    """A quote card: the verbatim text keeps its own language and direction; the atlas's
    translation (if any) follows it in the interface's."""
    ui_dir = direction(card.ui_lang)
    text_dir = direction(card.language)
    who = [bdi(card.speaker)]
    if card.speaker_role:
        who.append(bdi(card.speaker_role))
    if card.speaker_affiliation:
        who.append(bdi(card.speaker_affiliation))
    head = " · ".join(who) + " · " + bdi(card.date_label) + kind_badge(card.kind, card.kind_label)
    target = ' id="atlas-target"' if card.selected else ""
    return (
        f'<div class="atlas-quote{" atlas-selected" if card.selected else ""}"{target} dir="{text_dir}" '
        f'lang="{esc(token(card.language, "und"))}" data-quote-id="{esc(card.quote_id)}">'
        f'<div class="atlas-quote-head" dir="{ui_dir}">{head}</div>'
        f'<blockquote class="atlas-quote-text" dir="{text_dir}" lang="{esc(token(card.language, "und"))}">'
        f"{quote_text(card)}</blockquote>{gloss_line(card)}"
        f'<div class="atlas-quote-source" dir="{ui_dir}">{bdi(card.source_label)} · '
        f"{link(card.source_href, card.source_link_label)}{copy_button(card)}{provenance_badge(card.provenance)}</div></div>"
    )


def provenance_badge(note: str | None) -> str:
    return f' <span class="atlas-badge atlas-badge-provenance">{esc(note)}</span>' if note else ""


def legend(items: Iterable[tuple[tuple[int, int, int], str]], notes: Sequence[str] = ()) -> str:
    """Colour swatches with labels, then plain notes."""
    rows = [
        f'<div><span class="sw" style="background:rgb({int(r)},{int(g)},{int(b)})"></span>{esc(label)}</div>'
        for (r, g, b), label in items
    ]
    rows += [f"<div>{esc(note)}</div>" for note in notes]
    return '<div class="atlas-legend">' + "".join(rows) + "</div>"


def key_event(title: str, meta: str, body: str, fallback_note: str | None, lang: str,
              href: str | None = None, link_label: str = "") -> str:
    """A key event: its own summary as the heading, date/type/actors/place, its source."""
    note = f' <span class="atlas-badge atlas-badge-fallback">{esc(fallback_note)}</span>' if fallback_note else ""
    reader = f" · {link(href, link_label)}" if href else ""
    return (
        f'<div class="atlas-key" dir="{direction(lang)}"><div><strong>{bdi(title)}{note}</strong></div>'
        f'<div class="meta">{bdi(meta)}</div><div class="meta">{bdi(body)}{reader}</div></div>'
    )


@dataclass(frozen=True, slots=True)
class Mark:
    start: int
    end: int
    kind: str  # event | quote | place | actor | target
    title: str = ""


def article_html(text: str, language: str, marks: Iterable[Mark], target: tuple[int, int] | None = None) -> str:
    """The article text with highlighted spans (nested spans split into flat segments).
    The target span gets id="atlas-target" on its first segment."""
    marks = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    if target and 0 <= target[0] < target[1] <= len(text):
        marks.append(Mark(target[0], target[1], "target"))
    else:
        target = None
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    out: list[str] = []
    target_done = False
    for a, b in zip(cuts, cuts[1:], strict=False):
        covering = [m for m in marks if m.start <= a and b <= m.end]
        chunk = esc(text[a:b])
        if not covering:
            out.append(chunk)
            continue
        classes = " ".join(sorted({f"hl-{token(m.kind)}" for m in covering}))
        titles = " | ".join(dict.fromkeys(m.title for m in covering if m.title))
        ident = ""
        if target and not target_done and any(m.kind == "target" for m in covering):
            ident, target_done = ' id="atlas-target"', True
        out.append(f'<span class="{classes}"{ident} title="{esc(titles)}">{chunk}</span>')
    lang = esc(token(language, "und"))
    return f'<div class="atlas-article" dir="{direction(language)}" lang="{lang}">{"".join(out)}</div>'


# A fixed script (no data): scroll the reader to the target span once it is in the page. It runs
# in a same-origin st.iframe: st.html drops <script> elements whatever its flags (Streamlit 1.67).
SCROLL_SCRIPT = """<script>
(function(){var n=0;function go(){var d=window.parent&&window.parent.document?window.parent.document:document;
var e=document.getElementById('atlas-target')||d.getElementById('atlas-target');
if(e){e.scrollIntoView({block:'center'});return;} if(n++<40){setTimeout(go,150);}}go();})();
</script>"""


# A fixed script (no data) for the quotes page, run once in a same-origin st.iframe: it adds to
# the app's own document one click listener that copies a .atlas-copy button's data-citation
# (read as an attribute, never parsed as HTML) and says so on the button (when the browser
# refuses, a prompt shows the citation selected, to copy by hand). The listener is made
# in the app's window (a script element there), so it outlives this iframe on a page change.
COPY_SCRIPT = """<script>
(function(){var w=window.parent;if(!w||!w.document||w.__atlasCopy){return;}w.__atlasCopy=true;
var s=w.document.createElement('script');s.textContent="("+function(){
function fallback(text){var t=document.createElement('textarea');t.value=text;t.setAttribute('readonly','');
t.style.position='fixed';t.style.opacity='0';document.body.appendChild(t);t.select();var ok=false;
try{ok=document.execCommand('copy');}catch(e){}t.remove();return ok;}
function show(b,ok){b.setAttribute('data-state',ok?'copied':'failed');b.textContent=b.getAttribute(ok?'data-copied':'data-failed');}
document.addEventListener('click',function(e){var b=e.target&&e.target.closest?e.target.closest('button.atlas-copy'):null;
if(!b){return;}var text=b.getAttribute('data-citation')||'';
if(navigator.clipboard&&window.isSecureContext){navigator.clipboard.writeText(text).then(function(){show(b,true);},
function(){done(b,text);});}else{done(b,text);}});
function done(b,text){var ok=fallback(text);show(b,ok);if(!ok){window.prompt(b.getAttribute('data-failed'),text);}}
}+")();";w.document.head.appendChild(s);})();
</script>"""


def evidence_block(title: str, meta: str, text: str, language: str, href: str, link_label: str, ui_lang: str) -> str:
    """An event's evidence sentence (in the article's own direction) with a link to the reader."""
    ui_dir, text_dir = direction(ui_lang), direction(language)
    lang = esc(token(language, "und"))
    return (
        f'<div class="atlas-quote atlas-evidence" dir="{text_dir}" lang="{lang}">'
        f'<div class="atlas-quote-head" dir="{ui_dir}"><strong>{bdi(title)}</strong> · {bdi(meta)}</div>'
        f'<blockquote class="atlas-quote-text" dir="{text_dir}" lang="{lang}">{esc(text)}</blockquote>'
        f'<div class="atlas-quote-source" dir="{ui_dir}">{link(href, link_label)}</div></div>'
    )


def report_list(items: Sequence[tuple[str, str, str]], link_label: str, ui_lang: str) -> str:
    """The reports of one event: (source label, meta — date, actors, place —, reader href)
    each, one line per report with a link to its sentence."""
    rows = "".join(
        f'<li data-report="{i}"><strong>{bdi(source)}</strong> · {bdi(meta)} · {link(href, link_label)}</li>'
        for i, (source, meta, href) in enumerate(items))
    return f'<ul class="atlas-reports" dir="{direction(ui_lang)}">{rows}</ul>'


def claims_columns(sides: Sequence[tuple[str, str, Sequence[str]]], ui_lang: str) -> str:
    """Competing claims side by side: (side token, side label, quote cards — HTML from
    `quote_card`) per column. The columns follow the interface direction (first side at the
    right in Arabic)."""
    columns = "".join(
        f'<div class="atlas-claims-side" data-side="{esc(token(side, "unknown"))}">'
        f'<div class="atlas-quote-head"><strong>{bdi(label)}</strong></div>{"".join(cards)}</div>'
        for side, label, cards in sides)
    return (f'<div class="atlas-claims" dir="{direction(ui_lang)}" style="display:grid;'
            f'grid-template-columns:repeat({max(1, len(sides))},minmax(0,1fr));gap:1rem">{columns}</div>')
