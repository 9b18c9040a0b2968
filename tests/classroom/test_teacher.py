"""The teacher's side: every operation needs the teacher key, the recovery code, the CSV, forget, expire."""

import csv
import io

import pytest

from core.classroom import Classes, WrongKey
from tests.classroom.conftest import NOW, a_run


@pytest.fixture
def lesson(store, classes):
    """A class with a learner who shared a run: (made, learner secret, member, share id)."""
    made = classes.create(store.workspace(store.new_secret()), "Class", "en", now=NOW)
    secret = store.new_secret()
    learner = store.workspace(secret)
    member = classes.join(made.join_code, learner, "Ada", now=NOW)
    share_id = classes.share(made.class_id, learner, a_run(), now=NOW)
    return made, secret, member, share_id


def _everything(classes, class_id):
    return classes.board(class_id, include_hidden=True)


def test_every_teacher_operation_refuses_a_missing_wrong_or_learners_key(store, classes, lesson):
    made, learner_secret, member, share_id = lesson
    other = classes.create(store.workspace(store.new_secret()), "Other", "en")
    class_id = made.class_id
    operations = {
        "hide_run": lambda key: classes.hide_run(key, class_id, share_id),
        "rename_member": lambda key: classes.rename_member(key, class_id, member.member_id, "X"),
        "hide_member": lambda key: classes.hide_member(key, class_id, member.member_id),
        "lock": lambda key: classes.lock(key, class_id),
        "end": lambda key: classes.end(key, class_id),
        "set_sweep": lambda key: classes.set_sweep(key, class_id, "lr", [0.01, 0.1], None),
        "csv": lambda key: classes.csv(key, class_id),
        "set_challenge": lambda key: classes.set_challenge(key, class_id, {"max_train_size": 1000}),
        "check_results": lambda key: classes.check_results(key, class_id),
    }
    before = _everything(classes, class_id)
    for wrong in (None, "", "x", made.teacher_key[:-1], store.new_secret(), learner_secret, other.teacher_key,
                  made.recovery_code, made.join_code):
        assert not classes.is_teacher(wrong, class_id)
        for name, operation in operations.items():
            with pytest.raises(WrongKey):
                operation(wrong)
            assert _everything(classes, class_id) == before, name
    assert classes.is_teacher(made.teacher_key, class_id)
    for operation in operations.values():
        operation(made.teacher_key)
    after = _everything(classes, class_id)
    assert after.info.ended and after.info.sweep["values"] == [0.01, 0.1]
    assert [(r.nickname, r.hidden) for r in after.runs] == [("X", True)]
    with pytest.raises(WrongKey):
        classes.lock(made.teacher_key, other.class_id)  # one class's key opens only that class


def test_the_recovery_code_gives_a_new_key_and_the_old_one_stops(store, classes, lesson):
    made = lesson[0]
    assert classes.recover("0000-0000-0000-0000") is None
    assert classes.recover("not a code") is None
    class_id, new_key = classes.recover(made.recovery_code.lower().replace("-", " "))
    assert class_id == made.class_id and new_key != made.teacher_key
    assert classes.is_teacher(new_key, class_id) and not classes.is_teacher(made.teacher_key, class_id)
    with pytest.raises(WrongKey):
        classes.lock(made.teacher_key, class_id)
    classes.lock(new_key, class_id)
    assert classes.info(class_id).locked
    _, newer_key = classes.recover(made.recovery_code)  # the code stays on the teacher's paper
    assert classes.is_teacher(newer_key, class_id) and not classes.is_teacher(new_key, class_id)


def test_recovery_attempts_count_against_the_address(store, classes, lesson):
    from core.classroom import TooManyAttempts

    made = lesson[0]
    for attempt in range(10):
        assert classes.recover("0000-0000-0000-000" + str(attempt), address="10.1.1.1", now=NOW) is None
    with pytest.raises(TooManyAttempts):
        classes.recover(made.recovery_code, address="10.1.1.1", now=NOW + 1)


