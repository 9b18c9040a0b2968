"""Runs shared to a class: replace, withdraw, caps, what the board shows, the version that moves with it."""

import pytest

from core.classroom import NotFound, Refused
from tests.classroom.conftest import NOW, a_run, with_changes


@pytest.fixture
def lesson(store, classes):
    """A class with two learners in it: (made, ada, bo)."""
    made = classes.create(store.workspace(store.new_secret()), "Class", "en", now=NOW)
    ada, bo = store.workspace(store.new_secret()), store.workspace(store.new_secret())
    classes.join(made.join_code, ada, "Ada", now=NOW)
    classes.join(made.join_code, bo, "Bo", now=NOW)
    return made, ada, bo


def test_share_replace_and_withdraw(classes, lesson):
    made, ada, bo = lesson
    first = classes.share(made.class_id, ada, a_run("r1", 95.0), now=NOW + 1)
    classes.share(made.class_id, bo, a_run("r1", 90.0), now=NOW + 2)  # the same run id, another learner
    runs = classes.board(made.class_id).runs
    assert [(r.nickname, r.run.final_acc) for r in runs] == [("Bo", 90.0), ("Ada", 95.0)]
    assert runs[1].run == a_run("r1", 95.0) and runs[1].shared_at == NOW + 1 and not runs[1].hidden
    again = classes.share(made.class_id, ada, a_run("r1", 98.0, lr=0.1), now=NOW + 3)
    assert again == first
    runs = classes.board(made.class_id).runs
    assert [(r.nickname, r.run.final_acc, r.run.recipe["lr"]) for r in runs] == [("Ada", 98.0, 0.1),
                                                                                  ("Bo", 90.0, 0.01)]
    with pytest.raises(NotFound):
        classes.withdraw(made.class_id, bo, first)  # not Bo's
    classes.withdraw(made.class_id, ada, first)
    assert [r.nickname for r in classes.board(made.class_id).runs] == ["Bo"]
    with pytest.raises(NotFound):
        classes.withdraw(made.class_id, ada, first)


def test_only_members_share_and_only_while_the_class_is_open(store, classes, lesson):
    made, ada, _ = lesson
    with pytest.raises(NotFound):
        classes.share(made.class_id, store.workspace(store.new_secret()), a_run())
    with pytest.raises(NotFound):
        classes.share("no-such-class", ada, a_run())
    shared = classes.share(made.class_id, ada, a_run("r1"))
    classes.lock(made.teacher_key, made.class_id)
    with pytest.raises(Refused, match="locked"):
        classes.share(made.class_id, ada, a_run("r2"))
    classes.withdraw(made.class_id, ada, shared)  # taking one's own run back stays allowed
    classes.end(made.teacher_key, made.class_id)
    with pytest.raises(Refused, match="ended"):
        classes.share(made.class_id, ada, a_run("r3"))
    assert classes.board(made.class_id).runs == [] and classes.board(made.class_id).info.ended


def test_six_shares_a_minute_and_six_hundred_a_class(store, classes, lesson, monkeypatch):
    made, ada, bo = lesson
    for index in range(6):
        classes.share(made.class_id, ada, a_run(f"r{index}"), now=NOW + index)
    with pytest.raises(Refused) as refused:
        classes.share(made.class_id, ada, a_run("r6"), now=NOW + 10)
    assert refused.value.reason == "too_fast"
    classes.share(made.class_id, bo, a_run("r6"), now=NOW + 10)  # another learner is not held up
    classes.share(made.class_id, ada, a_run("r6"), now=NOW + 61)
    for index in range(5):  # a replace counts too, or one run shared again and again would flood the board
        classes.share(made.class_id, bo, a_run("b1", 90.0 + index), now=NOW + 30 + index)
    with pytest.raises(Refused, match="too_fast"):
        classes.share(made.class_id, bo, a_run("b1", 99.0), now=NOW + 40)
    monkeypatch.setattr("core.classroom.classes.SHARES_PER_CLASS", 10)
    classes.share(made.class_id, bo, a_run("r7"), now=NOW + 92)
    with pytest.raises(Refused) as refused:
        classes.share(made.class_id, bo, a_run("r8"), now=NOW + 93)
    assert refused.value.reason == "class_full" and refused.value.fields == {"limit": 10}
    classes.share(made.class_id, bo, a_run("r7", 99.0), now=NOW + 94)  # replacing still works when full
    assert len(classes.board(made.class_id).runs) == 10


