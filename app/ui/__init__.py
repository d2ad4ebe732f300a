"""The only modules besides app/views that call st.*: sidebar filters bound to the URL, sharing, tables."""
