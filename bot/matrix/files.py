"""A reply's files (a calendar entry, a data export, a participant list) as `m.file` events.

In an encrypted room the file is encrypted before it is uploaded (AES-CTR, the key travels
inside the encrypted event), as Element does: the homeserver never holds it in the clear.
"""

from __future__ import annotations

import mimetypes
from typing import Any

from mautrix.client import Client
from mautrix.crypto.attachments import encrypt_attachment
from mautrix.types import RoomID

from handlers.replies import Attachment

OPAQUE = "application/octet-stream"


def mimetype_of(filename: str) -> str:
    """The type a client needs to offer the right program (`text/calendar` for an `.ics`)."""
    return mimetypes.guess_type(filename)[0] or OPAQUE


async def file_contents(
    client: Client, room: RoomID, attachments: tuple[Attachment, ...]
) -> list[Any]:
    """Upload each file and return the content of its `m.file` event, in order (plain JSON,
    which mautrix sends as it is)."""
    assert client.state_store is not None
    encrypted = bool(await client.state_store.is_encrypted(room))
    return [await _upload(client, attachment, encrypted=encrypted) for attachment in attachments]


async def _upload(client: Client, attachment: Attachment, *, encrypted: bool) -> dict[str, Any]:
    mimetype = mimetype_of(attachment.filename)
    content: dict[str, Any] = {
        "msgtype": "m.file",
        "body": attachment.filename,
        "filename": attachment.filename,
        "info": {"mimetype": mimetype, "size": len(attachment.content)},
    }
    if encrypted:
        ciphertext, file = encrypt_attachment(attachment.content)
        file.url = await client.upload_media(ciphertext, mime_type=OPAQUE)
        content["file"] = file.serialize()
    else:
        content["url"] = await client.upload_media(
            attachment.content, mime_type=mimetype, filename=attachment.filename
        )
    return content
