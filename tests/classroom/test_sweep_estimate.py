"""A sweep's finish estimate: the median time of the sweep's own shared runs once there are any, runs beyond
the budget or the values not counted, the workers sharing the queue."""

from core.classroom.sweep import ASSUMED_RUN_S, finish_estimate, sweep_runs

SWEEP = {"setting": "lr", "values": [0.01, 0.1, 0.5], "budget": {"train_size": 5000, "epochs": 1}}


def recipe(lr: float, **changes) -> dict:
    return {"lr": lr, "train_size": 5000, "epochs": 1, "batch_size": 64, **changes}


def test_before_any_run_it_assumes_a_run_time_for_every_member():
    estimate = finish_estimate(SWEEP, [], members=12, workers=2)
    assert estimate == {"done": 0, "runs": 12, "seconds": ASSUMED_RUN_S, "measured": False,
                        "minutes": 6 * ASSUMED_RUN_S / 60}


def test_it_measures_the_median_of_the_sweeps_own_runs_and_ignores_the_others():
    shared = [(recipe(0.01), 20.0), (recipe(0.1), 40.0), (recipe(0.5), 30.0),
              (recipe(0.1, train_size=60000), 900.0), (recipe(0.2), 5.0)]  # off the budget, off the values
    assert len(sweep_runs(SWEEP, [r for r, _ in shared])) == 3
    estimate = finish_estimate(SWEEP, shared, members=7, workers=2)
    assert estimate == {"done": 3, "runs": 7, "seconds": 30.0, "measured": True, "minutes": 2 * 30.0 / 60}


def test_a_class_smaller_than_the_sweep_still_runs_every_value_and_a_done_sweep_takes_no_time():
    assert finish_estimate(SWEEP, [], members=1, workers=1)["runs"] == 3
    done = [(recipe(lr), 10.0) for lr in SWEEP["values"]]
    assert finish_estimate(SWEEP, done, members=3, workers=1)["minutes"] == 0
