"""How many training runs may train at once on this server: the training worker pool's size.

On a CPU, two runs at once each go at half speed or worse (their thread pools fight over the
same cores), so the default lets one run at a time and the next waits for a free worker;
`TRAIN_RUN_LIMIT=4` (say) allows more on a GPU server.
"""

from __future__ import annotations

import os

ENV_VAR = "TRAIN_RUN_LIMIT"


def configured_limit(default: int = 1) -> int:
    """How many runs may train at once: `$TRAIN_RUN_LIMIT` if it is a positive integer, else `default`."""
    try:
        return max(1, int(os.environ.get(ENV_VAR, default)))
    except ValueError:
        return default
