"""Previewing forms with QtPdf, printing them, saving them as PDF."""
