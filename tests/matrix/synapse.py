"""A real Synapse homeserver for tests: configured, started, waited for and stopped.

It comes from `pip install matrix-synapse` in a virtualenv of its own (`.synapse-venv/`, made by
`.ci/run`), runs on 127.0.0.1 with SQLite, without federation or key servers, and registers
users through the shared-secret admin API.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

PROJECT_ROOT = Path(__file__).resolve().parents[2]
SERVER_NAME = "localhost"
SHARED_SECRET = "test-registration-secret"


def synapse_python() -> Path | None:
    """The Python of the Synapse virtualenv (SYNAPSE_PYTHON overrides), if it is installed."""
    configured = os.environ.get("SYNAPSE_PYTHON")
    path = Path(configured) if configured else PROJECT_ROOT / ".synapse-venv" / "bin" / "python"
    return path if path.exists() else None


@dataclass(frozen=True)
class RateLimit:
    per_second: float
    burst_count: int


@dataclass(frozen=True)
class Account:
    user_id: str
    password: str
    access_token: str
    device_id: str


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def homeserver_config(folder: Path, *, port: int, rc_message: RateLimit) -> dict[str, Any]:
    """A minimal, fast homeserver: one client listener, SQLite, everything remote off."""
    generous = {"per_second": 1000, "burst_count": 1000}
    return {
        "server_name": SERVER_NAME,
        "pid_file": str(folder / "homeserver.pid"),
        "listeners": [
            {
                "port": port,
                "bind_addresses": ["127.0.0.1"],
                "type": "http",
                "tls": False,
                "resources": [{"names": ["client"], "compress": False}],
            }
        ],
        "database": {"name": "sqlite3", "args": {"database": str(folder / "homeserver.db")}},
        "media_store_path": str(folder / "media"),
        "signing_key_path": str(folder / "signing.key"),
        "registration_shared_secret": SHARED_SECRET,
        "macaroon_secret_key": "test-macaroon-secret",
        "form_secret": "test-form-secret",
        "report_stats": False,
        # Test passwords need no real hashing cost; registration stays instant.
        "bcrypt_rounds": 4,
        "trusted_key_servers": [],
        "suppress_key_server_warning": True,
        "federation_domain_whitelist": [],
        "presence": {"enabled": False},
        "url_preview_enabled": False,
        "enable_metrics": False,
        "rc_message": {"per_second": rc_message.per_second, "burst_count": rc_message.burst_count},
        "rc_login": {"address": generous, "account": generous, "failed_attempts": generous},
        "rc_registration": generous,
        "rc_joins": {"local": generous, "remote": generous},
        "rc_invites": {"per_room": generous, "per_user": generous, "per_issuer": generous},
        "rc_key_requests": generous,
    }


class Synapse:
    """One homeserver process in a temporary folder."""

    def __init__(self, folder: Path, python: Path, *, rc_message: RateLimit) -> None:
        self.folder = folder
        self.python = python
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.config_path = folder / "homeserver.json"
        config = homeserver_config(folder, port=self.port, rc_message=rc_message)
        # YAML is a superset of JSON, so Synapse reads this file as it is.
        self.config_path.write_text(json.dumps(config, indent=2), encoding="utf-8")
        self.process: subprocess.Popen[bytes] | None = None

    def start(self, timeout: float = 60) -> None:
        command = [str(self.python), "-m", "synapse.app.homeserver", "-c", str(self.config_path)]
        _write_signing_key(self.folder / "signing.key")
        log = (self.folder / "homeserver.log").open("wb")
        self.process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"Synapse exited; see {self.folder / 'homeserver.log'}")
            if self._answers():
                return
            time.sleep(0.1)
        raise RuntimeError(f"Synapse did not answer within {timeout} s")

    def _answers(self) -> bool:
        try:
            with urllib.request.urlopen(f"{self.url}/health", timeout=1) as response:
                return bool(response.status == 200)
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            return False

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def register(
        self, localpart: str, password: str = "secret-password", *, admin: bool = False
    ) -> Account:
        """A new user through the shared-secret admin API (as `register_new_matrix_user`)."""
        endpoint = f"{self.url}/_synapse/admin/v1/register"
        nonce = _json_request(endpoint)["nonce"]
        role = "admin" if admin else "notadmin"
        message = b"\x00".join(part.encode() for part in (nonce, localpart, password, role))
        mac = hmac.new(SHARED_SECRET.encode(), message, hashlib.sha1).hexdigest()
        body = {
            "nonce": nonce,
            "username": localpart,
            "password": password,
            "mac": mac,
            "admin": admin,
        }
        answer = _json_request(endpoint, body)
        return Account(
            user_id=answer["user_id"],
            password=password,
            access_token=answer["access_token"],
            device_id=answer["device_id"],
        )


def limit_messages(synapse: Synapse, admin: Account, user_id: str, rate: RateLimit | None) -> None:
    """Set `rc_message` for one user (None: back to the server's setting)."""
    url = f"{synapse.url}/_synapse/admin/v1/users/{urllib.parse.quote(user_id)}/override_ratelimit"
    body = None
    if rate is not None:
        body = {"messages_per_second": int(rate.per_second), "burst_count": rate.burst_count}
    request = urllib.request.Request(
        url,
        data=json.dumps(body or {}).encode(),
        method="POST" if rate else "DELETE",
        headers={"Authorization": f"Bearer {admin.access_token}"},
    )
    urllib.request.urlopen(request, timeout=10).close()


def _write_signing_key(path: Path) -> None:
    """An ed25519 signing key in Synapse's file format; saves a `--generate-keys` start-up."""
    seed = base64.b64encode(os.urandom(32)).decode().rstrip("=")
    path.write_text(f"ed25519 a_test {seed}\n", encoding="utf-8")


def _json_request(url: str, body: dict[str, Any] | None = None) -> dict[str, Any]:
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        result: dict[str, Any] = json.load(response)
        return result
