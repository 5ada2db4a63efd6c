"""Alembic revisions of the library schema (a package so that installs ship them)."""
