"""The project's own error types: each names the source and says what was wrong.

No import of requests here (the dashboard imports this module through the schema, and requests costs about
70 ms to import): the fetch policy's PolicyError, which is also a requests exception, lives in
collectors/responses.py beside the code that raises it.
"""


class CollectorError(Exception):
    """Base class: something about one source went wrong; the dataset on disk is untouched."""

    def __init__(self, source: str, message: str):
        self.source = source
        self.message = message
        super().__init__(f"[{source}] {message}")


class SourceFormatError(CollectorError):
    """The source's data did not have the shape we expect (columns, encoding, values)."""


class FetchError(CollectorError):
    """The live source could not be fetched, or answered with something other than data."""


class ValidationError(CollectorError):
    """Rows did not fit the tidy schema; the message lists every failure."""


class StoreError(CollectorError):
    """The dataset on disk could not be read or written (locked, damaged)."""

