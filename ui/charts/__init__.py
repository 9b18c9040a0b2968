"""Each lesson's chart builders as cached Vega-Lite specs (ui/chart_cache.py), one module a page."""
