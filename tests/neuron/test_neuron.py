"""The single neuron's gradient descent: the tutorial's numbers, autograd, the learning-rate limit,
the several-points fits, and the pieces the page draws from."""

import math

import numpy as np
import pytest
import torch

from core import neuron
from core.neuron import charts, line_fit
from core.neuron.latex import latex_number, step_latex

TUTORIAL = {"x": 1.0, "y_target": 2.0, "w": 0.5, "b": 0.1, "lr": 0.1}


def test_the_tutorials_first_three_steps() -> None:
    records = neuron.gradient_descent(**TUTORIAL, steps=3)
    assert [r.step for r in records] == [1, 2, 3]
    assert [r.y for r in records] == pytest.approx([0.6, 0.88, 1.104], abs=1e-12)
    assert [r.loss for r in records] == pytest.approx([0.98, 0.6272, 0.401408], abs=1e-12)
    assert [r.w_next for r in records] == pytest.approx([0.64, 0.752, 0.8416], abs=1e-12)
    assert [r.b_next for r in records] == pytest.approx([0.24, 0.352, 0.4416], abs=1e-12)
    assert records[0].grad_w == pytest.approx(-1.4) and records[0].grad_b == pytest.approx(-1.4)
    # each step starts where the last one ended
    assert (records[1].w, records[1].b) == (records[0].w_next, records[0].b_next)


def test_the_loss_is_half_the_squared_error() -> None:
    for r in neuron.gradient_descent(x=-2.0, y_target=0.5, w=1.5, b=-1.0, lr=0.05, steps=5):
        assert r.y == pytest.approx(r.w * -2.0 + r.b)
        assert r.loss == pytest.approx(0.5 * (r.y - 0.5) ** 2)


def test_hand_derived_gradients_agree_with_autograd_on_random_inputs() -> None:
    rng = np.random.default_rng(4)
    for x, y_target, w, b in rng.uniform(-5, 5, size=(50, 4)):
        y = neuron.forward(x, w, b)
        hand = neuron.gradients(x, y, y_target)
        auto = neuron.autograd_gradients(x, y_target, w, b)
        assert hand == pytest.approx(auto, rel=1e-12, abs=1e-12)
        assert neuron.gradients_agree(hand, auto)
    assert not neuron.gradients_agree((1.0, 2.0), (1.0, 2.1))


def test_every_step_of_a_run_agrees_with_autograd() -> None:
    for r in neuron.gradient_descent(x=0.7, y_target=-1.3, w=2.0, b=0.4, lr=0.3, steps=10):
        auto = neuron.autograd_gradients(0.7, -1.3, r.w, r.b)
        assert (r.grad_w, r.grad_b) == pytest.approx(auto, rel=1e-12)


def test_the_error_shrinks_by_the_same_factor_every_step() -> None:
    x, y_target, lr = 1.5, 0.5, 0.2
    records = neuron.gradient_descent(x, y_target, -1.0, 2.0, lr, 8)
    errors = [r.y - y_target for r in records]
    factor = neuron.error_factor(x, lr)
    assert factor == pytest.approx(1 - lr * (x * x + 1))
    for before, after in zip(errors, errors[1:], strict=False):
        assert after == pytest.approx(factor * before, rel=1e-9)


@pytest.mark.parametrize("x", [-3.0, -1.0, 0.0, 0.5, 1.0, 2.5])
def test_converges_below_the_limit_and_diverges_above_it(x: float) -> None:
    limit = neuron.lr_limit(x)
    assert limit == pytest.approx(2 / (x * x + 1))
    below = neuron.run_descent(x, 2.0, 0.5, 0.1, 0.95 * limit, 400)
    assert not below.diverged and len(below.records) == 400
    assert below.records[-1].loss < 1e-12
    above = neuron.run_descent(x, 2.0, 0.5, 0.1, 1.05 * limit, 60)
    losses = [r.loss for r in above.records]
    assert all(later > earlier for earlier, later in zip(losses, losses[1:], strict=False))


