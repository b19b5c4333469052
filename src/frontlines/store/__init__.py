"""Stage 7, store: SQLite by default (plain tables, WAL), behind one ``Store`` seam."""
