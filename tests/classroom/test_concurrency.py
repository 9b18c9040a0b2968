"""A class's learners arrive together: joins and shares from many threads at once lose nothing."""

from collections import Counter
from concurrent.futures import ThreadPoolExecutor

from tests.classroom.conftest import a_run

LEARNERS = 24


def test_learners_joining_and_sharing_at_once_each_get_a_seat_and_a_value(store, classes):
    made = classes.create(store.workspace(store.new_secret()), "Class", "en")
    classes.set_sweep(made.teacher_key, made.class_id, "batch_size", [32, 64, 128], None)
    start = classes.version(made.class_id)
    learners = [store.workspace(store.new_secret()) for _ in range(LEARNERS)]

    def arrive(index: int):
        member = classes.join(made.join_code, learners[index], f"L{index}")
        classes.share(made.class_id, learners[index], a_run(f"r{index}"))
        return member

    with ThreadPoolExecutor(max_workers=8) as pool:
        members = list(pool.map(arrive, range(LEARNERS)))
    assert len({member.member_id for member in members}) == LEARNERS
    assert Counter(member.sweep_value for member in members) == {32: 8, 64: 8, 128: 8}
    board = classes.board(made.class_id)
    assert board.info.members == LEARNERS and len(board.runs) == LEARNERS
    assert board.info.version == start + 2 * LEARNERS
