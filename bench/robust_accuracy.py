"""How well models read changed MNIST digits and held-out non-MNIST handwriting:
`python bench/robust_accuracy.py [checkpoint ...]` (default: the shipped model).

Each change is the robustness lab's (`core.sketch.augment.uniform_change`, the same
transform the lab shows) applied to all 10,000 MNIST test images; the handwriting is
`bench/handwriting.py`'s 360 canvas-drawn digits, kept out of training and tuning.
One thread, so figures do not depend on the machine's load.
"""

from __future__ import annotations

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


@torch.no_grad()
def accuracy(model: torch.nn.Module, ink: torch.Tensor, labels: torch.Tensor) -> float:
    """Percent of 0-1 ink images [N, 1, 28, 28] read as their label."""
    model.eval()
    predicted = torch.cat([model(to_input(ink[i : i + 2000])).argmax(1) for i in range(0, len(ink), 2000)])
    return 100.0 * (predicted == labels).float().mean().item()


def main() -> None:
    torch.set_num_threads(1)
    paths = sys.argv[1:] or [str(PRETRAINED_PATH)]
    models = [load_model(p)[0] for p in paths]
    images, labels = load_mnist(train=False)
    ink = torch.from_numpy(images.astype(np.float32) / 255.0).unsqueeze(1)
    targets = torch.from_numpy(labels.copy())
    rows = {name: uniform_change(ink, **change) for name, change in CHANGES.items()}
    hand, hand_labels = held_out_handwriting()
    rows["held-out handwriting (360)"] = torch.from_numpy(hand).unsqueeze(1)
    width = max(len(name) for name in rows)
    print(f"{'':{width}}  " + "  ".join(f"{Path(p).name[:22]:>22}" for p in paths))
    for name, data in rows.items():
        truth = torch.from_numpy(hand_labels) if name.startswith("held-out") else targets
        print(f"{name:{width}}  " + "  ".join(f"{accuracy(m, data, truth):21.2f}%" for m in models))


if __name__ == "__main__":
    main()
