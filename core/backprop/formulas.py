"""Each backward step of the small network as LaTeX: the chain rule in symbols, then with numbers."""

from __future__ import annotations

from core.backprop.small_network import BackwardStep
from core.neuron.latex import latex_number

SYMBOLS = {"L": "L", "y": "y", "c": "c", "v1": "v_1", "v2": "v_2", "h1": "h_1", "h2": "h_2",
           "z1": "z_1", "z2": "z_2", "w11": "w_{11}", "w12": "w_{12}", "b1": "b_1",
           "w21": "w_{21}", "w22": "w_{22}", "b2": "b_2", "x1": "x_1", "x2": "x_2",
           "target": "t"}
# for a product node, the local derivative is the other factor: dy/dv1 = h1, dz1/dw11 = x1, ...
OTHER_FACTOR = {"v1": "h1", "v2": "h2", "h1": "v1", "h2": "v2",
                "w11": "x1", "w12": "x2", "w21": "x1", "w22": "x2"}


def _number(value: float) -> str:
    """A number ready to be multiplied: negative ones in brackets."""
    text = latex_number(value, digits=4)
    return f"({text})" if value < 0 else text


def gradient_symbol(node: str) -> str:
    """dL/d(node) as LaTeX."""
    return rf"\frac{{\partial L}}{{\partial {SYMBOLS[node]}}}"


def local_symbol(step: BackwardStep) -> str:
    """The local derivative d(parent)/d(node) in symbols, e.g. h_1 or σ(z_1)(1 − σ(z_1))."""
    if step.local_rule == "sum":
        return "1"
    if step.local_rule == "times":
        return SYMBOLS[OTHER_FACTOR[step.node]]
    z = SYMBOLS[step.node]
    if step.local_rule == "relu":
        return rf"\mathbf{{1}}[{z} > 0]"
    return rf"\sigma({z})\,(1 - \sigma({z}))"


def step_latex(step: BackwardStep, values: dict[str, float]) -> str:
    """The step's formula: the chain rule, the numbers put in, the result."""
    n = latex_number
    if step.local_rule == "seed":
        return r"\frac{\partial L}{\partial L} = 1"
    if step.local_rule == "square":
        return (rf"{gradient_symbol('y')} = y - {SYMBOLS['target']} = {n(values['y'], 4)} - "
                rf"{_number(values['target'])} = {n(step.gradient, 4)}")
    parent = SYMBOLS[step.parent]
    chain = (rf"{gradient_symbol(step.node)} = {gradient_symbol(step.parent)} \cdot "
             rf"\frac{{\partial {parent}}}{{\partial {SYMBOLS[step.node]}}}")
    return (rf"{chain} = {gradient_symbol(step.parent)} \cdot {local_symbol(step)} = "
            rf"{_number(step.upstream)} \times {_number(step.local)} = {n(step.gradient, 4)}")


# the network, one line per layer, for the page's st.latex
NETWORK_LATEX = (
    r"z_j = w_{j1}\,x_1 + w_{j2}\,x_2 + b_j \qquad h_j = \mathrm{act}(z_j) \qquad (j = 1, 2)",
    r"y = v_1 h_1 + v_2 h_2 + c \qquad L = \tfrac{1}{2}\,(y - t)^2",
)
