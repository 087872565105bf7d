"""Persistence: the database (SQLite, or PostgreSQL with `--database`: schema, migrations,
queries) and the document files."""
