"""Read queries returning plain `…Row` dataclasses; screens and forms never see ORM objects."""