def test_the_class_cap_is_six_hundred(classes):
    from core.classroom import classes as module

    assert (module.SHARES_PER_CLASS, module.SHARES_PER_MINUTE, module.ATTEMPTS_PER_MINUTE) == (600, 6, 10)


def test_a_refused_run_changes_nothing(classes, lesson):
    made, ada, _ = lesson
    version = classes.version(made.class_id)
    with pytest.raises(Refused) as refused:
        classes.share(made.class_id, ada, with_changes(a_run(), recipe={"weights": [0.1] * 784}))
    assert refused.value.reason == "run"
    assert classes.board(made.class_id).runs == [] and classes.version(made.class_id) == version


def test_a_run_name_is_plain_capped_text(classes, lesson):
    made, ada, _ = lesson
    named = with_changes(a_run(), name="  <b>[mine](http://x)</b>\n\x00" + "y" * 100)
    classes.share(made.class_id, ada, named)
    assert classes.board(made.class_id).runs[0].run.name == ("<b>[mine](http://x)</b> " + "y" * 100)[:60]


def test_the_board_leaves_out_hidden_runs_and_hidden_members_but_the_teacher_sees_them(classes, lesson):
    made, ada, bo = lesson
    ada_run = classes.share(made.class_id, ada, a_run("a1"), now=NOW + 1)
    classes.share(made.class_id, ada, a_run("a2"), now=NOW + 2)
    classes.share(made.class_id, bo, a_run("b1"), now=NOW + 3)
    bo_member = classes.memberships(bo)[0].member_id
    classes.hide_run(made.teacher_key, made.class_id, ada_run)
    classes.hide_member(made.teacher_key, made.class_id, bo_member)
    assert [r.run.run_id for r in classes.board(made.class_id).runs] == ["a2"]
    teacher_view = classes.board(made.class_id, include_hidden=True).runs
    assert [(r.run.run_id, r.hidden) for r in teacher_view] == [("b1", True), ("a2", False), ("a1", True)]
    classes.hide_run(made.teacher_key, made.class_id, ada_run, hidden=False)
    classes.hide_member(made.teacher_key, made.class_id, bo_member, hidden=False)
    assert [r.run.run_id for r in classes.board(made.class_id).runs] == ["b1", "a2", "a1"]
    classes.rename_member(made.teacher_key, made.class_id, bo_member, "  Student 2 ")
    assert classes.board(made.class_id).runs[0].nickname == "Student 2"
    with pytest.raises(NotFound):
        classes.hide_run(made.teacher_key, made.class_id, "no-such-share")
    with pytest.raises(NotFound):
        classes.board("no-such-class")


def test_the_version_grows_with_every_change(store, classes):
    made = classes.create(store.workspace(store.new_secret()), "Class", "en")
    ada = store.workspace(store.new_secret())
    seen = [classes.version(made.class_id)]

    def changed():
        seen.append(classes.version(made.class_id))
        assert seen[-1] > seen[-2]
        assert classes.info(made.class_id).version == classes.board(made.class_id).info.version == seen[-1]

    member = classes.join(made.join_code, ada, "Ada")
    changed()
    classes.join(made.join_code, ada, "Ada 2")
    changed()
    classes.join(made.join_code, ada, "Ada 2")  # the same again changes nothing
    assert classes.version(made.class_id) == seen[-1]
    shared = classes.share(made.class_id, ada, a_run())
    changed()
    classes.share(made.class_id, ada, a_run(acc=99.0))
    changed()
    key, class_id = made.teacher_key, made.class_id
    for operation in (lambda: classes.hide_run(key, class_id, shared),
                      lambda: classes.hide_member(key, class_id, member.member_id),
                      lambda: classes.rename_member(key, class_id, member.member_id, "A"),
                      lambda: classes.set_sweep(key, class_id, "batch_size", [32, 64], None),
                      lambda: classes.lock(key, class_id),
                      lambda: classes.lock(key, class_id, locked=False),
                      lambda: classes.withdraw(class_id, ada, shared)):
        operation()
        changed()
    classes.share(made.class_id, ada, a_run("r2"))
    changed()
    ada.forget()  # the cascade removes the member and the run without touching the class row
    changed()
    assert classes.board(made.class_id).runs == [] and classes.info(made.class_id).members == 0
    classes.end(key, class_id)
    changed()
    classes.csv(key, class_id)
    classes.board(class_id)
    assert classes.version(class_id) == seen[-1]  # reading changes nothing
    with pytest.raises(NotFound):
        classes.version("no-such-class")
