"""Sanitising HTML that came from outside before it is stored or shown."""

from __future__ import annotations

import nh3

_ALLOWED_TAGS = {
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "code",
    "div",
    "em",
    "h1",
    "h2",
    "h3",
    "h4",
    "hr",
    "i",
    "li",
    "ol",
    "p",
    "pre",
    "s",
    "span",
    "strong",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "u",
    "ul",
    "img",
}
_ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"alt", "title", "width", "height", "data-cid"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan"},
}


def sanitize_html(html: str) -> str:
    """Keep structure and text; drop scripts, styles, event handlers and every remote load.

    Images lose their `src` (so no tracking pixel or remote image is fetched when an
    agent opens the message); an inline image keeps its content id in `data-cid` so the
    channel can point it at the stored attachment.
    """
    if not html:
        return ""
    return nh3.clean(
        html,
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )
