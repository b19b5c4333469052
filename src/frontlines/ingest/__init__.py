"""Stage 1, ingest: files, folders and corpora in; ``Article`` records (or ``Failure``) out."""
