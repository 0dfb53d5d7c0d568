"""Pure rules of the town office: no Qt, no SQLAlchemy, no reportlab."""
