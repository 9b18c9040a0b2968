"""The design and sketch pages' prompts. Every truth comes from the lesson's own code: the design
page's two experiments (their results, once they have run) and the sketch lab's rotation of the
learner's own digit read by the active model. Not here: the other lessons' prompts (lessons.py),
how a prompt is asked (ui/prediction.py)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.design.experiments import DEEP_HIDDEN, ActivationResult, ConvolutionResult
from core.predictions.prompt import Choice, Number, Prompt, Truth, Values
from core.sketch.robustness import rotation_sweep

# --- design: why convolution? ---------------------------------------------------------------------

SAME_BAND = 2.0  # points: two losses this close are "about the same" (a small budget's run-to-run noise)


def changes(result: ConvolutionResult) -> dict[str, float]:
    """Each network's test accuracy on shuffled minus original pixels, in points, from the values the
    page's table shows (one decimal), so the reveal's arithmetic can be checked against it."""
    return {name: round(result.accuracy[(name, True)], 1) - round(result.accuracy[(name, False)], 1)
            for name in ("mlp", "lenet")}


def _signed(points: float) -> str:
    return f"{points:+.1f}".replace("-", "−")


def shuffle_truth(values: Values) -> Truth | None:
    """Which network loses more accuracy to the shuffle: "lenet", "mlp" or "same" (None: not run yet)."""
    result: ConvolutionResult | None = values.get("result")
    if result is None:
        return None
    change = changes(result)
    gap = change["mlp"] - change["lenet"]  # positive: LeNet lost more
    loser = "same" if abs(gap) <= SAME_BAND else "lenet" if gap > 0 else "mlp"
    fields = {f"{name}_{kind}": f"{result.accuracy[(name, shuffled)]:.1f}"
              for name in ("mlp", "lenet") for kind, shuffled in (("original", False), ("shuffled", True))}
    fields.update({f"{name}_change": _signed(points) for name, points in change.items()})
    fields["band"] = f"{SAME_BAND:g}"
    return Truth(loser, fields=fields, explain=f"explain.{loser}")


DESIGN_SHUFFLE = Prompt("design_shuffle", Choice(("lenet", "mlp", "same")), shuffle_truth,
                        asked=lambda values: {"band": f"{SAME_BAND:g}"})

# --- design: why ReLU? ----------------------------------------------------------------------------

GRADIENT_PLACES = ("first", "middle", "last")  # a scale: from the input side to the loss


def mean_gradients(result: ActivationResult, fn: str) -> np.ndarray:
    """Each weight layer's mean |gradient| over the run, input side first (as the page's chart)."""
    return result.gradients[fn].mean(axis=0)


def place(index: int, count: int) -> str:
    """"first", "middle" or "last" for layer `index` of `count`."""
    return "first" if index == 0 else "last" if index == count - 1 else "middle"


SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def scientific(x: float) -> str:
    """A small number as a learner reads it: 8.2 × 10⁻⁷."""
    mantissa, exponent = f"{x:.1e}".split("e")
    return f"{mantissa} × 10{str(int(exponent)).translate(SUPERSCRIPT)}"


def gradient_truth(values: Values) -> Truth | None:
    """Where the sigmoid network's smallest mean gradient is (None: not run yet)."""
    result: ActivationResult | None = values.get("result")
    if result is None:
        return None
    sigmoid = mean_gradients(result, "sigmoid")
    smallest = int(sigmoid.argmin())
    where = place(smallest, len(sigmoid))
    ratio = mean_gradients(result, "relu")[0] / sigmoid[0]  # as the page's explanation says it
    return Truth(where, explain="explain" if where == "first" else "explain_other", fields={
        "first": scientific(sigmoid[0]), "last": scientific(sigmoid[-1]),
        "shrink": f"{sigmoid[-1] / sigmoid[0]:,.0f}",
        "smallest": result.layers[smallest], "smallest_size": scientific(sigmoid[smallest]),
        "hidden": len(DEEP_HIDDEN), "ratio": f"{ratio:,.0f}"})


DESIGN_GRADIENT = Prompt("design_gradient", Choice(GRADIENT_PLACES, ordered=True), gradient_truth,
                         asked=lambda values: {"layers": len(DEEP_HIDDEN) + 1, "hidden": len(DEEP_HIDDEN)})

# --- sketch: how far can your digit turn? ---------------------------------------------------------

HALF_TURN = 180  # degrees either way: every rotation there is; also the answer that means "never"


@dataclass(frozen=True)
class Misread:
    """The smallest turn at which the model reads the digit as another one."""

    angle: int  # degrees, counter-clockwise positive, as the lab's slider
    read_as: int
    confidence: float  # the model's probability of the digit itself at that angle


def first_misread(model, image: np.ndarray, digit: int) -> Misread | None:
    """The smallest whole-degree turn, either way, at which the lab's rotation of `image` is read as
    another digit than `digit` (counter-clockwise first on a tie); None when no turn fools it."""
    angles = np.arange(-HALF_TURN, HALF_TURN + 1)
    sweep = rotation_sweep(model, image, angles=angles, digit=digit)
    wrong = np.flatnonzero(sweep.predicted != digit)
    if len(wrong) == 0:
        return None
    index = min(wrong, key=lambda i: (abs(angles[i]), -angles[i]))
    return Misread(int(angles[index]), int(sweep.predicted[index]), float(sweep.confidence[index]))


def rotation_truth(values: Values) -> Truth:
    """The first misread's angle in degrees (HALF_TURN, "never", when no turn fools the model), from
    values `model`, `image` (the lab's 28 x 28 digit), `digit` (its reading) and `reach` (the slider's
    largest angle)."""
    digit, reach = values["digit"], values["reach"]
    misread = first_misread(values["model"], values["image"], digit)
    if misread is None:
        return Truth(HALF_TURN, explain="explain.never", fields={"digit": digit})
    turn = abs(misread.angle)
    return Truth(turn, explain="explain.within" if turn <= reach else "explain.beyond", fields={
        "digit": digit, "read_as": misread.read_as, "angle": turn, "before": turn - 1, "reach": reach,
        "slider": str(misread.angle).replace("-", "−"), "confidence": f"{misread.confidence:.0%}"})


SKETCH_ROTATION = Prompt(
    "sketch_rotation", Number(right=0.25, close=0.5, relative=True, floor=3, low=0, high=HALF_TURN, step=1,
                              format="{:g}°"),
    rotation_truth, asked=lambda values: {"digit": values["digit"], "reach": values["reach"]})

PROMPTS = {prompt.id: prompt for prompt in (DESIGN_SHUFFLE, DESIGN_GRADIENT, SKETCH_ROTATION)}
