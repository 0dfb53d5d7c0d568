"""Reading clerks' files (CSV in UTF-8 or Shift_JIS, xlsx) into rows the import services check."""