def test_the_csv_holds_every_run_and_runs_no_formula(store, classes, lesson):
    made, _, member, share_id = lesson
    bo = store.workspace(store.new_secret())
    classes.join(made.join_code, bo, '=HYPERLINK("http://x")', now=NOW)
    classes.share(made.class_id, bo, a_run("b1", 91.25, architecture="-1+1", lr=0.1), now=NOW + 1)
    classes.hide_run(made.teacher_key, made.class_id, share_id)
    data = classes.csv(made.teacher_key, made.class_id)
    assert data.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    header = rows[0]
    assert header[:2] == ["nickname", "run"]
    assert header[-4:] == ["final_acc", "validation_acc", "seconds", "hidden"]
    assert {"epochs", "batch_size", "lr", "optimizer", "train_size", "architecture"} <= set(header)
    table = [dict(zip(header, row, strict=True)) for row in rows[1:]]
    assert [(row["nickname"], row["final_acc"], row["hidden"]) for row in table] == [
        ("Ada", "97.5", "yes"), ('\'=HYPERLINK("http://x")', "91.25", "no")]
    assert table[1]["architecture"] == "'-1+1" and table[1]["lr"] == "0.1"
    for row in rows[1:]:
        assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row)


def test_forget_removes_the_learners_memberships_and_runs(store, classes, lesson):
    made, learner_secret, _, _ = lesson
    stays = store.workspace(store.new_secret())
    classes.join(made.join_code, stays, "Bo")
    classes.share(made.class_id, stays, a_run("b1"))
    learner = store.workspace(learner_secret)
    second = classes.create(store.workspace(store.new_secret()), "Second", "en")
    classes.join(second.join_code, learner, "Ada")
    assert len(classes.memberships(learner)) == 2
    learner.forget()
    assert classes.memberships(store.workspace(learner_secret)) == []
    assert [r.nickname for r in classes.board(made.class_id, include_hidden=True).runs] == ["Bo"]
    assert classes.info(made.class_id).members == 1 and classes.info(second.class_id).members == 0
    with store.engine.connect() as connection:
        nicknames = [row[0] for row in connection.exec_driver_sql("SELECT nickname FROM members")]
        shared = connection.exec_driver_sql("SELECT count(*) FROM shares").scalar()
    assert nicknames == ["Bo"] and shared == 1


def test_a_forgotten_teacher_workspace_leaves_the_class_to_its_key(store, classes):
    teacher = store.workspace(store.new_secret())
    made = classes.create(teacher, "Class", "en")
    teacher.forget()
    assert classes.info(made.class_id).name == "Class" and classes.is_teacher(made.teacher_key, made.class_id)


def test_classes_expire_a_week_after_their_last_activity(store, classes):
    teacher = store.workspace(store.new_secret())
    quiet = classes.create(teacher, "Quiet", "en", now=NOW)
    busy = classes.create(teacher, "Busy", "en", now=NOW)
    learner = store.workspace(store.new_secret())
    classes.join(busy.join_code, learner, "Ada", now=NOW + 5 * 86400)
    classes.share(busy.class_id, learner, a_run(), now=NOW + 6 * 86400)
    assert classes.expire(now=NOW + 6.9 * 86400) == 0
    assert classes.expire(now=NOW + 7.1 * 86400) == 1
    assert classes.info(quiet.class_id) is None and classes.find(quiet.join_code) is None
    assert classes.info(busy.class_id).members == 1
    assert Classes(store, environ={"APP_CLASS_DAYS": "20"}).expire(now=NOW + 20 * 86400) == 0
    assert classes.expire(now=NOW + 13.1 * 86400) == 1
    assert classes.memberships(learner) == [] and learner.exists()  # the learner's own work stays
    with store.engine.connect() as connection:
        left = [connection.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar()
                for table in ("classes", "members", "shares")]
    assert left == [0, 0, 0]
