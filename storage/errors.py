"""Errors that storage reports to the layers above."""


class DataFileError(ValueError):
    """A data file cannot be imported; the message names file, line or row, and key."""
