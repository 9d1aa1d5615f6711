"""Persistence: SQLAlchemy models, small query functions and Alembic migrations."""
