"""How well models read changed MNIST digits and held-out non-MNIST handwriting:
`python bench/robust_accuracy.py [--hold-out N] [checkpoint ...]` (default: the shipped model).

Each change is the robustness lab's (`core.sketch.augment.uniform_change`, the same
transform the lab shows) applied to all 10,000 MNIST test images; "scanned at 8 x 8" and
"12 x 12" are a low-resolution scan of each (`core.sketch.robustness.scanned`: box-averaged
down, enlarged back bilinearly, through the sketch page's `to_mnist`); the handwriting is
`bench/handwriting.py`'s 360 canvas-drawn digits, kept out of training and tuning.
`--hold-out N` scores the same changes of the last N training images instead, for choosing a
recipe trained without them (`scripts/train_robust.py --hold-out N`) without looking at the
test set; the handwriting is left out then, as it is kept for the final check.
One thread, so figures do not depend on the machine's load.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script from anywhere: make core/, bench/ and tests/ importable

import numpy as np  # noqa: E402
import torch  # noqa: E402

from bench.handwriting import held_out_handwriting  # noqa: E402
from core.checkpoint import PRETRAINED_PATH, load_model  # noqa: E402
from core.data import load_mnist  # noqa: E402
from core.sketch.augment import to_input, uniform_change  # noqa: E402
from core.sketch.robustness import scanned  # noqa: E402

CHANGES = {
    "MNIST test": {},
    "turned +25°": {"angle": 25.0},
    "turned -25°": {"angle": -25.0},
    "shifted 3 px right and down": {"shift_x": 3.0, "shift_y": 3.0},
    "shifted 3 px left and up": {"shift_x": -3.0, "shift_y": -3.0},
    "scaled 0.75": {"scale": 0.75},
    "thick strokes (+1 px)": {"thickness": 1},
    "thin strokes (-1 px)": {"thickness": -1},
}
SCANS = {"scanned at 8 x 8": 8, "scanned at 12 x 12": 12}  # a low-resolution scan's side in pixels


@torch.no_grad()
def accuracy(model: torch.nn.Module, ink: torch.Tensor, labels: torch.Tensor) -> float:
    """Percent of 0-1 ink images [N, 1, 28, 28] read as their label."""
    model.eval()
    predicted = torch.cat([model(to_input(ink[i : i + 2000])).argmax(1) for i in range(0, len(ink), 2000)])
    return 100.0 * (predicted == labels).float().mean().item()


def changed_sets(images: np.ndarray) -> dict[str, torch.Tensor]:
    """Every row's images (0-1 ink [N, 1, 28, 28]) made from MNIST digits uint8 [N, 28, 28]."""
    ink = torch.from_numpy(images.astype(np.float32) / 255.0).unsqueeze(1)
    rows = {name: uniform_change(ink, **change) for name, change in CHANGES.items()}
    for name, size in SCANS.items():
        rows[name] = torch.from_numpy(scanned(ink[:, 0].numpy(), size)).unsqueeze(1)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("checkpoints", nargs="*", default=[str(PRETRAINED_PATH)])
    parser.add_argument("--hold-out", type=int, default=0,
                        help="score the last N training images instead of the test set")
    args = parser.parse_args()
    torch.set_num_threads(1)
    paths = args.checkpoints
    models = [load_model(p)[0] for p in paths]
    if args.hold_out:
        images, labels = load_mnist(train=True)
        images, labels = images[-args.hold_out :], labels[-args.hold_out :]
    else:
        images, labels = load_mnist(train=False)
    targets = torch.from_numpy(labels.copy())
    rows = {name: (data, targets) for name, data in changed_sets(images).items()}
    if args.hold_out:
        rows = {(f"held-out training images ({args.hold_out})" if name == "MNIST test" else name): row
                for name, row in rows.items()}
    else:
        hand, hand_labels = held_out_handwriting()
        rows["held-out handwriting (360)"] = (torch.from_numpy(hand).unsqueeze(1),
                                              torch.from_numpy(hand_labels))
    width = max(len(name) for name in rows)
    print(f"{'':{width}}  " + "  ".join(f"{Path(p).name[:22]:>22}" for p in paths))
    for name, (data, truth) in rows.items():
        figures = "  ".join(f"{accuracy(m, data, truth):21.2f}%" for m in models)
        print(f"{name:{width}}  {figures}", flush=True)


if __name__ == "__main__":
    main()
