"""The Help menu: the user guide (使い方) and the version information (バージョン情報)."""
