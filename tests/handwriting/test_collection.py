"""The learner's collection: adding, deleting, counting, the .npz round trip and every refused file."""

import io
import zipfile

import numpy as np
import pytest
from PIL import Image

from core.data import load_mnist
from core.handwriting import collection as collections
from core.handwriting.collection import MAX_DIGITS, Collection, CollectionFileError, CollectionFull


@pytest.fixture(scope="module")
def ten() -> Collection:
    images, labels = load_mnist(train=False)
    collection = Collection()
    for image, label in zip(images[:10], labels[:10], strict=True):
        collection = collection.add(image.astype(np.float32) / 255.0, int(label))
    return collection


def npz_bytes(**arrays) -> bytes:
    buffer = io.BytesIO()
    np.savez(buffer, **arrays)
    return buffer.getvalue()


def test_add_delete_and_count(ten: Collection) -> None:
    _, labels = load_mnist(train=False)
    assert len(ten) == 10 and ten.images.dtype == np.uint8 and ten.images.shape == (10, 28, 28)
    assert ten.counts().tolist() == np.bincount(labels[:10], minlength=10).tolist()
    first_label = int(ten.labels[0])
    smaller = ten.delete(0)
    assert len(smaller) == 9 and len(ten) == 10  # the old one is untouched
    assert smaller.counts()[first_label] == ten.counts()[first_label] - 1
    assert np.array_equal(smaller.images, ten.images[1:])
    with pytest.raises(ValueError):
        ten.add(np.zeros((28, 28)), 10)
    with pytest.raises(IndexError):
        ten.delete(10)


def test_a_full_collection_refuses_more() -> None:
    full = Collection(np.zeros((MAX_DIGITS, 28, 28), np.uint8), np.zeros(MAX_DIGITS, np.int64))
    with pytest.raises(CollectionFull):
        full.add(np.zeros((28, 28), np.float32), 3)


def test_download_then_upload_is_exact(ten: Collection) -> None:
    back = collections.from_npz(collections.to_npz(ten))
    assert np.array_equal(back.images, ten.images) and back.images.dtype == np.uint8
    assert np.array_equal(back.labels, ten.labels)
    sheet = Image.open(io.BytesIO(collections.contact_sheet(ten)))
    assert sheet.format == "PNG" and sheet.width > 20 * 28


def pickled_file() -> bytes:
    return npz_bytes(images=np.array([object()] * 3, dtype=object), labels=np.zeros(3, np.int64))


def zip_without_arrays() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "hello")
    return buffer.getvalue()


BAD_FILES = {
    "too_big": lambda: b"\0" * (5 * 1024 * 1024 + 1),
    "not_npz": lambda: b"just some text, not a NumPy archive",
    "pickled": pickled_file,
    "missing": zip_without_arrays,
    "shape": lambda: npz_bytes(images=np.zeros((3, 28, 27), np.uint8), labels=np.zeros(3, np.int64)),
    "dtype": lambda: npz_bytes(images=np.zeros((3, 28, 28), np.float32), labels=np.zeros(3, np.int64)),
    "labels": lambda: npz_bytes(images=np.zeros((3, 28, 28), np.uint8), labels=np.array([1, 2, 10])),
    "too_many": lambda: npz_bytes(images=np.zeros((501, 28, 28), np.uint8), labels=np.zeros(501, np.int64)),
}


@pytest.mark.parametrize("problem", list(BAD_FILES))
def test_every_bad_file_is_refused_with_its_own_problem(problem: str) -> None:
    with pytest.raises(CollectionFileError) as refused:
        collections.from_npz(BAD_FILES[problem]())
    assert refused.value.problem == problem
    assert problem in CollectionFileError.PROBLEMS


def test_an_upload_past_the_limit_leaves_the_collection_as_it_was(ten: Collection) -> None:
    file = npz_bytes(images=np.zeros((495, 28, 28), np.uint8), labels=np.zeros(495, np.int64))
    near_full = collections.from_npz(file)
    with pytest.raises(CollectionFileError) as refused:
        ten.extend(near_full)
    assert refused.value.problem == "too_many" and len(ten) == 10
