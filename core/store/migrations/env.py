"""Alembic's environment for the store: migrate the connection core.store.migrate hands over, in its
transaction.

There is no alembic.ini and no offline (--sql) mode: the store upgrades itself when it is opened.
"""

from alembic import context

connection = context.config.attributes["connection"]
context.configure(connection=connection, render_as_batch=connection.dialect.name == "sqlite")
with context.begin_transaction():
    context.run_migrations()
