"""The networks every lesson shares: the tutorial's LeNet, any network described as data
(a design), their layer tables, and what they compute layer by layer."""

from core.model.design import LENET, PRESETS, DesignError  # noqa: F401  the package's main API
from core.model.lenet import LeNet, layer_table, parameter_count  # noqa: F401
from core.model.network import (  # noqa: F401
    DesignedNet,
    activations,
    build_model,
    design_of,
    image_activations,
    probabilities,
)
from core.model.shapes import LayerRow, layer_rows  # noqa: F401
