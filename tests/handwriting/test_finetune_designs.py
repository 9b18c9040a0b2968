"""Fine-tuning keeps the active network's design, whatever it is (issue 24).

Each design preset is fine-tuned in the training worker pool, as the sketch page does
(`training_pool().submit(finetune, model, kept, settings)`), on 30 MNIST test digits for a
few small steps, judged on 200 test images: seconds for all five.
"""

import numpy as np
import pytest
import torch

from core.checkpoint import model_from_bytes, model_to_bytes
from core.data import load_mnist, load_tensors
from core.handwriting.collection import Collection
from core.handwriting.finetune import FinetuneResult, FinetuneSettings, finetune
from core.model import PRESETS, parameter_count
from core.model.design import preset
from core.training import EpochEvent, seeded_model
from core.training.engine import first_conv_weights
from core.worker_pool import FINISHED

QUICK = FinetuneSettings(steps=4, batch_size=16)
PER_DIGIT = 3


@pytest.fixture(scope="module")
def digits() -> Collection:
    images, labels = load_mnist(train=False)
    chosen = np.concatenate([np.flatnonzero(labels == d)[:PER_DIGIT] for d in range(10)])
    return Collection(images[chosen].copy(), labels[chosen].astype(np.int64))


@pytest.fixture(scope="module")
def mnist_test() -> tuple[torch.Tensor, torch.Tensor]:
    x, y = load_tensors(train=False)
    return x[-200:].clone(), y[-200:].clone()  # sent to the worker: kept small


@pytest.mark.parametrize("name", list(PRESETS))
def test_finetuning_in_a_worker_keeps_the_design(name, worker_pool, digits, mnist_test) -> None:
    design = preset(name)
    model = seeded_model(0, design)
    before = {key: value.clone() for key, value in model.state_dict().items()}
    run = worker_pool.submit(finetune, model, digits, QUICK, mnist_test=mnist_test)
    events = list(run.events(timeout=60))
    assert run.state == FINISHED, run.error
    result = events[-1]
    assert isinstance(result, FinetuneResult)
    epoch = next(e for e in reversed(events) if isinstance(e, EpochEvent))

    tuned = result.model
    assert tuned.design == design
    assert parameter_count(tuned) == parameter_count(model)
    after = tuned.state_dict()
    assert {k: v.shape for k, v in after.items()} == {k: v.shape for k, v in before.items()}
    assert any(not torch.equal(after[key], before[key]) for key in before), "no weight changed"

    # the epoch's filters are the tuned network's first convolution (none for the MLP)
    conv = first_conv_weights(tuned)
    if conv is None:
        assert name == "mlp" and epoch.conv1_weights is None
    else:
        assert torch.equal(epoch.conv1_weights, conv)

    # the page's download of the tuned model loads back as the same network
    loaded, meta = model_from_bytes(model_to_bytes(tuned, {"source": "finetuned"}))
    assert meta["design"] == design and type(loaded) is type(tuned)
    assert all(torch.equal(loaded.state_dict()[key], value) for key, value in after.items())
