"""Data builders: the office file's data as each form's plain data, so forms never see a session."""
