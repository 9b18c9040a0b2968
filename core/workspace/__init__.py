"""What a learner keeps, as the store's items: each kept thing is one item (kind, name) of bytes.

The store (core.store) knows only workspaces and opaque, versioned bytes; this package says which
item holds what and turns it into bytes and back: `items` for the single things (the language, the
design to train next, the active model, the collection of digits), `runs` for the run records (a
head and a checkpoint per epoch). Nothing here imports Streamlit.
"""
