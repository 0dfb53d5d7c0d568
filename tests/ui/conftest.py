"""A real main window on the offscreen platform, over a real office file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.store.db import Office, open_office
from desktop.store.demo import build_demo_office
from desktop.ui.app import app_settings, install_qt_translator
from desktop.ui.common.context import AppContext
from desktop.ui.main_window import MainWindow


@pytest.fixture
def demo_office(office_path: Path) -> Iterator[Office]:
    office = open_office(office_path)
    with office.transaction() as session:
        build_demo_office(session)
    try:
        yield office
    finally:
        office.close()


@pytest.fixture
def context(demo_office: Office) -> AppContext:
    return AppContext(demo_office)


@pytest.fixture
def window(qtbot: QtBot, qapp, context: AppContext) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    translator = install_qt_translator(qapp, "ja")
    main = MainWindow(context, app_settings())
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    yield main
    if translator is not None:  # Qt's own words in Japanese for this test only (the English walk)
        qapp.removeTranslator(translator)