def test_a_divergent_run_stops_before_overflow_with_finite_numbers() -> None:
    run = neuron.run_descent(x=3.0, y_target=2.0, w=0.5, b=0.1, lr=5.0, steps=1000)
    assert run.diverged and run.steps_asked == 1000
    assert len(run.records) < 20  # the error grows x49 a step: stopped within a few steps
    last = run.records[-1]
    assert max(abs(last.w_next), abs(last.b_next)) > neuron.DIVERGENCE_BOUND
    for r in run.records:
        assert all(math.isfinite(v) for v in (r.w, r.b, r.y, r.loss, r.grad_w, r.grad_b, r.w_next, r.b_next))
    assert neuron.gradient_descent(3.0, 2.0, 0.5, 0.1, 5.0, 1000) == run.records


def test_a_converging_run_is_not_flagged() -> None:
    run = neuron.run_descent(**TUTORIAL, steps=50)
    assert not run.diverged and len(run.records) == 50


def test_regimes_follow_the_error_factor() -> None:
    limit = neuron.lr_limit(1.0)  # 1.0
    assert neuron.regime(1.0, 0.01) == "crawl"
    assert neuron.regime(1.0, TUTORIAL["lr"]) == "converge"
    assert neuron.regime(1.0, 0.8 * limit) == "oscillate"
    assert neuron.regime(1.0, limit) == "edge"
    assert neuron.regime(1.0, 1.01 * limit) == "diverge"


@pytest.mark.parametrize("x", [-3.0, 0.0, 0.3, 1.0, 2.0, 3.0])
def test_the_try_buttons_learning_rates_show_their_behaviour(x: float) -> None:
    for behaviour in neuron.REGIME_EXAMPLES:
        lr = neuron.example_learning_rate(x, behaviour)
        assert lr in neuron.LEARNING_RATES
        assert neuron.regime(x, lr) == behaviour


def test_the_learning_rate_stops() -> None:
    rates = neuron.LEARNING_RATES
    assert rates[0] == 0.001 and TUTORIAL["lr"] in rates
    assert rates[-1] > neuron.lr_limit(0.0)  # past the largest limit there is
    assert list(rates) == sorted(set(rates))
    assert neuron.nearest_learning_rate(0.104) == 0.1


def test_the_loss_surface_is_the_loss_and_the_window_holds_the_path() -> None:
    records = neuron.gradient_descent(**TUTORIAL, steps=20)
    w_range, b_range = neuron.path_bounds(records)
    for r in records:
        assert w_range[0] < r.w < w_range[1] and b_range[0] < r.b < b_range[1]
    ws, bs, losses = neuron.loss_surface(1.0, 2.0, w_range, b_range, size=21)
    assert losses.shape == (21, 21)
    assert losses[3, 7] == pytest.approx(neuron.squared_error(neuron.forward(1.0, ws[7], bs[3]), 2.0))


def test_step_formulas_carry_the_steps_numbers() -> None:
    record = neuron.gradient_descent(**TUTORIAL, steps=1)[0]
    formulas = step_latex(record, 1.0, 2.0, 0.1)
    assert formulas["forward"].endswith("= 0.6")
    assert formulas["loss"].endswith("= 0.98")
    assert "(-1.4)" in formulas["gradients"] and formulas["gradients"].endswith("= -1.4")
    assert "= 0.64" in formulas["update"] and formulas["update"].endswith("= 0.24")
    assert latex_number(1.5e7) == r"1.5 \times 10^{7}"
    assert latex_number(-0.0) == "0"
    assert latex_number(float("nan")) == r"\mathrm{NaN}"


def test_frame_tables_and_specs() -> None:
    records = neuron.gradient_descent(**TUTORIAL, steps=5)
    path = charts.path_table(records, 2)
    assert list(path["w"]) == pytest.approx([0.5, 0.64, 0.752, 0.8416])
    assert list(path["last"]) == [False, False, False, True]
    assert list(charts.loss_table(records, 2)["losses"]["loss"]) == pytest.approx([0.98, 0.6272, 0.401408])
    spec = charts.loss_curve_spec((0.0, 1.0), False, 5, step_title="step", loss_title="loss")
    filled = charts.with_data(spec, charts.loss_table(records, 0))
    assert "datasets" not in spec and set(filled["datasets"]) == {"losses"}
    assert spec["data"] == {"name": "losses"}
    lo, hi = charts.loss_domain(records, log_scale=True)
    assert 0 < lo < min(r.loss for r in records) and hi > max(r.loss for r in records)


