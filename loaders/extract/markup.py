"""Phase (a), markup: Markdown and HTML stripped to plain text with an offset map.

Markdown and HTML are stripped by a linear scan; a segment map (`Doc`) keeps every character of
the clean text pointing back into the original text, so extracted offsets are offsets of the
file as given. `prepare` sniffs the kind (or takes it from the file name) and strips.
"""

from __future__ import annotations

import bisect
import html
import re
from dataclasses import dataclass, field

# --------------------------------------------------------------------------------------------
# Clean text with an offset map


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


@dataclass
class Doc:
    """Clean text plus the map from clean offsets to offsets in the original text."""

    text: str
    source_len: int
    kind: str = "text"  # text | markdown | html
    _cs: list[int] | None = None  # clean start of each segment (None: identity map)
    _os: list[int] = field(default_factory=list)  # original start
    _cl: list[int] = field(default_factory=list)  # clean length
    _ol: list[int] = field(default_factory=list)  # original length
    heading_spans: list[tuple[int, int]] = field(default_factory=list)  # clean (start, end)

    def orig(self, pos: int, *, end: bool = False) -> int:
        """Original offset of clean offset `pos` (`end=True` for an exclusive end)."""
        if self._cs is None:
            return pos
        if not self._cs:
            return 0
        probe = pos - 1 if end and pos > 0 else pos
        i = bisect.bisect_right(self._cs, probe) - 1
        if i < 0:
            return 0
        cs, os_, cl, ol = self._cs[i], self._os[i], self._cl[i], self._ol[i]
        if cl == ol:  # verbatim segment
            return os_ + min(pos - cs, ol)
        return os_ + ol if end else os_

    def is_heading(self, start: int, end: int) -> bool:
        if not self.heading_spans:
            return False
        i = bisect.bisect_right(self.heading_spans, (start, 1 << 62)) - 1
        return i >= 0 and self.heading_spans[i][0] <= start < self.heading_spans[i][1]


class _Builder:
    """Accumulates clean text from verbatim copies and replacements of the source."""

    def __init__(self, src: str) -> None:
        self.src = src
        self.parts: list[str] = []
        self.cs: list[int] = []
        self.os: list[int] = []
        self.cl: list[int] = []
        self.ol: list[int] = []
        self.n = 0
        self.headings: list[tuple[int, int]] = []

    def copy(self, a: int, b: int, newline_to_space: bool = False) -> None:
        if b <= a:
            return
        piece = self.src[a:b]
        if newline_to_space:
            piece = piece.replace("\r", " ").replace("\n", " ")
        if (
            self.cs
            and self.cl[-1] == self.ol[-1]
            and self.os[-1] + self.ol[-1] == a
            and self.cs[-1] + self.cl[-1] == self.n
        ):
            self.cl[-1] += b - a
            self.ol[-1] += b - a
        else:
            self.cs.append(self.n)
            self.os.append(a)
            self.cl.append(b - a)
            self.ol.append(b - a)
        self.parts.append(piece)
        self.n += b - a

    def emit(self, repl: str, a: int, b: int) -> None:
        """Replace source[a:b] by `repl` (may be empty: deletion)."""
        if not repl:
            return
        if len(repl) == b - a:  # same length: keep a verbatim-style 1:1 segment
            self.cs.append(self.n)
            self.os.append(a)
            self.cl.append(len(repl))
            self.ol.append(b - a)
        else:
            self.cs.append(self.n)
            self.os.append(a)
            self.cl.append(len(repl))
            self.ol.append(max(b - a, 0))
        self.parts.append(repl)
        self.n += len(repl)

    def newline(self, at: int) -> None:
        if self.parts and self.parts[-1].endswith("\n"):
            return
        self.emit("\n", at, at)

    def doc(self, kind: str) -> Doc:
        # zero-length source segments (inserted newlines) must still map sensibly
        return Doc(
            "".join(self.parts),
            len(self.src),
            kind,
            self.cs,
            self.os,
            self.cl,
            self.ol,
            self.headings,
        )


def plain(src: str) -> Doc:
    return Doc(src, len(src), "text")


# --------------------------------------------------------------------------------------------
# HTML

_BLOCK_TAGS = _words(
    "p div br li ul ol h1 h2 h3 h4 h5 h6 tr table section article header footer blockquote "
    "pre hr dd dt dl title nav aside figure figcaption main form option td th tbody thead "
    "body html head caption details summary"
)
_HEADING_TAGS = _words("h1 h2 h3 h4 h5 h6 title")
_SKIP_TAGS = frozenset(("script", "style", "noscript", "template"))
_HTML_TOKEN = re.compile(
    r"<!--"
    r"|<(/?)([A-Za-z][A-Za-z0-9:-]{0,30})(?=[\s/>])[^<>]{0,4000}>"
    r"|<![^<>]{0,4000}>|<\?[^<>]{0,4000}>"
    r"|&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
)


