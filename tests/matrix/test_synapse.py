"""The homeserver the Matrix tests talk to is real and reachable."""

from __future__ import annotations

import json
import urllib.request

from tests.matrix.synapse import Synapse


def test_a_registered_user_is_known_to_the_homeserver(synapse: Synapse) -> None:
    account = synapse.register("fixture-check")
    request = urllib.request.Request(
        f"{synapse.url}/_matrix/client/v3/account/whoami",
        headers={"Authorization": f"Bearer {account.access_token}"},
    )
    with urllib.request.urlopen(request, timeout=5) as response:
        assert json.load(response)["user_id"] == "@fixture-check:localhost"
