"""`python -m desktop` runs the same entry point as `renkei-desk`."""

from desktop.cli import run

run()
