"""Reading one field of an HTML form body, urlencoded or multipart, with the stdlib only.

Clients post the envelope as form field `json`: urlencoded (most) or multipart/form-data
(PHP curl with an array). Starlette's own form parser would need python-multipart.
"""

from __future__ import annotations

from email.message import EmailMessage
from email.parser import BytesParser
from email.policy import HTTP
from urllib.parse import parse_qs


def form_field(content_type: str, body: bytes, name: str) -> str | None:
    """The value of field `name`, or None; like PHP, the last of repeated fields wins."""
    media_type = content_type.partition(";")[0].strip().lower()
    if media_type == "multipart/form-data":
        return _multipart_field(content_type, body, name)
    values = parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True).get(name)
    return values[-1] if values else None


def _multipart_field(content_type: str, body: bytes, name: str) -> str | None:
    head = f"Content-Type: {content_type}\r\n\r\n".encode("latin-1", "replace")
    message = BytesParser(policy=HTTP).parsebytes(head + body)
    found = None
    if isinstance(message, EmailMessage) and message.is_multipart():
        for part in message.iter_parts():
            if part.get_param("name", header="content-disposition") == name:
                payload = part.get_payload(decode=True)
                if isinstance(payload, bytes):
                    found = payload.decode(part.get_content_charset() or "utf-8", "replace")
    return found
