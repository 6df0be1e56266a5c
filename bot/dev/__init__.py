"""Maintainers' tools behind `factbot dev`: training and fitting the shipped models, never run when serving.

They live apart from the runtime packages (answer/, claims/, evidence/), which only read the model files
these write; scikit-learn (the `train` extra) is needed here and nowhere else.
"""
