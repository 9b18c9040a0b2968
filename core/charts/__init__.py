"""Altair chart builders, one module per topic: data in, chart out. Nothing here draws."""
