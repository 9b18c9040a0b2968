"""Fine-tuning on a synthetic "personal style": MNIST test digits tilted 30° and thinned (a fine pen;
the shipped model already reads them tilted and thickened, 39 of the 40 held back).

MNIST accuracy is measured on the first 2,000 test images (not the 10,000 the page uses), and
the style's digits come from the rest of the test set, to keep the test to a few seconds.
"""

import numpy as np
import pytest
import torch

from core.checkpoint import load_model
from core.data import load_mnist, load_tensors
from core.handwriting.collection import Collection
from core.handwriting.finetune import FinetuneResult, FinetuneSettings, finetune, hold_back
from core.sketch.augment import uniform_change
from core.training import BatchEvent, EpochEvent

PER_DIGIT = 20


@pytest.fixture(scope="module")
def personal_style() -> Collection:
    images, labels = load_mnist(train=False)
    rng = np.random.default_rng(0)
    chosen = np.concatenate([rng.choice(np.flatnonzero(labels[2000:] == d) + 2000, PER_DIGIT, replace=False)
                             for d in range(10)])
    ink = torch.from_numpy(images[chosen].astype(np.float32) / 255.0).unsqueeze(1)
    styled = uniform_change(ink, angle=30.0, thickness=-1)[:, 0].numpy()
    return Collection(np.round(styled * 255).astype(np.uint8), labels[chosen].astype(np.int64))


def run(collection: Collection, mix: bool) -> tuple[list, FinetuneResult]:
    test_x, test_y = load_tensors(train=False)
    events = list(finetune(None, load_model()[0], collection, FinetuneSettings(mix=mix),
                           load_mnist(train=True), (test_x[:2000], test_y[:2000])))
    return events[:-1], events[-1]


def test_hold_back_keeps_one_in_five_and_one_per_digit() -> None:
    labels = np.array([0] * 10 + [1] * 3 + [2] * 1 + [3] * 5)
    held = hold_back(labels)
    assert np.bincount(labels[held], minlength=4).tolist() == [2, 1, 0, 1]


def test_mixing_learns_the_style_and_keeps_mnist(personal_style: Collection) -> None:
    torch.set_num_threads(1)
    events, result = run(personal_style, mix=True)
    assert any(isinstance(e, BatchEvent) for e in events) and isinstance(events[-1], EpochEvent)
    assert result.personal_after > result.personal_before
    assert result.mnist_before - result.mnist_after < 0.5
    assert len(result.held_back) == len(personal_style) // 5


def test_without_mixing_it_forgets_mnist(personal_style: Collection) -> None:
    torch.set_num_threads(1)
    _, result = run(personal_style, mix=False)
    assert result.personal_after > result.personal_before
    assert result.mnist_before - result.mnist_after > 1.0
