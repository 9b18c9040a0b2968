"""Predict first, then see: prompts that ask the learner to guess before a lesson shows its answer,
the truth computed by the lesson's own code, graded by bands, and the gap explained."""

from core.predictions.lessons import (  # noqa: F401  the package's main API
    CONV_TOP_LEFT,
    MODEL_CONV2,
    MODEL_FC1,
    MODEL_POOL2,
    NEURON_REGIME,
    NEURON_STEPS,
    PROMPTS,
    TRAIN_ACCURACY,
    run_values,
)
from core.predictions.prompt import (  # noqa: F401
    CLOSE,
    RIGHT,
    SKIPPED,
    WRONG,
    Choice,
    Number,
    Prompt,
    Truth,
    grade,
    lock,
    pending,
    readable,
    reveal,
)
