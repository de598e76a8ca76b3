"""The loaders' errors are the project's (one hierarchy, rooted at `BlocsError`)."""

from graphkit.errors import LoadError, LoadErrors

__all__ = ["LoadError", "LoadErrors"]
