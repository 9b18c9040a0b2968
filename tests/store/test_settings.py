"""Where the store lives and its limits, from the environment (no database here)."""

import pytest

from core.store import store_url_from_environment
from core.store.settings import DEFAULT_DATA_DIR, cookie_name, limits_from_environment


def test_saving_off_keeps_nothing():
    assert store_url_from_environment({"APP_SAVING": "off", "DATABASE_URL": "postgresql://x/y"}) is None


@pytest.mark.parametrize(("given", "url"), [
    ("postgresql://app:pw@db:5432/nnx", "postgresql+psycopg://app:pw@db:5432/nnx"),
    ("postgres://app@db/nnx", "postgresql+psycopg://app@db/nnx"),
    ("postgresql+psycopg://app@db/nnx", "postgresql+psycopg://app@db/nnx"),
    ("sqlite:////srv/w.sqlite3", "sqlite:////srv/w.sqlite3"),
])
def test_database_url_is_normalised_for_psycopg(given, url):
    assert store_url_from_environment({"DATABASE_URL": given}) == url


def test_the_default_is_a_sqlite_file_in_the_data_folder(tmp_path):
    folder = tmp_path / "made" / "here"
    assert store_url_from_environment({"APP_DATA_DIR": str(folder)}) == f"sqlite:///{folder}/workspaces.sqlite3"
    assert folder.is_dir()
    assert DEFAULT_DATA_DIR.parts[-2:] == ("data", "workspaces")


def test_one_cookie_name_per_deployment():
    assert cookie_name("sqlite:///a", {}) == cookie_name("sqlite:///a", {})
    assert cookie_name("sqlite:///a", {}).startswith("nnx_ws_") and len(cookie_name("sqlite:///a", {})) == 17
    assert cookie_name("sqlite:///a", {}) != cookie_name("sqlite:///b", {})
    assert cookie_name("sqlite:///a", {"APP_COOKIE_NAME": "class_7b"}) == "class_7b"


def test_limits_have_defaults_and_follow_the_environment():
    assert limits_from_environment({}) == {"max_workspace_bytes": 200_000_000, "max_total_bytes": None,
                                           "idle_days": 30.0, "new_per_hour": 30}
    environ = {"APP_WORKSPACE_MAX_MB": "50", "APP_DATA_MAX_GB": "2.5", "APP_IDLE_DAYS": "7",
               "APP_NEW_WORKSPACES_PER_HOUR": "5"}
    assert limits_from_environment(environ) == {"max_workspace_bytes": 50_000_000,
                                                "max_total_bytes": 2_500_000_000, "idle_days": 7.0,
                                                "new_per_hour": 5}


def test_open_store_takes_limits_and_refuses_unknown_ones(tmp_path, monkeypatch):
    from core.store import open_store

    monkeypatch.setenv("APP_WORKSPACE_MAX_MB", "1")
    store = open_store(f"sqlite:///{tmp_path / 'w.sqlite3'}", idle_days=2)
    assert (store.max_workspace_bytes, store.idle_days, store.new_per_hour) == (1_000_000, 2, 30)
    assert store.cookie_name.startswith("nnx_ws_")
    store.dispose()
    with pytest.raises(TypeError):
        open_store(f"sqlite:///{tmp_path / 'w.sqlite3'}", max_bytes=1)
