"""The case database: SQLAlchemy models, sessions, migrations and the code that reads and writes."""
