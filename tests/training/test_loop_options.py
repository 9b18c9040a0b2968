"""The training loop's options: a per-batch transform (augmentation) and each layer's gradient."""

import numpy as np
import torch

from core.data import MNIST_MEAN, MNIST_STD, load_tensors
from core.sketch.augment import ROBUST, RandomChanges
from core.training import BatchEvent, TrainConfig, TrainingRun, seeded_model

_train_x, _train_y = load_tensors(train=True)
TRAIN = (_train_x[:256], _train_y[:256])
_test_x, _test_y = load_tensors(train=False)
TEST = (_test_x[:200], _test_y[:200])
TINY = TrainConfig(epochs=1, train_size=256, batch_size=32, lr=0.01)  # 8 batches


def start(train=TRAIN, **options) -> TrainingRun:
    return TrainingRun.start(seeded_model(TINY.seed), TINY, "cpu", train, TEST, **options)


def same_weights(a: TrainingRun, b: TrainingRun, atol: float = 0.0) -> bool:
    pairs = zip(a.model.parameters(), b.model.parameters(), strict=True)
    return all(torch.equal(x, y) if atol == 0 else torch.allclose(x, y, atol=atol) for x, y in pairs)


def test_the_transform_gets_each_batch_its_indices_and_the_runs_generator() -> None:
    seen = []

    def transform(x, index, generator):
        seen.append((x.clone(), index.clone(), generator))
        return x

    run = start(batch_transform=transform)
    list(run.events())
    assert len(seen) == run.batches
    assert all(torch.equal(x, TRAIN[0][index]) and generator is run.generator for x, index, generator in seen)
    assert sorted(torch.cat([index for _, index, _ in seen]).tolist()) == list(range(256))
    plain = start()
    list(plain.events())
    assert same_weights(run, plain)  # an identity transform: the same run


def test_augmented_training_is_reproducible_and_resumes_exactly() -> None:
    ink = (TRAIN[0] * MNIST_STD + MNIST_MEAN, TRAIN[1])  # augmentation takes 0-1 ink, normalises after
    whole = start(ink, batch_transform=RandomChanges(ROBUST))
    list(whole.events())
    again = start(ink, batch_transform=RandomChanges(ROBUST))
    list(again.events())
    assert same_weights(whole, again)

    stopped = start(ink, batch_transform=RandomChanges(ROBUST))
    events = stopped.events(report_every=1)
    for _ in range(3):  # stop after three batches, mid-epoch
        assert isinstance(next(events), BatchEvent)
    events.close()
    resumed = start(ink, batch_transform=RandomChanges(ROBUST))
    resumed.restore(stopped.checkpoint())
    list(resumed.events())
    assert same_weights(whole, resumed)

    nothing = torch.zeros(256, dtype=torch.bool)  # nothing changeable: only the normalisation is left
    unchanged, plain = start(ink, batch_transform=RandomChanges(ROBUST, nothing)), start()
    list(unchanged.events())
    list(plain.events())
    assert same_weights(unchanged, plain, atol=1e-5)


def test_recording_gradients_notes_each_weight_layer_and_changes_nothing() -> None:
    recorded = start(record_gradients=True)
    steps = [e for e in recorded.events(report_every=1) if isinstance(e, BatchEvent)]
    assert recorded.gradient_layers == ["conv1", "conv2", "fc1", "fc2", "fc3"]
    assert all(list(e.gradients) == recorded.gradient_layers for e in steps)
    assert all(value > 0 for e in steps for value in e.gradients.values())
    plain = start()
    events = list(plain.events(report_every=1))
    assert all(e.gradients is None for e in events if isinstance(e, BatchEvent))
    assert same_weights(recorded, plain)

    windowed = start(record_gradients=True)
    windows = [e for e in windowed.events(report_every=4) if isinstance(e, BatchEvent)]
    per_step = np.array([list(e.gradients.values()) for e in steps])
    expected = per_step.reshape(2, 4, -1).mean(axis=1)  # the mean over each window's four steps
    assert np.allclose([list(e.gradients.values()) for e in windows], expected, rtol=1e-5)


def test_the_first_step_notes_the_gradient_backward_gives() -> None:
    run = start(record_gradients=True)
    first = next(e for e in run.events(report_every=1) if isinstance(e, BatchEvent))
    model = seeded_model(TINY.seed)
    index = torch.randperm(256, generator=torch.Generator().manual_seed(TINY.seed))[:32]
    torch.nn.functional.cross_entropy(model(TRAIN[0][index]), TRAIN[1][index]).backward()
    expected = {name: m.weight.grad.abs().mean().item() for name, m in model.named_modules()
                if isinstance(m, torch.nn.Conv2d | torch.nn.Linear)}
    assert first.gradients.keys() == expected.keys()
    assert np.allclose(list(first.gradients.values()), list(expected.values()), rtol=1e-4)
