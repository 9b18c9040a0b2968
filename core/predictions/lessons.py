"""The lessons' prompts. Every truth is computed by the lesson's own code from what the page has on
screen (never typed in here): the neuron's descent and its 2/(x²+1) rule, the convolution's filter,
the model's layer table, the training run's results."""

from __future__ import annotations

import numpy as np

from core import neuron
from core.convolution.filters import (
    KERNELS,
    LETTER_X,
    apply_filter,
    flipped_convolution,
    products_expression,
    signed,
)
from core.model import layer_table
from core.predictions.prompt import Choice, Curve, Number, Point, Prompt, Truth, Values

# --- one neuron -----------------------------------------------------------------------------------

LOSS_GOAL = 0.01  # "how many steps until the loss is below 0.01?"
STEPS_CAP = 5000  # a crawl at the slider's smallest rate needs about 1,200: the cap only ends a stall
BEHAVIOURS = ("crawl", "converge", "oscillate", "diverge")  # a scale: the factor 1 − η(x²+1) falls


def _lr(values: Values) -> dict:
    return {"lr": f"{values['lr']:g}", "x": f"{values['x']:g}"}


def behaviour(x: float, lr: float) -> str:
    """The answer to "crawls, converges, oscillates or diverges?": the lesson's `regime`, where the
    very edge (bouncing between two points for ever, never settling) counts as oscillating."""
    found = neuron.regime(x, lr)
    return "oscillate" if found == "edge" else found


def regime_truth(values: Values) -> Truth:
    x, lr = values["x"], values["lr"]
    limit = neuron.lr_limit(x)
    run = neuron.run_descent(x, values["target"], values["w0"], values["b0"], lr, values["steps"])
    first, last = run.records[0], run.records[-1]
    return Truth(behaviour(x, lr), explain=f"explain.{neuron.regime(x, lr)}", fields={
        "lr": f"{lr:g}", "limit": f"{limit:.4g}", "half": f"{limit / 2:.4g}", "ratio": f"{lr / limit:.3g}",
        "f": signed(neuron.error_factor(x, lr), ".3g"), "steps": last.step,
        "first": f"{first.loss:.3g}", "last": f"{last.loss:.3g}"})


NEURON_REGIME = Prompt("neuron_regime", Choice(BEHAVIOURS, ordered=True), regime_truth, asked=_lr)


def steps_to_goal(x: float, y_target: float, w: float, b: float, lr: float) -> int | None:
    """How many steps of `gradient_descent` until the loss is below LOSS_GOAL (0: it already is;
    None: not within STEPS_CAP steps, or the run diverged)."""
    if neuron.squared_error(neuron.forward(x, w, b), y_target) < LOSS_GOAL:
        return 0
    for record in neuron.gradient_descent(x, y_target, w, b, lr, STEPS_CAP):
        if neuron.squared_error(neuron.forward(x, record.w_next, record.b_next), y_target) < LOSS_GOAL:
            return record.step
    return None


def _steps(values: Values) -> int | None:
    return steps_to_goal(values["x"], values["target"], values["w0"], values["b0"], values["lr"])


def steps_truth(values: Values) -> Truth | None:
    n = _steps(values)
    if n is None:
        return None
    x, y_target, lr = values["x"], values["target"], values["lr"]
    row = n + 1  # the table shows each step's loss before its update: the loss after n steps is row n + 1
    after = neuron.gradient_descent(x, y_target, values["w0"], values["b0"], lr, n)
    loss = neuron.squared_error(neuron.forward(x, after[-1].w_next, after[-1].b_next), y_target)
    factor = neuron.error_factor(x, lr)
    return Truth(n, explain="explain" if row <= values["steps"] else "explain_beyond", fields={
        "n": n, "row": row, "loss": f"{loss:.3g}", "first": f"{after[0].loss:.3g}",
        "f": signed(factor, ".3g"), "f2": f"{factor * factor:.3g}", "lr": f"{values['lr']:g}"})


NEURON_STEPS = Prompt(
    "neuron_steps", Number(right=0.2, close=0.5, relative=True, floor=1, low=0, high=STEPS_CAP, step=1,
                           format="{:,.0f}"),
    steps_truth, asked=_lr, applies=lambda values: bool(_steps(values)))

# --- convolution ----------------------------------------------------------------------------------


def top_left_truth(values: Values) -> Truth:
    kernel = KERNELS["horizontal_edge"]
    correlation = float(apply_filter(LETTER_X, kernel)[0, 0])
    convolution = float(flipped_convolution(LETTER_X, kernel)[0, 0])
    return Truth(correlation, near=(convolution,) if convolution != correlation else (), fields={
        "value": signed(correlation), "flipped": signed(convolution),
        "sum": products_expression(LETTER_X, kernel, 0, 0)})


CONV_TOP_LEFT = Prompt("conv_top_left", Number(right=0, close=0, low=-9, high=9, step=1, format="{:g}"),
                       top_left_truth)


