"""Training on randomly changed digits, as a stream of the training page's progress events.

The same loop trains the shipped model (scripts/train_robust.py) and fine-tunes it on the
learner's own digits (`core.sketch.finetune`). Each batch is changed afresh
(`core.sketch.augment.random_changes`), so the network never sees exactly the same picture
twice. Images stay on the 0-1 ink scale on the CPU until the batch is changed.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

import torch
import torch.nn.functional as F
from torch import nn

from core.sketch.augment import Augmentation, random_changes, to_input
from core.training import BatchEvent, EpochEvent, TrainConfig, evaluate, make_optimizer
from core.training.engine import cpu_copy, first_conv_weights


def augmented_training(
    model: nn.Module,
    ink: torch.Tensor,
    labels: torch.Tensor,
    config: TrainConfig,
    how: Augmentation | None,
    test_data: tuple[torch.Tensor, torch.Tensor] | None = None,
    should_stop: Callable[[], bool] | None = None,
    changeable: torch.Tensor | None = None,
    report_every: int = 20,
) -> Iterator[BatchEvent | EpochEvent]:
    """Train `model` (any design) in place on 0-1 ink images [N, 1, 28, 28] by `config` (SGD or Adam,
    constant or one-cycle), each batch changed by `how` (None: unchanged); only the images
    where `changeable` [N] (bool) is true are changed when it is given. A BatchEvent comes
    every `report_every` batches. `test_data`
    (normalised) is scored at each epoch's end (test figures are NaN without it)."""
    generator = torch.Generator().manual_seed(config.seed)
    optimizer = make_optimizer(model, config)
    batches = -(-len(ink) // config.batch_size)
    scheduler = None
    if config.schedule == "onecycle":
        scheduler = torch.optim.lr_scheduler.OneCycleLR(
            optimizer, max_lr=config.lr, total_steps=config.epochs * batches,
            cycle_momentum=config.optimizer == "sgd")
    elapsed, seen = 0.0, 0
    for epoch in range(1, config.epochs + 1):
        order = torch.randperm(len(ink), generator=generator)
        model.train()
        started = time.perf_counter()
        loss_sum = correct = count = 0.0
        window, window_batches = 0.0, 0
        for batch in range(batches):
            if should_stop is not None and should_stop():
                return
            index = order[batch * config.batch_size : (batch + 1) * config.batch_size]
            x, y = ink[index], labels[index]
            if how is not None:
                changed = random_changes(x, how, generator)
                x = changed if changeable is None else torch.where(
                    changeable[index].view(-1, 1, 1, 1), changed, x)
            optimizer.zero_grad(set_to_none=True)
            logits = model(to_input(x))
            loss = F.cross_entropy(logits, y)
            loss.backward()
            optimizer.step()
            if scheduler is not None:
                scheduler.step()
            value = loss.item()
            loss_sum += value * len(y)
            correct += (logits.argmax(dim=1) == y).sum().item()
            count += len(y)
            seen += len(y)
            window += value
            window_batches += 1
            if (batch + 1) % report_every == 0 or batch + 1 == batches:
                now = time.perf_counter()
                elapsed += now - started
                yield BatchEvent(
                    epoch=epoch, batch=batch + 1, batches=batches, loss=window / window_batches,
                    samples_per_s=seen / max(elapsed, 1e-9), elapsed_s=elapsed,
                    progress=((epoch - 1) * batches + batch + 1) / (config.epochs * batches))
                window, window_batches = 0.0, 0
                started = time.perf_counter()
        test_loss, test_acc = float("nan"), float("nan")
        if test_data is not None:
            test_loss, test_acc, _ = evaluate(model, *test_data)
        elapsed += time.perf_counter() - started
        yield EpochEvent(
            epoch=epoch, train_loss=loss_sum / count, train_acc=100.0 * correct / count,
            test_loss=test_loss, test_acc=test_acc,
            conv1_weights=cpu_copy(first_conv_weights(model)), elapsed_s=elapsed)
