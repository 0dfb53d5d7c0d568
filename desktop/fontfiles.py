"""Where the font files are: IPAex明朝/ゴシック and IPAmj明朝 bundled, IPAmj overridable; no Qt, no reportlab.

The forms (reportlab) and the window (Qt) read the same files, so what the clerk sees is
what prints. IPAmj明朝 comes from, in order: a path set in the app (File menu or `--ipamj`),
the RENKEI_DESK_IPAMJ environment variable, a copy installed on the system, and finally
the bundled copy, which is always there.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from desktop.paths import resources_dir

MINCHO_FILE = "ipaexm.ttf"
GOTHIC_FILE = "ipaexg.ttf"
IPAMJ_FILE = "ipamjm.ttf"
IPAMJ_ENV = "RENKEI_DESK_IPAMJ"

_ipamj_path_override: Path | None = None
_ipamj_search = True


def bundled(name: str) -> Path:
    return resources_dir() / "fonts" / name


def bundled_ipamj() -> Path:
    return bundled(IPAMJ_FILE)


def set_ipamj_path(path: Path | None, *, search_system: bool = True) -> None:
    """A path set in the app overrides every other copy; search_system=False ignores the
    environment variable and system copies (tests use it to pin the bundled file)."""
    global _ipamj_path_override, _ipamj_search
    _ipamj_path_override, _ipamj_search = path, search_system


def _ipamj_candidates() -> Iterator[Path]:
    if _ipamj_path_override is not None:
        yield _ipamj_path_override
    if not _ipamj_search:
        return
    if os.environ.get(IPAMJ_ENV):
        yield Path(os.environ[IPAMJ_ENV])
    home = Path.home()
    folders = [
        Path("/usr/share/fonts/truetype/ipamj"), Path("/usr/share/fonts/opentype/ipamj"),
        Path("/usr/share/fonts/truetype"), Path("/usr/local/share/fonts"), home / ".local/share/fonts",
        home / ".fonts", Path("/Library/Fonts"), home / "Library/Fonts",
    ]
    windir = os.environ.get("WINDIR")
    if windir:
        folders.append(Path(windir) / "Fonts")
    local = os.environ.get("LOCALAPPDATA")
    if local:
        folders.append(Path(local) / "Microsoft/Windows/Fonts")
    for folder in folders:
        yield folder / IPAMJ_FILE


def find_ipamj() -> Path:
    """The IPAmj明朝 in use: the first override that exists, else the bundled copy."""
    return next((p for p in _ipamj_candidates() if p.is_file()), bundled_ipamj())