def strip_html(src: str) -> Doc:
    b = _Builder(src)
    pos = 0
    heading_start: int | None = None
    n = len(src)
    while pos < n:
        m = _HTML_TOKEN.search(src, pos)
        if m is None:
            b.copy(pos, n, newline_to_space=True)
            break
        b.copy(pos, m.start(), newline_to_space=True)
        tok = m.group(0)
        if tok == "<!--":
            close = src.find("-->", m.end())
            pos = n if close < 0 else close + 3
            continue
        if tok[0] == "&":
            b.emit(html.unescape(tok), m.start(), m.end())
            pos = m.end()
            continue
        name = (m.group(2) or "").lower()
        closing = m.group(1) == "/"
        pos = m.end()
        if name in _SKIP_TAGS and not closing and not tok.endswith("/>"):
            close = _find_ci(src, name, pos)
            if close < 0:
                pos = n
            else:
                gt = src.find(">", close)
                pos = n if gt < 0 else gt + 1
            continue
        if name in _BLOCK_TAGS:
            b.newline(m.start())
            if name in _HEADING_TAGS:
                if not closing:
                    heading_start = b.n
                elif heading_start is not None:
                    b.headings.append((heading_start, b.n))
                    heading_start = None
                    b.newline(m.end())
    return b.doc("html")


def _find_ci(src: str, name: str, pos: int) -> int:
    m = re.compile(r"</" + re.escape(name), re.I).search(src, pos)
    return m.start() if m else -1


# --------------------------------------------------------------------------------------------
# Markdown

_MD_TOKEN = re.compile(
    r"(?m)(?P<h>^[ \t]{0,3}#{1,6}[ \t]+)"  # ATX heading marker
    r"|(?P<hclose>[ \t]+#+[ \t]*$)"  # closing hashes (only removed on heading lines)
    r"|(?P<quote>^[ \t]{0,3}>[ \t]?)"  # blockquote marker
    r"|(?P<rule>^[ \t]{0,3}(?:[-*_][ \t]{0,4}){3,40}$)"  # horizontal rule
    r"|!?\[(?P<link>[^\[\]\n]{0,500})\]\([^()\n]{0,2000}\)"  # link / image: keep text
    r"|\[(?P<ref>[^\[\]\n]{0,500})\]\[[^\[\]\n]{0,200}\]"  # reference link
    r"|(?P<tag></?[A-Za-z][A-Za-z0-9-]{0,30}(?=[\s/>])[^<>\n]{0,2000}>)"  # inline html
    r"|(?P<ent>&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});)"
    r"|(?<![\w*_`])(?:\*\*|__|\*|_)(?=[^\s*_])"  # opening emphasis
    r"|(?<=[^\s*_])(?:\*\*|__|\*|_)(?![\w*_])"  # closing emphasis
    r"|`+"
)


def strip_markdown(src: str) -> Doc:
    b = _Builder(src)
    pos = 0
    heading_line_end = -1
    for m in _MD_TOKEN.finditer(src):
        s, e = m.span()
        kind = m.lastgroup
        if kind == "hclose" and s >= heading_line_end:
            continue  # trailing hashes on an ordinary line: keep as text
        b.copy(pos, s)
        pos = e
        if kind == "h":
            nl = src.find("\n", e)
            heading_line_end = len(src) if nl < 0 else nl
            b.headings.append((b.n, b.n + (heading_line_end - e)))
        elif kind == "link":
            inner = src.index("[", s) + 1
            b.copy(inner, inner + len(m.group("link")))
        elif kind == "ref":
            b.copy(s + 1, s + 1 + len(m.group("ref")))
        elif kind == "ent":
            b.emit(html.unescape(m.group(0)), s, e)
        # heading closers, quote markers, rules, tags, emphasis markers, backticks: deleted
    b.copy(pos, len(src))
    return b.doc("markdown")


# --------------------------------------------------------------------------------------------
# Sniffing


_HTML_SNIFF = re.compile(
    r"<(?:!doctype html|html|body|p|div|br|li|h[1-6]|span|a\s|b|i|em|strong|td|tr)[\s>/]", re.I
)
_MD_SNIFF = re.compile(
    r"(?m)^#{1,6}[ \t]+\S|\[[^\[\]\n]{1,200}\]\([^()\s]{1,500}\)|\*\*[^*\n]{1,100}\*\*"
)


def sniff(text: str, name: str = "") -> str:
    lower = name.lower()
    if lower.endswith((".html", ".htm", ".xhtml")):
        return "html"
    if lower.endswith((".md", ".markdown", ".mdown")):
        return "markdown"
    head = text[:65536]
    if len(_HTML_SNIFF.findall(head)) >= 3 or head.lstrip()[:15].lower().startswith(
        ("<!doctype html", "<html")
    ):
        return "html"
    if _MD_SNIFF.search(head):  # one "**China**" or "## Heading" is enough
        return "markdown"
    return "text"


def prepare(text: str, name: str = "", kind: str | None = None) -> Doc:
    kind = kind or sniff(text, name)
    if kind == "html":
        return strip_html(text)
    if kind == "markdown":
        return strip_markdown(text)
    return plain(text)
