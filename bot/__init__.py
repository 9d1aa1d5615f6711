"""Wiring: configuration, transports (Slack, Matrix, console), scheduler, outbox dispatch, CLI."""
