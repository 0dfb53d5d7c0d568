"""The layout kit every form is built from: fonts with fallback, wrapping text, tables, pages."""