BRIGHTEST_TIES = 20  # a flat map has many maxima: any of the first few counts, the rest are not listed


def window_centre(kernel: np.ndarray) -> tuple[int, int]:
    """How far a map's pixel is from the digit's pixel at the centre of its window (a "valid" filter
    loses half a kernel on each side)."""
    return kernel.shape[0] // 2, kernel.shape[1] // 2


def brightest_truth(values: Values) -> Truth:
    """Where the filtered map of the digit (`image`, in [0, 1]) by `kernel` is largest: the digit's
    pixel at the centre of that window, [row, col]; windows tied with it count as well."""
    kernel = np.asarray(values["kernel"], dtype=float)
    filtered = apply_filter(np.asarray(values["image"], dtype=float), kernel)
    top = float(filtered.max())
    ties = np.argwhere(np.abs(filtered - top) <= 1e-9 * max(1.0, abs(top)))
    down, right = window_centre(kernel)
    points = [[int(row) + down, int(col) + right] for row, col in ties[:BRIGHTEST_TIES]]
    return Truth(points[0], near=tuple(points[1:]), explain="explain" if len(ties) == 1 else "explain_ties",
                 fields={"value": f"{top:.2f}", "row": points[0][0] + 1, "col": points[0][1] + 1,
                         "ties": len(ties), "side": filtered.shape[0]})


def _digit(values: Values) -> dict:
    return {"index": values["index"], "label": values["label"],
            "kernel": np.asarray(values["kernel"], dtype=float).tolist()}


CONV_BRIGHTEST = Prompt("conv_brightest", Point(right=2, close=5), brightest_truth, asked=_digit)

# --- inside LeNet -----------------------------------------------------------------------------------


def _row(values: Values, name: str):
    return next((row for row in layer_table(values["design"]) if row.name == name), None)


def _before(name: str):
    """The question's fields: the shape that comes into layer `name` (from the table before it)."""
    def asked(values: Values) -> dict:
        rows = layer_table(values["design"])
        index = next(i for i, row in enumerate(rows) if row.name == name)
        shape = rows[index - 1].output_shape if index else (1, 28, 28)
        out = rows[index].output_shape
        return {"before": " × ".join(map(str, shape)), "outputs": " × ".join(map(str, out))}
    return asked


def side_truth(name: str):
    def truth(values: Values) -> Truth:
        row = _row(values, name)
        return Truth(row.output_shape[-1], fields={
            "shape": " × ".join(map(str, row.output_shape)), "formula": row.size_formula})
    return truth


def fc1_truth(values: Values) -> Truth:
    row = _row(values, "fc1")
    total = sum(each.parameters for each in layer_table(values["design"]))
    return Truth(row.parameters, fields={"formula": row.parameter_formula,
                                         "share": f"{100 * row.parameters / total:.0f}"})


def _has(*names: str):
    return lambda values: all(_row(values, name) is not None for name in names)


SIDE = Number(right=0, close=1, low=0, high=1000, step=1, format="{:g}")
MODEL_CONV2 = Prompt("model_conv2", SIDE, side_truth("conv2"), asked=_before("conv2"), applies=_has("conv2"))
# pool2's question does not name what comes in: that is conv2's answer
MODEL_POOL2 = Prompt("model_pool2", SIDE, side_truth("pool2"), applies=_has("pool2"))
MODEL_FC1 = Prompt("model_fc1", Number(right=0, close=0.05, relative=True, low=0, high=10**8, step=1,
                                      format="{:,.0f}"), fc1_truth, asked=_before("fc1"), applies=_has("fc1"))

# --- training ---------------------------------------------------------------------------------------


def accuracy_truth(values: Values) -> Truth | None:
    """The finished run's test accuracy, once there is one (values: `run`, `test_acc`, `epochs`)."""
    if values.get("test_acc") is None:
        return None
    return Truth(round(float(values["test_acc"]), 2), fields={"epochs": f"{float(values['epochs']):g}"},
                 explain="explain" if float(values["epochs"]) != 1 else "explain_one")


def run_values(session, planned: int | None = None) -> dict:
    """What the training page has of its run (a `core.training.session.TrainingSession` or None) for
    TRAIN_ACCURACY and TRAIN_CURVE: the run's id, and once it is done its test accuracy, epochs and
    test-accuracy curve [[epoch, accuracy], ...]; `planned`: the epochs the settings ask for now."""
    from core.training.session import DONE

    done = session is not None and session.status == DONE and session.results is not None
    return {"run": None if session is None else session.record.id,
            "test_acc": float(session.results.test_acc) if done else None,
            "epochs": float(session.epochs_done) if done else None,
            "curve": [[float(row["epoch"]), float(row["test_acc"])] for row in session.curves.epochs]
            if done and session.curves.epochs else None,
            "planned": planned}


