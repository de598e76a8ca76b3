"""Loaders: turn sources (curated datasets, prose reports, roll calls) into typed records."""
