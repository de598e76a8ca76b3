"""Typed errors of the library; the CLI turns each into a one-line `Error: ...` message."""

from __future__ import annotations


class BlocsError(Exception):
    """Base class for errors a user can act on."""


class StoreUnavailable(BlocsError):
    """The database cannot be reached or started (never carries a password)."""


class SnapshotDamaged(BlocsError):
    """The embedded database's snapshot file cannot be read; nothing was started or changed."""


class QueryError(BlocsError):
    """A named query is unknown, got the wrong parameters, or failed in the database."""
