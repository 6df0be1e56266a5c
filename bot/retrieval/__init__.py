"""Retrieval: hybrid dense + lexical chunk search, then sentence-level rescoring."""
