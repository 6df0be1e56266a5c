"""Answering: question analysis, extractive answers with citations, abstention, and the LangChain chain."""
