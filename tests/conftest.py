"""Test-wide settings.

- Unexpected errors in a page fail the test rather than turning into the friendly message a
  learner would see (tests/test_error_guard.py checks that message).
- One torch thread in the test process: its runs are tiny, and on a busy 2-core machine a
  second thread mostly waits (training tests ran 10x slower with two under load). The app
  server the browser tests start keeps torch's default.
"""

import os

import torch

from ui.errors import RAISE_ENV_VAR

os.environ.setdefault(RAISE_ENV_VAR, "1")
torch.set_num_threads(1)
