"""Maintainers' tools behind `factbot dev`: training and fitting the shipped models, never run when serving.

They live apart from the runtime packages (answer/, claims/, evidence/), which only read the model files
these write; scikit-learn (the `train` extra) is needed here and nowhere else.
"""


def code_fingerprint() -> str:
    """Hash of everything features are computed from: the package's code and data files (the lexicon,
    weights, CLDR tables), less the trained model files. Caches of features or scores are keyed on it, so
    a changed feature or lexicon never reuses stale numbers."""
    import hashlib
    from pathlib import Path

    root = Path(__file__).parents[1]
    files = sorted(p for ext in ("*.py", "*.json", "*.toml", "*.txt") for p in root.rglob(ext))
    h = hashlib.sha256()
    for p in files:
        if p.is_file() and p.name != "model.json":
            h.update(p.read_bytes())
    return h.hexdigest()
