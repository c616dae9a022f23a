"""HTML mail to readable plain text, with quoted blocks marked the way plain mail marks them."""

from __future__ import annotations

import re
from collections.abc import Callable
from html.parser import HTMLParser

_SKIP = {"script", "style", "head", "title", "template", "noscript", "svg", "xml"}
_BLOCK = {
    "p", "div", "section", "article", "header", "footer", "table", "tr", "ul", "ol",
    "h1", "h2", "h3", "h4", "h5", "h6", "pre", "hr", "address", "center", "form",
}  # fmt: skip
_CHUNK = 32 * 1024
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_BLANK_LINES = re.compile(r"\n{3,}")
# Containers that mail clients use for the quoted history of a reply.
_QUOTE_MARKERS = ("gmail_quote", "yahoo_quoted", "divrplyfwdmsg", "appendonsend", "moz-cite-prefix")


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = [""]
        self.skip_depth = 0
        self.quote_depth = 0
        self.stack: list[tuple[str, bool]] = []  # (tag, opened a quote)
        self.in_pre = 0
        self.link_href: str | None = None
        self.link_text = ""

    def _newline(self) -> None:
        if self.lines[-1].strip():
            self.lines.append("")

    def _write(self, text: str) -> None:
        if self.skip_depth:
            return
        if not self.in_pre:
            text = _SPACES.sub(" ", text.replace("\n", " "))
            if not self.lines[-1] and text.startswith(" "):
                text = text.lstrip()
        if self.in_pre:
            parts = text.split("\n")
            self.lines[-1] += parts[0]
            for part in parts[1:]:
                self.lines.append(part)
        else:
            self.lines[-1] += text
        if self.link_href is not None:
            self.link_text += text

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if tag in _SKIP:
            self.skip_depth += 1
            return
        opens_quote = tag == "blockquote" or any(
            marker in (attributes.get("class", "") + " " + attributes.get("id", "")).lower()
            for marker in _QUOTE_MARKERS
        )
        if tag not in {"br", "img", "hr", "meta", "link", "input", "wbr"}:
            self.stack.append((tag, opens_quote))
        if opens_quote:
            self._newline()
            self.quote_depth += 1
        if tag == "br":
            self.lines.append("")
        elif tag in _BLOCK or tag in {"li", "blockquote", "td", "th"}:
            self._newline()
            if tag == "li":
                self.lines[-1] = "- "
        if tag == "pre":
            self.in_pre += 1
        if tag == "a":
            self.link_href = attributes.get("href", "")
            self.link_text = ""
        if tag == "img" and attributes.get("alt"):
            self._write(f"[{attributes['alt']}]")
        if tag == "td" and self.lines[-1]:
            self._write(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip_depth = max(0, self.skip_depth - 1)
            return
        if tag == "a" and self.link_href is not None:
            href = self.link_href
            if href.startswith(("http://", "https://")) and href not in self.link_text:
                self._write(f" ({href})")
            self.link_href = None
        if tag == "pre":
            self.in_pre = max(0, self.in_pre - 1)
        # Close up to the matching start tag; mail HTML often leaves tags unclosed.
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                for _, opened in self.stack[index:]:
                    if opened:
                        self.quote_depth = max(0, self.quote_depth - 1)
                del self.stack[index:]
                break
        if tag in _BLOCK or tag in {"li", "blockquote", "p"}:
            self._newline()

    def handle_data(self, data: str) -> None:
        # Start a quoted line with '>' so the plain-text quote rules apply.
        if self.quote_depth and not self.skip_depth and not self.lines[-1].startswith(">"):
            self.lines[-1] = "> " + self.lines[-1]
        self._write(data)

    def text(self) -> str:
        out = "\n".join(line.rstrip() for line in self.lines)
        return _BLANK_LINES.sub("\n\n", out).strip()


def html_to_text(html: str, *, deadline: Callable[[], None] | None = None) -> str:
    collector = _TextCollector()
    for start in range(0, len(html), _CHUNK):
        if deadline is not None:
            deadline()
        collector.feed(html[start : start + _CHUNK])
    collector.close()
    return collector.text()
