"""Web addresses and e-mail addresses in free text, found once for both the content (which
links a text has) and the widget (the text as HTML with those links clickable)."""

from __future__ import annotations

import html
import re

_LINK = re.compile(
    r"(?P<url>\b(?:https?://|www\.)[^\s<>\"]*[^\s<>\".,;:!?)\]'])"
    r"|(?P<email>\b[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}\b)"
)


def _href(match: re.Match[str]) -> str:
    if match["email"]:
        return f"mailto:{match['email']}"
    url = match["url"]
    return url if url.startswith("http") else f"https://{url}"


def links_in(text: str) -> tuple[str, ...]:
    """The targets of the links in `text`, in order: https://…, mailto:…."""
    return tuple(_href(match) for match in _LINK.finditer(text))


def linked_html(text: str) -> str:
    """`text` as HTML: escaped, line breaks kept, every link an anchor."""
    parts: list[str] = []
    end = 0
    for match in _LINK.finditer(text):
        parts.append(html.escape(text[end:match.start()]))
        parts.append(f'<a href="{html.escape(_href(match))}">{html.escape(match[0])}</a>')
        end = match.end()
    parts.append(html.escape(text[end:]))
    return "".join(parts).replace("\n", "<br>")