def test_a_diverging_line_view_keeps_the_target_in_sight() -> None:
    run = neuron.run_descent(x=1.0, y_target=2.0, w=0.5, b=0.1, lr=2.0, steps=50)
    _, (y_lo, y_hi) = charts.line_domains(run.records, 1.0, 2.0)
    assert y_lo < 2.0 < y_hi and y_hi - y_lo < 150


def test_contour_lines_lie_on_their_levels() -> None:
    ws, bs, losses = neuron.loss_surface(1.0, 2.0, (-1, 3), (-1, 3), size=31)
    contours = charts.contour_lines(ws, bs, losses, levels=4)
    assert len(contours) > 0
    level_losses = 0.5 * (contours["w"] * 1.0 + contours["b"] - 2.0) ** 2
    assert len(np.unique(np.round(level_losses, 6))) <= 4  # every point sits on one of 4 levels


# -- several points -----------------------------------------------------------------------------

def test_full_batch_descent_reaches_least_squares_below_its_limit() -> None:
    xs, ys = line_fit.noisy_points()
    best = line_fit.least_squares(xs, ys)
    limit = line_fit.batch_lr_limit(xs)
    path = line_fit.batch_descent(xs, ys, 0.0, 0.0, 0.9 * limit, 300)
    assert not path.diverged and len(path.w) == 301
    assert (path.w[-1], path.b[-1]) == pytest.approx(best, abs=1e-6)
    assert np.all(np.diff(path.loss) <= 1e-12)  # below the limit the mean loss never rises
    above = line_fit.batch_descent(xs, ys, 0.0, 0.0, 1.1 * limit, 5000)
    assert above.diverged and np.all(np.isfinite(above.loss))


def test_the_batch_step_follows_the_mean_gradient_from_autograd() -> None:
    xs, ys = line_fit.noisy_points(n=6, seed=3)
    w = torch.tensor(0.3, dtype=torch.float64, requires_grad=True)
    b = torch.tensor(-0.2, dtype=torch.float64, requires_grad=True)
    loss = (0.5 * (w * torch.from_numpy(xs) + b - torch.from_numpy(ys)) ** 2).mean()
    loss.backward()
    path = line_fit.batch_descent(xs, ys, 0.3, -0.2, 0.1, 1)
    assert path.w[1] == pytest.approx(0.3 - 0.1 * float(w.grad))
    assert path.b[1] == pytest.approx(-0.2 - 0.1 * float(b.grad))
    assert path.loss[0] == pytest.approx(float(loss.detach()))


def test_stochastic_descent_takes_one_step_per_point_and_wobbles_near_the_best() -> None:
    xs, ys = line_fit.noisy_points()
    best_loss = line_fit.mean_loss(xs, ys, *line_fit.least_squares(xs, ys))
    path = line_fit.stochastic_descent(xs, ys, 0.0, 0.0, 0.1, 20)
    assert len(path.w) == 20 * len(xs) + 1
    assert path.epoch[-1] == pytest.approx(20)
    assert best_loss <= path.loss[-1] < 1.5 * best_loss
    same = line_fit.stochastic_descent(xs, ys, 0.0, 0.0, 0.1, 20)
    assert np.array_equal(path.w, same.w)  # seeded: the same order every time
    assert line_fit.stochastic_descent(xs, ys, 0.0, 0.0, 5.0, 20).diverged


def test_the_mean_loss_surface_is_the_mean_loss() -> None:
    xs, ys = line_fit.noisy_points()
    ws, bs, losses = line_fit.mean_loss_surface(xs, ys, (-1, 3), (-1, 2), size=11)
    assert losses[4, 6] == pytest.approx(line_fit.mean_loss(xs, ys, ws[6], bs[4]))
