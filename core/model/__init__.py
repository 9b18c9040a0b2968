"""The LeNet model every lesson shares, and the model page's layer table and charts."""

from core.model.lenet import (  # noqa: F401  the package's main API
    KINDS,
    LayerRow,
    LeNet,
    activations,
    image_activations,
    layer_table,
    parameter_count,
    probabilities,
)