TRAIN_ACCURACY = Prompt("train_accuracy", Number(right=1, close=3, low=0, high=100, step=0.1,
                                                 format="{:.1f}%"),
                        accuracy_truth, later="run")


def curve_epochs(last: float) -> tuple[float, float, float]:
    """Where a curve's three values sit: after the first epoch, at the middle, at the end."""
    return 1.0, 1.0 + (float(last) - 1.0) / 2, float(last)


def epoch_text(epoch: float) -> str:
    return f"{epoch:g}"


def curve_truth(values: Values) -> Truth | None:
    """The finished run's test accuracy at the curve's three epochs (read off its curve, joined by
    straight lines between epochs), once there is one."""
    rows = values.get("curve")
    if not rows:
        return None
    epochs, accuracies = [row[0] for row in rows], [row[1] for row in rows]
    at = curve_epochs(epochs[-1])
    real = [round(float(np.interp(epoch, epochs, accuracies)), 2) for epoch in at]
    return Truth(real, fields={
        "first": f"{real[0]:.1f}%", "middle": f"{real[1]:.1f}%", "end": f"{real[2]:.1f}%",
        "middle_epoch": epoch_text(at[1]), "end_epoch": epoch_text(at[2]), "at": list(at),
        "curve": [list(r) for r in rows]})


def _planned(values: Values) -> dict:
    at = curve_epochs(values.get("planned") or 1)
    return {"middle_epoch": epoch_text(at[1]), "end_epoch": epoch_text(at[2]), "at": list(at)}


TRAIN_CURVE = Prompt("train_curve", Curve(right=1.5, close=4), curve_truth, asked=_planned,
                     applies=lambda values: (values.get("planned") or 0) >= 2, later="run")

# --- training: what one change does ---------------------------------------------------------------

SAME_BAND = 0.3  # points of test accuracy either way that count as "about the same"
CHANGE_OUTCOMES = ("worse", "same", "better")  # a scale: "same" is next to both


def one_change(before, after, design_before, design_after) -> tuple[str, object, object] | None:
    """The one setting (field, before, after) in which recipe `after` differs from `before`, with the
    designs compared too (as the bench's "what differs" does); None for none or several."""
    from core.experiments.store import MENTION_ORDER

    changes = [(name, getattr(before, name), getattr(after, name))
               for name in MENTION_ORDER if getattr(before, name) != getattr(after, name)]
    if design_before != design_after:
        changes.append(("architecture", None, None))
    return changes[0] if len(changes) == 1 else None


def change_values(runs: list, session, chosen, design) -> dict:
    """What TRAIN_CHANGE needs from the training page: the finished run the next one is compared with
    (the newest on the bench) and the one setting `chosen` changes from it; and for the reveal, the
    session's run and the finished run before it on the bench (`runs`, oldest first)."""
    from core.training.record import DONE, RUNNING

    done = [run for run in runs if run.status == DONE and run.final_acc is not None]
    latest = done[-1] if done else None
    record = None if session is None else session.record
    training = record is not None and record.status == RUNNING  # the settings are that run's: no question
    change = None if latest is None or training else one_change(latest.config, chosen, latest.design, design)
    finished = record is not None and record.status == DONE and record.final_acc is not None
    earlier = [run for run in runs if record is not None and run.created_at < record.created_at]
    before = next((run for run in reversed(earlier) if run in done), None)
    return {"run": None if record is None else record.id, "change": change,
            "test_acc": record.final_acc if finished else None,
            "before": None if before is None else before.id,
            "before_acc": None if before is None else before.final_acc}


def change_truth(values: Values) -> Truth | None:
    """Better, worse or about the same: the session's finished run against the run before it."""
    if values.get("test_acc") is None or values.get("before_acc") is None:
        return None
    delta = float(values["test_acc"]) - float(values["before_acc"])
    outcome = "same" if abs(delta) <= SAME_BAND + 1e-9 else "better" if delta > 0 else "worse"
    return Truth(outcome, fields={"before": f"{values['before_acc']:.2f}%",
                                  "after": f"{values['test_acc']:.2f}%",
                                  "delta": signed(round(delta, 2), "+.2f"), "band": f"{SAME_BAND:g}",
                                  "before_run": values["before"], "after_run": values["run"]})


def _change(values: Values) -> dict:
    field, before, after = values["change"]
    return {"field": field, "before": before, "after": after}


TRAIN_CHANGE = Prompt("train_change", Choice(CHANGE_OUTCOMES, ordered=True), change_truth, asked=_change,
                      applies=lambda values: values.get("change") is not None
                      and values["change"][0] != "architecture", later="run")

PROMPTS = {prompt.id: prompt for prompt in (NEURON_REGIME, NEURON_STEPS, CONV_TOP_LEFT, CONV_BRIGHTEST,
                                            MODEL_CONV2, MODEL_POOL2, MODEL_FC1, TRAIN_ACCURACY,
                                            TRAIN_CURVE, TRAIN_CHANGE)}
