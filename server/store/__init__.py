"""Persistence: the SQLite database (schema, migrations, queries) and the document files."""
