"""The bundle carries every package data file; setup.exe keeps its promises (read from the .iss).

Building the bundle takes minutes, so installer/ci_check_bundle.sh builds and starts it; these
tests check the lists the spec is made from and the script's settings.
"""

from __future__ import annotations

import gettext
import importlib.util
import re
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]
INSTALLER = ROOT / "installer"


def bundle_data() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bundle_data", INSTALLER / "bundle_data.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def bundled(datas: list[tuple[str, str]]) -> set[str]:
    """Where each (source, destination folder) pair lands, relative to the bundle's root."""
    return {f"{folder}/{Path(source).name}" for source, folder in datas}


def package_files(folder: str) -> set[str]:
    return {path.relative_to(ROOT).as_posix() for path in (ROOT / folder).rglob("*")
            if path.is_file() and "__pycache__" not in path.parts and path.suffix not in (".pyc", ".mo")}


def test_the_spec_takes_its_datas_from_bundle_data() -> None:
    spec = (INSTALLER / "renkei-desk.spec").read_text(encoding="utf-8")
    for call in ("bundle_data.package_datas(ROOT)", "bundle_data.compile_catalogs(",
                 "bundle_data.migration_imports(ROOT)", 'copy_metadata("renkei-desk")'):
        assert call in spec


def test_every_resource_catalog_and_migration_is_bundled_at_its_package_path(tmp_path: Path) -> None:
    module = bundle_data()
    landed = bundled(module.package_datas(ROOT))
    wanted = set().union(*(package_files(f) for f in
                           ("desktop/resources", "desktop/locale", "desktop/store/migrations",
                            "desktop/guide")))
    assert {"desktop/resources/fonts/IPA_Font_License_Agreement_v1.0.txt",
            "desktop/resources/fonts/ipamjm.ttf", "desktop/resources/style.qss",
            "desktop/locale/en/LC_MESSAGES/renkei.po",
            "desktop/store/migrations/env.py", "desktop/resources/local_governments.csv",
            "desktop/guide/ja/guide.md", "desktop/guide/pictures/ja/ledger.png"} <= wanted
    assert wanted - landed == set()
    for source, _folder in module.package_datas(ROOT):
        assert Path(source).is_file()


def test_catalogs_are_compiled_as_the_app_compiles_them(tmp_path: Path) -> None:
    datas = bundle_data().compile_catalogs(tmp_path, ROOT)
    landed = bundled(datas)
    for po in (ROOT / "desktop" / "locale").glob("*/LC_MESSAGES/*.po"):
        assert po.with_suffix(".mo").relative_to(ROOT).as_posix() in landed
    english = next(Path(source) for source, folder in datas if "/en/" in f"/{folder}/")
    with english.open("rb") as handle:
        catalog = gettext.GNUTranslations(handle)
    assert catalog.gettext("版を表示して終了する") == "show the version and exit"


def test_migration_imports_become_hidden_imports() -> None:
    imports = bundle_data().migration_imports(ROOT)
    assert {"alembic", "sqlalchemy", "desktop.store.models"} <= set(imports)


def iss_sections() -> dict[str, list[str]]:
    text = (INSTALLER / "renkei-desk.iss").read_text(encoding="utf-8-sig")
    sections: dict[str, list[str]] = {}
    current = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith(";"):
            continue
        match = re.fullmatch(r"\[(\w+)\]", line)
        if match:
            current = match.group(1)
            sections[current] = []
        else:
            sections.setdefault(current, []).append(line)
    return sections


def test_setup_script_promises() -> None:
    raw = (INSTALLER / "renkei-desk.iss").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 with BOM, or ISCC misreads the Japanese"
    sections = iss_sections()
    setup = dict(line.split("=", 1) for line in sections["Setup"])
    assert re.fullmatch(r"\{\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}", setup["AppId"])
    assert setup["PrivilegesRequired"] == "lowest"
    assert setup["PrivilegesRequiredOverridesAllowed"] == "dialog commandline"
    assert setup["LicenseFile"].endswith(r"\_internal\desktop\resources\fonts\IPA_Font_License_Agreement_v1.0.txt")
    assert setup["DefaultDirName"].startswith("{autopf}")
    assert sections["Languages"][0].startswith('Name: "ja"')
    assert any("{autoprograms}" in line for line in sections["Icons"])
    assert any("{autodesktop}" in line for line in sections["Icons"])
    assert sections["InstallDelete"] == ['Type: filesandordirs; Name: "{app}\\_internal"']
    # The uninstaller removes nothing outside {app}: office files and backups stay.
    for line in sections.get("UninstallDelete", []):
        assert 'Name: "{app}\\' in line
    assert "UninstallRun" not in sections and "Registry" not in sections


def test_every_module_the_printing_registry_names_is_collected_into_the_bundle() -> None:
    """The registry imports builders and renderers by name at print time, which PyInstaller
    cannot see; the spec collects these two packages whole, so each name must lie inside them."""
    from desktop.printing.catalog import FORMS

    spec = (INSTALLER / "renkei-desk.spec").read_text(encoding="utf-8")
    collected = set(re.findall(r'collect_submodules\("(desktop\.[a-z_.]+)"\)', spec))
    for form in FORMS.values():
        for reference in (form.builder, form.renderer):
            module = reference.split(":")[0]
            assert any(module.startswith(package + ".") for package in collected), module
            assert importlib.util.find_spec(module) is not None, module
