"""Helper process for the fault tests: backs up or restores when told to, so a test can kill it.

    backup_worker.py backup OFFICE          prints "ready", then backs up again and again
                                            after a line on stdin, printing "done PATH" each time
    backup_worker.py restore OFFICE BACKUP  prints "ready", restores once after a line on stdin,
                                            prints "done", then waits for stdin to close
"""

from __future__ import annotations

import sys
from pathlib import Path

from desktop.store.backup import backup_office
from desktop.store.restore import restore_backup


def main() -> None:
    action, office = sys.argv[1], Path(sys.argv[2])
    print("ready", flush=True)
    sys.stdin.readline()
    if action == "backup":
        while True:
            print(f"done {backup_office(office, 'manual')}", flush=True)
    restore_backup(office_path=office, backup_path=Path(sys.argv[3]))
    print("done", flush=True)
    sys.stdin.read()


if __name__ == "__main__":
    main()
