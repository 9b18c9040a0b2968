"""A class is made, found by its code, joined; its sweep spreads values; the rate limit on codes."""

import pytest

from core.classroom import Classes, ClassInfo, Member, NotFound, Refused, TooManyAttempts
from core.store import keys
from tests.classroom.conftest import NOW


def test_create_gives_codes_and_stores_only_hashes(store, classes):
    teacher = store.workspace(store.new_secret())
    made = classes.create(teacher, "  Year 9 — Ms Li\n ", "zh", now=NOW)
    assert len(made.join_code) == 8 and set(made.join_code) <= set(keys.CODE_ALPHABET)
    assert keys.SECRET_PATTERN.fullmatch(made.teacher_key)
    groups = made.recovery_code.split("-")
    assert [len(group) for group in groups] == [4, 4, 4, 4]
    assert set("".join(groups)) <= set(keys.CODE_ALPHABET)
    info = classes.info(made.class_id)
    assert info == ClassInfo(made.class_id, "Year 9 — Ms Li", "zh", False, False, None, info.version, NOW, 0)
    assert classes.taught(teacher) == [info]
    with store.engine.connect() as connection:
        dumped = " ".join(str(row) for row in connection.exec_driver_sql("SELECT * FROM classes"))
    for secret in (made.join_code, made.teacher_key, made.recovery_code, made.recovery_code.replace("-", "")):
        assert secret not in dumped
    assert classes.is_teacher(made.teacher_key, made.class_id)
    assert len(classes.create(teacher, "x" * 500, "en", now=NOW + 1).join_code) == 8
    assert classes.info(classes.taught(teacher)[0].class_id).name == "x" * 60


def test_create_refuses_bad_names_languages_codes_and_past_the_cap(store):
    teacher = store.workspace(store.new_secret())
    open_classes = Classes(store, environ={"APP_MAX_CLASSES": "2"})
    with pytest.raises(Refused, match="language"):
        open_classes.create(teacher, "A", "fr")
    with pytest.raises(Refused, match="name"):
        open_classes.create(teacher, " \n\x00 ", "en")
    open_classes.create(teacher, "A", "en")
    open_classes.create(teacher, "B", "en")
    with pytest.raises(Refused) as refused:
        open_classes.create(teacher, "C", "en")
    assert refused.value.reason == "too_many_classes" and refused.value.fields == {"limit": 2}
    guarded = Classes(store, environ={"CLASS_CREATE_CODE": "staff-only-42", "APP_MAX_CLASSES": "5"})
    for wrong in (None, "", "staff-only-4", "STAFF-ONLY-42"):
        with pytest.raises(Refused) as refused:
            guarded.create(teacher, "D", "en", create_code=wrong)
        assert refused.value.reason == "create_code"
    assert guarded.create(teacher, "D", "en", create_code="staff-only-42").class_id
    assert len(Classes(store, environ={"APP_MAX_CLASSES": "5"}).taught(teacher)) == 3


def test_find_and_join_read_codes_like_a_person_types_them(store, classes):
    made = classes.create(store.workspace(store.new_secret()), "Class", "en", now=NOW)
    code = made.join_code
    typed = f"{code[:4].lower()}-{code[4:]}".replace("0", "o").replace("1", "l")
    assert classes.find(typed).class_id == made.class_id
    assert classes.find(f" {code[:2]} {code[2:]} ").class_id == made.class_id
    learner = store.workspace(store.new_secret())
    assert not learner.exists()
    member = classes.join(typed, learner, "Ada", now=NOW)
    assert learner.exists()  # joining made the workspace, as a first write does
    assert member == Member(made.class_id, member.member_id, "Ada", None)
    again = classes.join(code, learner, "Ada L.", now=NOW + 1)
    assert again == Member(made.class_id, member.member_id, "Ada L.", None)
    assert classes.info(made.class_id).members == 1
    assert classes.memberships(learner) == [again]
    assert classes.memberships(store.workspace(store.new_secret())) == []


def test_a_wrong_code_is_none_or_not_found(store, classes):
    made = classes.create(store.workspace(store.new_secret()), "Class", "en")
    other = "".join("A" if c != "A" else "B" for c in made.join_code)
    for wrong in (other, "", "short", "U" * 8, made.join_code + "X", None, 12345678):
        assert classes.find(wrong) is None
        with pytest.raises(NotFound):
            classes.join(wrong, store.workspace(store.new_secret()), "Bo")
    assert classes.info("no-such-class") is None


