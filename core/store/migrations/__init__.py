"""Alembic's migrations of the workspace store (script_location); run by core.store.migrate, never by hand."""
