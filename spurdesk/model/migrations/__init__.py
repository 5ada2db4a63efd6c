"""Alembic migrations of the library schema; run by `spurdesk.model.storage.migrate`."""
