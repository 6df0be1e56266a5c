"""Ingest: raw scrapes -> clean article text with metadata -> chunks with offsets -> the store."""
