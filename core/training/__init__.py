"""Training LeNet: the engine (`fit`), a page's run session, confusion, curves, text."""

from core.training.engine import (  # noqa: F401  the package's main API
    EPOCH_RANGE,
    OPTIMIZERS,
    PRESETS,
    RECIPE_FIELDS,
    SCHEDULES,
    BatchEvent,
    EpochEvent,
    TrainConfig,
    TrainingRun,
    check_config,
    device_name,
    device_reason,
    eta_s,
    evaluate,
    fit,
    make_optimizer,
    pick_device,
    seeded_model,
    subset_indices,
)
