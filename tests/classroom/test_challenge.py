"""A class challenge: the rules checked along a run's whole family, the ranking on the validation split,
a learner's concept-check result kept in the class without who gave it."""

import pytest

from core.classroom import NotFound, Refused, breaches, standings
from core.classroom.records import BoardRun
from tests.classroom.conftest import NOW, a_run, with_changes

RULES = {"max_train_size": 1000, "max_epochs": 3}


def entrant(run_id: str, validation: float | None = 96.0, **recipe):
    """A challenge run: 1,000 held-out images, 1 epoch, unless `recipe` says otherwise."""
    run = a_run(run_id, **{"holdout": True, "train_size": 1000, **recipe})
    return with_changes(run, validation_acc=validation)


def branched(run, *ancestors: dict):
    """`run` as a branch of runs with the `ancestors`' recipes (oldest first)."""
    return with_changes(run, family=[*ancestors, run.recipe])


def board_run(run, nickname="Ada"):
    return BoardRun(share_id=run.run_id, member_id=nickname, nickname=nickname, run=run, shared_at=NOW,
                    hidden=False)


def test_a_run_within_the_rules_qualifies():
    assert breaches(RULES, entrant("a")) == []
    assert breaches({"max_train_size": None, "max_epochs": None}, entrant("a", train_size=60000)) == []


def test_a_branch_of_a_run_trained_on_60000_images_does_not_qualify_for_at_most_1000():
    parent = a_run("p", holdout=True, train_size=60000).recipe
    run = branched(entrant("child"), parent)
    assert breaches(RULES, run) == [("train_size", {"which": "ancestor", "images": 60000, "limit": 1000})]


def test_a_run_that_trained_on_the_validation_images_is_unranked_even_through_an_ancestor():
    assert breaches(RULES, entrant("a", holdout=False)) == [("validation", {"which": "own"})]
    parent = a_run("p", train_size=1000).recipe  # holdout off
    assert breaches(RULES, branched(entrant("b"), parent)) == [("validation", {"which": "ancestor"})]


def test_too_many_epochs_an_unknown_ancestor_and_no_validation_accuracy_are_each_a_reason():
    assert breaches(RULES, entrant("a", epochs=5)) == [("epochs", {"which": "own", "epochs": 5, "limit": 3})]
    assert breaches(RULES, branched(entrant("b"), {"unknown": True})) == [("unknown", {})]
    assert breaches(RULES, entrant("c", validation=None)) == [("no_validation", {})]


def test_standings_rank_by_validation_accuracy_ties_share_a_place_and_the_unranked_come_last():
    runs = [board_run(entrant("low", 90.0)), board_run(entrant("cheat", 99.9, train_size=60000)),
            board_run(entrant("top", 97.0)), board_run(entrant("tie", 97.0))]
    table = standings(RULES, runs)
    assert [(row.place, row.run.run.run_id) for row in table] == [
        (1, "top"), (1, "tie"), (3, "low"), (None, "cheat")]
    assert table[-1].reasons == [("train_size", {"which": "own", "images": 60000, "limit": 1000})]


def test_the_test_accuracy_decides_nothing():
    better_on_test = with_changes(entrant("test", 95.0), final_acc=99.5)
    table = standings(RULES, [board_run(better_on_test), board_run(entrant("val", 96.0))])
    assert [row.run.run.run_id for row in table] == ["val", "test"]


def test_the_challenge_is_kept_with_the_class_and_refuses_rules_the_page_does_not_offer(store, classes):
    made = classes.create(store.workspace(store.new_secret()), "Class", "en", now=NOW)
    assert classes.info(made.class_id).challenge is None
    classes.set_challenge(made.teacher_key, made.class_id, {"max_train_size": 1000})
    assert classes.info(made.class_id).challenge == {"max_train_size": 1000, "max_epochs": None}
    for bad in ({"max_train_size": 1234}, {"max_epochs": 0}, {"max_epochs": True}, {"anything": 1}, []):
        with pytest.raises(Refused):
            classes.set_challenge(made.teacher_key, made.class_id, bad)
    classes.set_challenge(made.teacher_key, made.class_id, None)
    assert classes.info(made.class_id).challenge is None


def test_a_shared_run_keeps_its_validation_accuracy_and_refuses_one_out_of_range(store, classes):
    made = classes.create(store.workspace(store.new_secret()), "Class", "en", now=NOW)
    learner = store.workspace(store.new_secret())
    classes.join(made.join_code, learner, "Ada", now=NOW)
    classes.share(made.class_id, learner, entrant("a", 97.25), now=NOW)
    assert classes.board(made.class_id).runs[0].run.validation_acc == 97.25
    with pytest.raises(Refused):
        classes.share(made.class_id, learner, entrant("b", 101.0), now=NOW)


def test_concept_check_results_reach_only_the_teacher_without_names(store, classes):
    made = classes.create(store.workspace(store.new_secret()), "Class", "en", now=NOW)
    learners = [store.workspace(store.new_secret()) for _ in range(3)]
    for number, learner in enumerate(learners):
        classes.join(made.join_code, learner, f"L{number}", now=NOW)
        result = {"A": {"gradient": {"right": number, "total": 2}}}
        classes.share_check(made.class_id, learner, result, now=NOW)
    classes.share_check(made.class_id, learners[0], {"A": {"gradient": {"right": 2, "total": 2}}}, now=NOW)
    results = classes.check_results(made.teacher_key, made.class_id)
    assert sorted(r["A"]["gradient"]["right"] for r in results) == [1, 2, 2]  # the first replaced, no names
    outsider = store.workspace(store.new_secret())
    with pytest.raises(NotFound):
        classes.share_check(made.class_id, outsider, {"A": {}}, now=NOW)
    with pytest.raises(Refused):
        classes.share_check(made.class_id, learners[1], {"A": "x" * 5000}, now=NOW)
