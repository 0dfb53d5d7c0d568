"""gettext over Babel catalogs: `_`, `N_`, `ngettext`, `pgettext`; Japanese msgids, no Qt.

Catalogs are compiled from locale/<lang>/LC_MESSAGES/renkei.po when no up-to-date .mo
exists, so a fresh checkout needs no hand-compiled files.
"""

from __future__ import annotations

import gettext
import io
import os
import string
from pathlib import Path

from desktop.paths import locale_dir

DOMAIN = "renkei"
DEFAULT_LANGUAGE = "ja"
SUPPORTED_LANGUAGES = ("ja", "en")

_translations: gettext.NullTranslations = gettext.NullTranslations()
_language = DEFAULT_LANGUAGE


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def compile_po(po_path: Path) -> bytes:
    """The .mo bytes for a .po, as the app would compile it; installer/build.py writes them."""
    from babel.messages.mofile import write_mo  # only when a catalog must be compiled
    from babel.messages.pofile import read_po

    with po_path.open("rb") as handle:
        catalog = read_po(handle, locale=po_path.parent.parent.name, domain=DOMAIN)
    # A translation whose {fields} differ from its msgid would crash str.format at the
    # worst moment; drop it so the Japanese original shows instead.
    for message in list(catalog):
        if not message.id or not message.string:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = set().union(*(_fields(str(i)) for i in ids))
        if any(s and _fields(str(s)) != wanted for s in strings) or message.fuzzy:
            catalog.delete(message.id, message.context)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    return buffer.getvalue()


def _compile_po(po_path: Path) -> gettext.GNUTranslations:
    return gettext.GNUTranslations(io.BytesIO(compile_po(po_path)))


def _compiled_mo(po_path: Path, mo_path: Path) -> bytes:
    """compile_po's bytes, also written beside the .po (where the bundle has its .mo) when the
    folder is writable: parsing the .po with Babel took ~35 ms of every start. Written to a
    temporary file and renamed, so a half-written .mo is never read."""
    data = compile_po(po_path)
    temporary = mo_path.with_name(f"{mo_path.name}.{os.getpid()}.tmp")
    try:
        temporary.write_bytes(data)
        os.replace(temporary, mo_path)
    except OSError:  # an installed, read-only package: compiled again at the next start
        temporary.unlink(missing_ok=True)
    return data


def load_catalog(language: str) -> gettext.NullTranslations:
    po_path = locale_dir() / language / "LC_MESSAGES" / f"{DOMAIN}.po"
    mo_path = po_path.with_suffix(".mo")
    if mo_path.exists() and (not po_path.exists() or mo_path.stat().st_mtime >= po_path.stat().st_mtime):
        with mo_path.open("rb") as handle:
            return gettext.GNUTranslations(handle)
    if po_path.exists():
        return gettext.GNUTranslations(io.BytesIO(_compiled_mo(po_path, mo_path)))
    return gettext.NullTranslations()


def set_language(language: str | None) -> str:
    """Switch the catalog; unknown languages fall back to Japanese. Returns the one in use."""
    global _translations, _language
    chosen = language if language in SUPPORTED_LANGUAGES else DEFAULT_LANGUAGE
    _translations = load_catalog(chosen)
    _language = chosen
    return chosen


def current_language() -> str:
    return _language


def _(message: str) -> str:
    if not message:
        return message
    return _translations.gettext(message)


def N_(message: str) -> str:
    """Marks a module-level constant for extraction; translate it with `_()` where shown."""
    return message


def ngettext(singular: str, plural: str, count: int) -> str:
    return _translations.ngettext(singular, plural, count)


def pgettext(context: str, message: str) -> str:
    return _translations.pgettext(context, message)


def official(text: str) -> str:
    """Text of an official document (帳票, the agreement's articles): Japanese whatever the UI
    language, because that is what is filed. Marks the string as deliberately untranslated."""
    return text
