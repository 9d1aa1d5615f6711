"""Reminders and announcements: planning them into the outbox and wording them."""
