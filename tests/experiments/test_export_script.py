"""The code for a run: the generated PyTorch script runs on its own, offline, and learns."""

import ast
import re
import subprocess
import sys
from pathlib import Path

from core.experiments.export_script import export_script
from core.training import TrainConfig

ROOT = Path(__file__).resolve().parents[2]


def test_the_script_holds_the_recipe_and_is_valid_python() -> None:
    config = TrainConfig(epochs=7, batch_size=128, lr=0.05, momentum=0.8, optimizer="adam", train_size=10_000,
                         seed=3, schedule="onecycle")
    script = export_script(config, label='#4 lr 0.05 "mine"')
    ast.parse(script)
    for line in ("EPOCHS = 7", "BATCH_SIZE = 128", "LEARNING_RATE = 0.05", "MOMENTUM = 0.8",
                 'OPTIMIZER = "adam"', 'SCHEDULE = "onecycle"', "TRAIN_SIZE = 10000", "SEED = 3",
                 "class LeNet(nn.Module):",
                 "DataLoader("):
        assert line in script, line


def test_the_generated_script_trains_on_a_tiny_subset(tmp_path: Path) -> None:
    config = TrainConfig(epochs=1, batch_size=32, lr=0.005, optimizer="adam", train_size=1_000)
    path = tmp_path / "train_mnist.py"
    path.write_text(export_script(config, label="#1 test"), encoding="utf-8")
    command = [sys.executable, str(path), "--data", str(ROOT / "data" / "mnist"), "--limit", "320", "--cpu"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    accuracy = float(re.search(r"\(([\d.]+)%\)", done.stdout).group(1))
    assert accuracy > 30, done.stdout  # chance is 10%; ten Adam steps reach well above it
    assert (tmp_path / "mnist_lenet.pt").exists()
