"""Official forms (帳票): plain data in, PDF bytes out; reportlab only, no Qt, no session."""
