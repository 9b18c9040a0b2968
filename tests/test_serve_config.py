"""`make serve`'s nginx config, written from the template, is one nginx accepts (`nginx -t`)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from scripts.serve import nginx_binary, nginx_config


def test_the_written_config_passes_nginx_own_check(tmp_path: Path) -> None:
    try:
        nginx = nginx_binary()
    except SystemExit as missing:
        pytest.skip(str(missing))
    text = nginx_config(tmp_path, "127.0.0.1", 18080, [18081, 18082])
    assert "server 127.0.0.1:18081" in text and "server 127.0.0.1:18082" in text
    config = tmp_path / "nginx.conf"
    config.write_text(text)
    check = subprocess.run([nginx, "-t", "-c", str(config), "-p", str(tmp_path)],
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
