"""The exchange file in the window: the export dialog, verifying a file, and the prefecture's window."""
