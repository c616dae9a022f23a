"""Finding the new words in a reply: quoted history and signatures cut for display.

The full text is always kept beside the cut one; when cutting would leave nothing (a
message that is all quote), the full text is shown.
"""

from __future__ import annotations

import re

# The line a client writes above the quoted message, in the languages our customers use.
_ATTRIBUTION = re.compile(
    r"^\s*(?:"
    r"On\s.{1,300}?\swrote:"  # Gmail, Apple Mail, Thunderbird
    r"|Am\s.{1,300}?\sschrieb\s.{0,300}?:"  # German
    r"|Le\s.{1,300}?\sa\sécrit\s?:"  # French
    r"|El\s.{1,300}?\sescribió:"  # Spanish
    r"|Op\s.{1,300}?\sschreef\s.{0,300}?:"  # Dutch
    r"|Il\s.{1,300}?\sha\sscritto:"  # Italian
    r"|.{1,200}?\s(?:wrote|schrieb|a écrit|escribió|schreef|ha scritto):"
    r")\s*$",
    re.IGNORECASE,
)
_SEPARATOR = re.compile(
    r"^\s*(?:-{2,}\s*(?:Original Message|Ursprüngliche Nachricht|Message d'origine|Mensaje original)\s*-{2,}"
    r"|_{20,}|-{20,})\s*$",
    re.IGNORECASE,
)
# Outlook's header block: "From: ..." followed within two lines by "Sent:"/"Date:".
_HEADER_FROM = re.compile(r"^\s*\*?(?:From|Von|De|Van|Da)\s?:\*?\s", re.IGNORECASE)
_HEADER_SENT = re.compile(
    r"^\s*\*?(?:Sent|Date|Gesendet|Datum|Envoyé|Enviado|Verzonden|Inviato)\s?:\*?\s",
    re.IGNORECASE,
)
_FORWARD = re.compile(
    r"^\s*(?:-+\s*Forwarded message\s*-+|Begin forwarded message:|-+\s*Weitergeleitete Nachricht\s*-+)",
    re.IGNORECASE,
)
_MOBILE_SIGNATURE = re.compile(
    r"^\s*(?:Sent from my (?:iPhone|iPad|Android|Samsung|mobile)\b.*"
    r"|Get Outlook for (?:iOS|Android)\b.*"
    r"|Sent from (?:Mail|Outlook) for Windows\b.*"
    r"|Von meinem iPhone gesendet\b.*"
    r"|Envoyé de mon iPhone\b.*)$",
    re.IGNORECASE,
)
_MAX_LINE = 2000


def strip_quotes_and_signature(text: str) -> str:
    """The part of `text` the sender wrote now; `text` itself when nothing else is left."""
    lines = text.replace("\r\n", "\n").split("\n")
    cut = _history_start(lines)
    kept = lines[:cut]
    kept = _drop_signature(kept)
    # Trailing quoted lines ("> ...") left after an attribution-less reply.
    while kept and (kept[-1].lstrip().startswith(">") or not kept[-1].strip()):
        kept.pop()
    result = "\n".join(kept).strip()
    return result if result else text.strip()


def _history_start(lines: list[str]) -> int:
    for index, line in enumerate(lines):
        if len(line) > _MAX_LINE:
            continue
        if _FORWARD.match(line):
            # A forward's body is the point of the message; nothing below it is cut.
            return len(lines)
        if _SEPARATOR.match(line):
            following = " ".join(lines[index + 1 : index + 4])
            if _HEADER_FROM.search(following) or "original" in line.lower() or "-" not in line:
                return index
        if _HEADER_FROM.match(line) and any(
            _HEADER_SENT.match(next_line) for next_line in lines[index + 1 : index + 4]
        ):
            return index
        if _ATTRIBUTION.match(line) and _quote_follows(lines, index + 1):
            return index
        # Gmail wraps a long attribution over two lines.
        if index + 1 < len(lines) and line.strip().startswith(("On ", "Am ", "Le ", "El ")):
            joined = line.rstrip() + " " + lines[index + 1].strip()
            if (
                len(joined) <= _MAX_LINE
                and _ATTRIBUTION.match(joined)
                and _quote_follows(lines, index + 2)
            ):
                return index
    return len(lines)


def _quote_follows(lines: list[str], start: int) -> bool:
    for line in lines[start : start + 3]:
        if not line.strip():
            continue
        return line.lstrip().startswith(">")
    # An attribution at the very end, or one followed by unmarked text (Outlook-style
    # top posting without '>'): treat as history too.
    return True


def _drop_signature(lines: list[str]) -> list[str]:
    for index, line in enumerate(lines):
        if line in ("-- ", "--") and index > 0:
            return lines[:index]
    while lines and not lines[-1].strip():
        lines = lines[:-1]
    if lines and _MOBILE_SIGNATURE.match(lines[-1]):
        return lines[:-1]
    return lines
