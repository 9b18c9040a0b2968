"""The board's charts are built once per version of a class and only marked for each viewer: a learner's
copy says which rows are their own runs (drawn thicker, or in red), and nobody else's copy changes."""

from core.classroom.charts import curves_chart, marked_as_mine, sweep_chart

TITLES = {"epoch": "epoch", "accuracy": "accuracy", "who": "who", "run": "run", "colour": "lr",
          "setting": "lr", "description": "d"}


def rows():
    return [{"share_id": share, "nickname": who, "name": share, "recipe": {"lr": lr},
             "epochs": [{"epoch": 1, "test_acc": acc}, {"epoch": 2, "test_acc": acc + 1}],
             "final_acc": acc + 1, "seconds": 3.0, "mine": False} for share, who, lr, acc in
            (("a", "ada", 0.01, 90.0), ("b", "bo", 0.1, 95.0), ("c", "ada", 0.5, 80.0))]


def own_rows(spec: dict) -> set[tuple]:
    return {(row["share"], row["mine"]) for data in spec["datasets"].values() for row in data}


def test_a_viewers_copy_marks_only_their_runs_and_leaves_the_shared_spec_alone():
    for chart in (curves_chart(rows(), "lr", titles=TITLES), sweep_chart(rows(), "lr", titles=TITLES)):
        shared = chart.to_dict()
        before = own_rows(shared)
        mine = marked_as_mine(shared, {"a", "c"})
        assert own_rows(mine) == {("a", True), ("b", False), ("c", True)}
        assert own_rows(shared) == before == {("a", False), ("b", False), ("c", False)}
        assert "datum.mine" in str(mine)  # the chart draws by that field
