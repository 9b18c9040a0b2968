"""The four phases of one gradient-descent step as LaTeX, with the step's numbers put in."""

from __future__ import annotations

import math

from core.neuron import Step

PHASES = ("forward", "loss", "gradients", "update")
TARGET = r"y_{\mathrm{target}}"
D_W = r"\frac{\partial L}{\partial w}"
D_B = r"\frac{\partial L}{\partial b}"


def latex_number(value: float, digits: int = 6) -> str:
    """A number as LaTeX: up to `digits` significant digits, powers of ten when very large or small."""
    if not math.isfinite(value):
        return r"\infty" if value > 0 else (r"-\infty" if value < 0 else r"\mathrm{NaN}")
    text = f"{value:.{digits}g}"
    if "e" not in text:
        return "0" if text == "-0" else text
    mantissa, exponent = text.split("e")
    return rf"{mantissa} \times 10^{{{int(exponent)}}}"


def _factor(value: float) -> str:
    """A number ready to be multiplied: negative ones in brackets."""
    text = latex_number(value)
    return f"({text})" if value < 0 else text


def _minus(value: float) -> str:
    """"- value", with a negative value bracketed."""
    return rf"- {_factor(value)}"


def step_latex(record: Step, x: float, y_target: float, lr: float) -> dict[str, str]:
    """Phase name -> its formula, first in symbols, then with numbers, then the result."""
    n = latex_number
    return {
        "forward": rf"y = w\,x + b = {_factor(record.w)} \times {_factor(x)} + {_factor(record.b)}"
                   rf" = {n(record.y)}",
        "loss": rf"L = \tfrac{{1}}{{2}}\,(y - {TARGET})^2"
                rf" = \tfrac{{1}}{{2}}\,({n(record.y)} {_minus(y_target)})^2 = {n(record.loss)}",
        "gradients": rf"{D_W} = (y - {TARGET})\,x = {_factor(record.y - y_target)} \times {_factor(x)}"
                     rf" = {n(record.grad_w)} \qquad {D_B} = y - {TARGET} = {n(record.grad_b)}",
        "update": rf"w \leftarrow w - \eta\,{D_W} = {n(record.w)} - {n(lr)} \times {_factor(record.grad_w)}"
                  rf" = {n(record.w_next)} \qquad b \leftarrow b - \eta\,{D_B} = {n(record.b)} - {n(lr)}"
                  rf" \times {_factor(record.grad_b)} = {n(record.b_next)}",
    }