def test_after_ten_wrong_codes_a_minute_from_one_address_every_attempt_is_refused(store, classes):
    made = classes.create(store.workspace(store.new_secret()), "Class", "en")
    learner = store.workspace(store.new_secret())
    for attempt in range(9):
        assert classes.find("WRONG" + str(attempt).zfill(3), address="10.0.0.7", now=NOW + attempt) is None
    classes.join(made.join_code, learner, "Cy", address="10.0.0.7", now=NOW + 9)  # a right code: not counted
    with pytest.raises(NotFound):  # the tenth wrong one
        classes.join("WRONG999", learner, "Cy", address="10.0.0.7", now=NOW + 9)
    with pytest.raises(TooManyAttempts):
        classes.find(made.join_code, address="10.0.0.7", now=NOW + 10)
    with pytest.raises(TooManyAttempts):
        classes.join(made.join_code, learner, "Cy", address="10.0.0.7", now=NOW + 20)
    assert classes.find(made.join_code, address="10.0.0.8", now=NOW + 20).class_id == made.class_id
    assert classes.find(made.join_code, now=NOW + 20) is not None  # no address: no limit (tests, scripts)
    assert classes.find(made.join_code, address="10.0.0.7", now=NOW + 81).class_id == made.class_id
    with store.engine.connect() as connection:
        stored = [row[0] for row in connection.exec_driver_sql("SELECT address_hash FROM join_attempts")]
    assert "10.0.0.7" not in stored and keys.address_hash("10.0.0.7") in stored


def test_a_nickname_is_stored_as_plain_capped_text_or_refused(store, classes):
    made = classes.create(store.workspace(store.new_secret()), "Class", "en")
    typed = "[x](http://evil)<b>" + "!" * 500
    member = classes.join(made.join_code, store.workspace(store.new_secret()), typed)
    assert member.nickname == "[x](http://evil)<b>!!!!!"
    assert classes.board(made.class_id, include_hidden=True).info.members == 1
    with pytest.raises(Refused) as refused:
        classes.join(made.join_code, store.workspace(store.new_secret()), " \u200b\x00 ")
    assert refused.value.reason == "nickname"
    assert classes.info(made.class_id).members == 1


def test_a_sweep_spreads_its_values_over_the_members_in_join_order(store, classes):
    made = classes.create(store.workspace(store.new_secret()), "Class", "en")
    early = classes.join(made.join_code, store.workspace(store.new_secret()), "Early")
    classes.set_sweep(made.teacher_key, made.class_id, "lr", [0.001, 0.01, 0.1], None)
    sweep = classes.info(made.class_id).sweep
    assert sweep == {"setting": "lr", "values": [0.001, 0.01, 0.1],
                     "budget": {"train_size": 5000, "epochs": 1}}
    learners = [store.workspace(store.new_secret()) for _ in range(6)]
    values = [classes.join(made.join_code, learner, "L").sweep_value for learner in learners]
    assert values == [0.01, 0.1, 0.001, 0.01, 0.1, 0.001]
    assert classes.memberships(learners[0])[0].sweep_value == 0.01  # stable: the same seat each time
    assert classes.memberships(store.workspace(store.new_secret())) == []
    assert classes.join(made.join_code, store.workspace(store.new_secret()), "Late").sweep_value == 0.01
    assert [m.sweep_value for m in classes.memberships(learners[2])] == [0.001]
    assert early.sweep_value is None
    classes.set_sweep(made.teacher_key, made.class_id, "epochs", [1, 2], {"train_size": 1000, "epochs": 3})
    assert classes.info(made.class_id).sweep["budget"] == {"train_size": 1000}
    classes.set_sweep(made.teacher_key, made.class_id, None)
    assert classes.info(made.class_id).sweep is None


def test_a_refused_sweep_changes_nothing(store, classes):
    made = classes.create(store.workspace(store.new_secret()), "Class", "en")
    version = classes.version(made.class_id)
    with pytest.raises(Refused) as refused:
        classes.set_sweep(made.teacher_key, made.class_id, "batch_size", [48], None)
    assert refused.value.reason == "sweep"
    assert classes.info(made.class_id).sweep is None and classes.version(made.class_id) == version


def test_joining_a_locked_or_ended_class_is_refused_but_members_rejoin_a_locked_one(store, classes):
    made = classes.create(store.workspace(store.new_secret()), "Class", "en")
    member = store.workspace(store.new_secret())
    classes.join(made.join_code, member, "In")
    classes.lock(made.teacher_key, made.class_id)
    with pytest.raises(Refused, match="locked"):
        classes.join(made.join_code, store.workspace(store.new_secret()), "Out")
    assert classes.join(made.join_code, member, "In again").nickname == "In"  # locked: no changes
    classes.lock(made.teacher_key, made.class_id, locked=False)
    classes.join(made.join_code, store.workspace(store.new_secret()), "Now in")
    classes.end(made.teacher_key, made.class_id)
    with pytest.raises(Refused, match="ended"):
        classes.join(made.join_code, member, "In")
    assert classes.find(made.join_code).ended
    assert classes.memberships(member) == []


def test_a_whole_class_behind_one_school_address_joins_at_once(store, classes):
    made = classes.create(store.workspace(store.new_secret()), "Class", "en")
    for number in range(60):  # one NAT address, sixty right codes within a minute
        classes.join(made.join_code, store.workspace(store.new_secret()), f"L{number}", address="203.0.113.9",
                     now=NOW + number / 2)
    assert classes.info(made.class_id).members == 60
