"""Components: the embedder, the Chroma store and the lexical index, each swappable by settings."""
