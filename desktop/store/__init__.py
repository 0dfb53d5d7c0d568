"""The office file: SQLAlchemy models, migrations, audit, repositories and services; no Qt."""
