"""Errors that storage reports to the layers above."""

from sqlalchemy import exc

# The database is unreachable, too slow or locked: worth a "try again later", not a trace.
DATABASE_UNAVAILABLE = (
    exc.OperationalError,
    exc.InterfaceError,
    exc.TimeoutError,
    exc.DisconnectionError,
)


class DataFileError(ValueError):
    """A data file cannot be imported; the message names file, line or row, and key."""
