"""What `make run` serves is what the tests and benchmarks measure: production settings live in
`.streamlit/config.toml`, and every server starts through the one launcher with no option that
changes what is served."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from scripts.app_server import ROOT, app_command

SERVED_OPTIONS = {"--server.port", "--server.headless", "--server.address"}  # where, not what


def test_config_turns_the_file_watcher_and_run_on_save_off() -> None:
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["server"]["fileWatcherType"] == "none"
    assert config["server"]["runOnSave"] is False


def test_the_launcher_command_passes_only_where_to_serve() -> None:
    command = app_command(8501, "127.0.0.1")
    assert command[1:3] == ["-m", "scripts.start_app"]
    options = {part for part in command if part.startswith("--")}
    assert options == SERVED_OPTIONS


def test_make_run_passes_only_the_port() -> None:
    makefile = (ROOT / "Makefile").read_text()
    recipe = re.search(r"^run:.*\n\t(.+)$", makefile, re.MULTILINE).group(1)
    assert "-m scripts.start_app" in recipe
    assert set(re.findall(r"--[\w.]+", recipe)) == {"--server.port"}


def test_no_test_bench_or_script_overrides_the_served_settings() -> None:
    offenders = [
        str(path.relative_to(ROOT))
        for folder in ("tests", "bench", "scripts")
        for path in (ROOT / folder).rglob("*.py")
        if path != Path(__file__) and re.search(r"fileWatcherType|runOnSave|postScriptGC", path.read_text())
    ]
    assert offenders == []
