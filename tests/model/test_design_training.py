"""A design trains like LeNet does, and its checkpoint says which network it is."""

import torch

from core.checkpoint import model_from_bytes, model_to_bytes
from core.data import load_tensors
from core.model import PRESETS, DesignedNet
from core.training import TrainConfig
from core.training.session import TrainingSession


def test_an_mlp_trains_and_its_snapshot_rebuilds_from_its_design() -> None:
    train_x, train_y = load_tensors(train=True)
    test_x, test_y = load_tensors(train=False)
    config = TrainConfig(epochs=1, batch_size=64, lr=0.05, train_size=1_000, seed=0)
    session = TrainingSession.start(config, "cpu", (train_x, train_y), (test_x[:500], test_y[:500]),
                                    design=PRESETS["mlp"])
    for event in session.run.events(report_every=5):
        session.take(event)
    session.finish()
    assert session.curves.filters == {}  # no convolution, no filters
    assert session.results.test_acc > 60  # 1,000 digits once through already read most
    model, meta = session.snapshot(session.results.test_acc, session.results.test_loss)
    assert meta["design"] == PRESETS["mlp"] and meta["architecture"].startswith("flatten → fc 128")
    loaded, loaded_meta = model_from_bytes(model_to_bytes(model, meta))
    assert isinstance(loaded, DesignedNet) and loaded_meta == meta
    torch.testing.assert_close(loaded(test_x[:4]), model(test_x[:4]))


def test_a_design_with_other_kernels_records_them() -> None:
    design = PRESETS["tiny"]
    design = [dict(design[0], out=8, kernel=3)] + design[1:]
    session = TrainingSession.start(TrainConfig(epochs=1, train_size=1_000), "cpu",
                                    load_tensors(train=True), load_tensors(train=False), design=design)
    assert session.curves.filters[0].shape == (8, 3, 3)
