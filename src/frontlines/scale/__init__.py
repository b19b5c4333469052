"""Running the per-document stages serially, on a local process pool, or on a cluster."""
