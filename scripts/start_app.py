"""`streamlit run app.py`, after this process has loaded what every first visit needs.

A fresh `streamlit run` answers its health check in about two seconds and then makes its first
visitor wait while the script imports torch, the app's modules and MNIST (seconds on two cores).
Started through here, the server process does that work first, so the health check (a load
balancer's readiness probe) answers only once a page can be served at warm speed; and the
training worker pool starts at once, so the first learner to press Train need not wait for a
worker to import torch.

    python -m scripts.start_app [streamlit run options...]    e.g. --server.port 8501

The options are `streamlit run`'s own. Spawned training workers import this file as
`__mp_main__`; the guard at the bottom keeps them from starting a server.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "app.py"
PRELOADED_PACKAGES = ("core", "ui")  # everything the pages import from this project
NOT_PRELOADED = ("core.store.migrations",)  # Alembic's scripts: run by the store's migrations, not imported


def preload() -> None:
    """Import the app's modules (torch, Streamlit, Altair with them) and read MNIST into the
    process-wide cache of `core.data`."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    for name in PRELOADED_PACKAGES:
        package = importlib.import_module(name)
        for module in pkgutil.walk_packages(package.__path__, prefix=f"{name}."):
            if not module.name.startswith(NOT_PRELOADED):
                importlib.import_module(module.name)
    from core.data import load_mnist, load_tensors

    for train in (True, False):
        load_mnist(train)
        load_tensors(train)


def main(options: list[str]) -> int:
    preload()
    from ui.training_pool import training_pool

    training_pool().warm()  # the same pool the pages get: a resource cached once per process
    from streamlit.web import cli

    sys.argv = ["streamlit", "run", str(APP), *options]
    return cli.main(prog_name="streamlit")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
