"""Chart helpers more than one lesson uses (a lesson's own charts live in its package)."""
