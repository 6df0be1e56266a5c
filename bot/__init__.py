"""factbot: answers and fact-checks only from your own article corpus, with verbatim citations."""

__version__ = "0.1.0"
