"""A missing or damaged MNIST file is a clear, translated message on the page, not a traceback."""

import gzip
import shutil

import pytest

from core.data import DEFAULT_DIR, ENV_VAR
from core.i18n import LANGUAGES
from tests.apptest import open_page


@pytest.fixture
def damaged_mnist(tmp_path, monkeypatch):
    """A copy of the bundled MNIST whose training labels are truncated; MNIST_DIR points at it."""
    for path in DEFAULT_DIR.glob("*.gz"):
        shutil.copy(path, tmp_path / path.name)
    labels = tmp_path / "train-labels-idx1-ubyte.gz"
    labels.write_bytes(gzip.compress(gzip.decompress(labels.read_bytes())[:-100]))
    monkeypatch.setenv(ENV_VAR, str(tmp_path))
    return tmp_path


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_corrupt_file_is_named_on_the_dataset_page(damaged_mnist, lang: str) -> None:
    at = open_page("dataset", lang)
    assert not at.exception
    messages = " ".join(e.value for e in at.error)
    assert "train-labels-idx1-ubyte.gz" in messages
    assert ("损坏" if lang == "zh" else "damaged") in messages


def test_missing_file_is_named(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv(ENV_VAR, str(tmp_path))
    at = open_page("dataset", "en")
    assert not at.exception
    assert "missing" in " ".join(e.value for e in at.error)
