"""Helper process for tests: opens an office file and holds it until stdin closes.

With `--write-loop`, it saves the town profile again and again and prints each save
number after the commit, so a test can kill it mid-save.
"""

from __future__ import annotations

import sys
from pathlib import Path

from desktop.domain.town import TownProfile
from desktop.store.db import open_office
from desktop.store.services.town import update_town_profile


def main() -> None:
    path = Path(sys.argv[1])
    office = open_office(path)
    if "--write-loop" in sys.argv:
        number = 0
        while True:
            number += 1
            with office.transaction() as session:
                update_town_profile(
                    session,
                    profile=TownProfile(name=f"デモ町{number}", prefecture="A県", local_gov_code="990001",
                                        mayor_name="髙﨑"),
                )
            print(f"saved {number}", flush=True)
    print("ready", flush=True)
    sys.stdin.read()
    office.close()


if __name__ == "__main__":
    main()
