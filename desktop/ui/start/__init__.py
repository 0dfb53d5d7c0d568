"""Starting the window on an office file: asking what to do when there is none."""
