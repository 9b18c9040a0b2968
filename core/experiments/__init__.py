"""The experiment bench: every run kept whole (`store`), what differs between two (`difference`),
a run as a plain PyTorch script (`export_script`), its chart and its text."""
