"""Printing: one registry of forms (id → title, what a request needs, data builder, renderer),
above both store and forms; the CLI's print verb and the window's 帳票 screen both read it."""
