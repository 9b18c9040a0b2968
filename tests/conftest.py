"""Test-wide settings: unexpected errors in a page fail the test rather than turning into
the friendly message a learner would see (tests/test_error_guard.py checks that message)."""

import os

from ui.errors import RAISE_ENV_VAR

os.environ.setdefault(RAISE_ENV_VAR, "1")
