"""Reading a row's cells by column name."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from desktop.importing.cells import ColumnPicker, RowReader

_NAMES = st.sampled_from(["団体名", "種別", "備考", "連絡先", ""])


@given(st.lists(_NAMES, max_size=6), st.lists(st.text(max_size=3), max_size=8),
       st.lists(_NAMES, min_size=2, max_size=5))
def test_the_picker_gives_what_the_reader_gives_column_by_column(
        header: list[str], cells: list[str], names: list[str]) -> None:
    """Duplicate and missing names, rows shorter or longer than the header: each text is the one
    RowReader.text gives for that column (the first column of the name, or "")."""
    reader = RowReader(header, cells, 2)
    assert ColumnPicker(header, tuple(names)).texts(cells) == tuple(reader.text(name) for name in names)
