"""The golden runs: seed 0 on 2,000 training images, the classic and the fast recipes, give
bit-identical batch losses and final weights to the figures recorded from the code before the
training loop was reworked (`golden_runs.json`). A refactor of the loop must not move a bit.

Recorded on one torch thread (the training worker's count on a 2-core machine), on the CPU:

    .venv/bin/python -m tests.training.test_golden_runs --record
"""

from __future__ import annotations

import hashlib
import json
import sys
from dataclasses import replace
from pathlib import Path

import pytest
import torch

from core.training import PRESETS, EpochEvent, fit, seeded_model

GOLDEN = Path(__file__).with_name("golden_runs.json")
TRAIN_SIZE = 2_000


def weights_digest(model: torch.nn.Module) -> str:
    """sha256 over every tensor's name and bytes, in the state dict's order."""
    digest = hashlib.sha256()
    for name, tensor in model.state_dict().items():
        digest.update(name.encode())
        digest.update(tensor.detach().cpu().contiguous().numpy().tobytes())
    return digest.hexdigest()


def golden_run(preset: str) -> dict:
    """One run of the preset on the first-seed subset: every batch's loss (exact, as float.hex),
    each epoch's test accuracy and the final weights' digest."""
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        config = replace(PRESETS[preset], train_size=TRAIN_SIZE, seed=0)
        model = seeded_model(config.seed)
        losses, test_accuracies = [], []
        for event in fit(model, config, device="cpu", report_every=1):
            if isinstance(event, EpochEvent):
                test_accuracies.append(event.test_acc)
            else:
                losses.append(float.hex(event.loss))
        return {"batch_losses": losses, "test_acc": test_accuracies, "weights_sha256": weights_digest(model)}
    finally:
        torch.set_num_threads(threads)


@pytest.mark.parametrize("preset", ["classic", "fast"])
def test_a_run_is_bit_identical_to_the_recorded_one(preset: str) -> None:
    recorded = json.loads(GOLDEN.read_text())[preset]
    run = golden_run(preset)
    assert len(run["batch_losses"]) == len(recorded["batch_losses"])
    first_difference = next((i for i, (a, b) in enumerate(zip(run["batch_losses"], recorded["batch_losses"],
                                                                strict=True)) if a != b), None)
    assert first_difference is None, f"batch {first_difference} differs"
    assert run["test_acc"] == recorded["test_acc"]
    assert run["weights_sha256"] == recorded["weights_sha256"]


if __name__ == "__main__" and sys.argv[1:] == ["--record"]:
    runs = {preset: golden_run(preset) for preset in ("classic", "fast")}
    GOLDEN.write_text(json.dumps(runs, indent=1) + "\n")
    print(f"recorded {GOLDEN}")
