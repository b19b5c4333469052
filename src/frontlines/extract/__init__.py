"""Extraction stage: sentences, parses and event claims (see DESIGN.md, stage *extract*)."""
