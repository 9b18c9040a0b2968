"""A database the first version of the app wrote (migration 0001) upgrades to the class tables, keeping it."""

import hashlib

import pytest
from sqlalchemy import text

from core.classroom import Classes
from core.classroom.records import run_data
from core.store import Item, open_store
from core.store.engine import make_engine
from core.store.migrate import current_revision, head_revision, upgrade
from tests.classroom.conftest import a_run
from tests.store.conftest import LIMITS

SECRET = "fixture-secret-of-a-learner-from-0001-aaaaa"


@pytest.fixture(params=["sqlite", "postgresql"])
def fresh_url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'workspaces.sqlite3'}"
    return request.getfixturevalue("postgres").create_database()


def test_a_0001_database_upgrades_to_the_head_with_its_workspaces(fresh_url):
    engine = make_engine(fresh_url)
    upgrade(engine, "0001")
    with engine.begin() as connection:
        connection.execute(text("INSERT INTO workspaces VALUES ('w1', 1.0, 2.0, 5)"))
        connection.execute(text("INSERT INTO access_keys VALUES (:key, 'w1')"),
                           {"key": hashlib.sha256(SECRET.encode()).hexdigest()})
        connection.execute(text("INSERT INTO items VALUES ('w1', 'run', 'r1', 3, 5, :data, 2.0)"),
                           {"data": b"12345"})
    assert current_revision(engine) == "0001"
    engine.dispose()
    store = open_store(fresh_url, **LIMITS)
    try:
        assert current_revision(store.engine) == head_revision() == "0003"
        learner = store.workspace(SECRET)
        assert learner.get("run", "r1") == Item("run", "r1", b"12345", 3)
        classes = Classes(store, environ={})
        made = classes.create(store.workspace(store.new_secret()), "Class", "en")
        member = classes.join(made.join_code, learner, "Old hand")
        classes.share(made.class_id, learner, a_run())
        assert classes.memberships(learner) == [member]
        assert learner.summary() == {"run": 1, "bytes": 5}
        learner.forget()
        assert classes.info(made.class_id).members == 0
    finally:
        store.dispose()



def test_a_0002_class_upgrades_to_0003_with_its_board_and_no_challenge(fresh_url):
    engine = make_engine(fresh_url)
    upgrade(engine, "0002")
    shared = run_data(a_run())
    with engine.begin() as connection:
        connection.execute(text("INSERT INTO workspaces VALUES ('w1', 1.0, 2.0, 0)"))
        connection.execute(text(
            "INSERT INTO classes VALUES ('c1', 'j', 't', 'r', NULL, 'Old class', 'en', :no, :no, NULL, 3, 1,"
            " 1.0, 2.0)"), {"no": False})
        connection.execute(text("INSERT INTO members VALUES ('m1', 'c1', 'w1', 'Ada', :no, 1.0, 0)"),
                           {"no": False})
        connection.execute(text("INSERT INTO shares VALUES ('s1', 'c1', 'm1', 'r1', :data, :no, 2.0)"),
                           {"data": shared, "no": False})
    engine.dispose()
    store = open_store(fresh_url, **LIMITS)
    try:
        board = Classes(store, environ={}).board("c1")
        assert board.info.challenge is None and board.info.name == "Old class"
        assert [(row.nickname, row.run) for row in board.runs] == [("Ada", a_run())]
        assert board.runs[0].run.validation_acc is None  # a run shared before 0003 takes the default
    finally:
        store.dispose()
