"""Alembic migrations of the library schema; run by `spurdesk.library.storage.migrate`."""
