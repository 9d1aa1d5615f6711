"""Golden files: checked-in output that a rendered view or a chat must equal, whole.

`<name>.json` holds rendered Block Kit (see `assert_golden`); `transcripts/*.txt` hold console
chats (see `test_transcripts.py`). After an intended change, `UPDATE_GOLDEN=1 pytest ...`
rewrites them; review the diff like code."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

GOLDEN = Path(__file__).parent


def assert_golden(name: str, data: Any) -> None:
    """`data` equals tests/golden/<name>.json."""
    path = GOLDEN / f"{name}.json"
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    assert path.exists(), f"{path} is missing; create it with UPDATE_GOLDEN=1 and review it"
    assert json.loads(path.read_text(encoding="utf-8")) == data
