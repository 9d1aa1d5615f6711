"""From an incoming message, click or form to the feature that answers it."""
