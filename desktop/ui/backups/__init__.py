"""ファイル menu: backups, restore and the backup settings."""
