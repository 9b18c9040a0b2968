"""The bundled MNIST: checksums, shapes, class counts, pixel statistics, normalisation."""

import gzip
import hashlib
import shutil

import numpy as np
import pytest
import torch

from core import data

TRAIN_COUNTS = [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949]
TEST_COUNTS = [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]


@pytest.fixture
def test_split_copy(tmp_path, monkeypatch):
    """A folder holding a copy of the (small) test split, with MNIST_DIR pointing at it."""
    for stem in ("t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"):
        shutil.copy(data.DEFAULT_DIR / f"{stem}.gz", tmp_path / f"{stem}.gz")
    monkeypatch.setenv(data.ENV_VAR, str(tmp_path))
    return tmp_path


# md5 of the uncompressed files of the canonical MNIST release (as torchvision lists them)
CANONICAL_MD5 = {
    "train-images-idx3-ubyte": "6bbc9ace898e44ae57da46a324031adb",
    "train-labels-idx1-ubyte": "a25bea736e30d166cdddb491f175f624",
    "t10k-images-idx3-ubyte": "2646ac647ad5339dbf082846283269ea",
    "t10k-labels-idx1-ubyte": "27ae3e4e09519cfbb04c329615203637",
}


def test_bundled_files_are_the_canonical_release():
    assert data.CHECKSUMS == CANONICAL_MD5
    for stem, md5 in CANONICAL_MD5.items():
        raw = gzip.decompress((data.DEFAULT_DIR / f"{stem}.gz").read_bytes())
        assert hashlib.md5(raw).hexdigest() == md5, stem


def test_mnist_dir_points_at_another_folder(test_split_copy):
    assert data.data_dir() == test_split_copy
    images, labels = data.load_mnist(train=False)
    assert images.shape == (10_000, 28, 28)
    assert labels[:7].tolist() == [7, 2, 1, 0, 4, 1, 4]


def test_uncompressed_copy_is_read_too(tmp_path, monkeypatch):
    stem = "t10k-labels-idx1-ubyte"
    (tmp_path / stem).write_bytes(gzip.decompress((data.DEFAULT_DIR / f"{stem}.gz").read_bytes()))
    monkeypatch.setenv(data.ENV_VAR, str(tmp_path))
    assert len(data._read_verified(tmp_path, stem)) == 8 + 10_000


def test_corrupt_file_is_reported_by_name(test_split_copy):
    labels_path = test_split_copy / "t10k-labels-idx1-ubyte.gz"
    raw = bytearray(gzip.decompress(labels_path.read_bytes()))
    raw[100] = (raw[100] + 1) % 10  # one label changed: still valid gzip and IDX, wrong md5
    labels_path.write_bytes(gzip.compress(bytes(raw)))
    with pytest.raises(data.DataFileError) as caught:
        data.load_mnist(train=False)
    assert caught.value.problem == "corrupt"
    assert caught.value.path.name == "t10k-labels-idx1-ubyte.gz"


def test_truncated_gzip_is_corrupt(test_split_copy):
    images_path = test_split_copy / "t10k-images-idx3-ubyte.gz"
    images_path.write_bytes(images_path.read_bytes()[:1000])
    with pytest.raises(data.DataFileError) as caught:
        data.load_mnist(train=False)
    assert caught.value.problem == "corrupt"
    assert caught.value.path.name == "t10k-images-idx3-ubyte.gz"


def test_missing_file_is_reported_by_name(test_split_copy):
    (test_split_copy / "t10k-images-idx3-ubyte.gz").unlink()
    with pytest.raises(data.DataFileError) as caught:
        data.load_mnist(train=False)
    assert caught.value.problem == "missing"
    assert caught.value.path.name == "t10k-images-idx3-ubyte.gz"
    assert "t10k-images-idx3-ubyte.gz" in str(caught.value)


@pytest.mark.parametrize(("train", "size"), [(True, 60_000), (False, 10_000)])
def test_shapes_and_dtypes(train, size):
    images, labels = data.load_mnist(train)
    assert images.shape == (size, 28, 28) and images.dtype == np.uint8
    assert labels.shape == (size,) and labels.dtype == np.int64
    assert not images.flags.writeable and not labels.flags.writeable
    assert images.max() == 255 and images.min() == 0


def test_first_labels_are_the_classic_ones():
    assert data.load_mnist(True)[1][:21].tolist() == [5, 0, 4, 1, 9, 2, 1, 3, 1, 4, 3, 5, 3, 6, 1, 7, 2, 8,
                                                       6, 9, 4]


@pytest.mark.parametrize(("train", "counts"), [(True, TRAIN_COUNTS), (False, TEST_COUNTS)])
def test_class_counts(train, counts):
    assert data.class_counts(data.load_mnist(train)[1]).tolist() == counts


def test_pixel_mean_and_std_of_the_training_set():
    mean, std = data.pixel_stats(data.load_mnist(True)[0])
    assert mean == pytest.approx(data.MNIST_MEAN, abs=5e-5)
    assert std == pytest.approx(data.MNIST_STD, abs=5e-5)


def test_normalise_gives_network_input_with_zero_mean_and_unit_std():
    images, _ = data.load_mnist(True)
    x = data.normalise(images)
    assert x.shape == (60_000, 1, 28, 28) and x.dtype == torch.float32
    assert x.mean().item() == pytest.approx(0.0, abs=1e-3)
    assert x.std().item() == pytest.approx(1.0, abs=1e-3)
    assert x.min().item() == pytest.approx(-data.MNIST_MEAN / data.MNIST_STD, abs=1e-5)
    assert x.max().item() == pytest.approx((1 - data.MNIST_MEAN) / data.MNIST_STD, abs=1e-5)


def test_normalise_accepts_one_image_and_float_images_alike():
    image = data.load_mnist(False)[0][0]
    from_uint8 = data.normalise(image)
    from_float = data.normalise(image.astype(np.float32) / 255.0)
    assert from_uint8.shape == (1, 1, 28, 28)
    torch.testing.assert_close(from_uint8, from_float)
    assert from_uint8[0, 0, 0, 0].item() == pytest.approx(-0.4242, abs=1e-4)  # black background


def test_load_tensors_match_normalise():
    images, labels = data.load_mnist(False)
    x, y = data.load_tensors(False)
    torch.testing.assert_close(x[:5], data.normalise(images[:5]))
    assert y.dtype == torch.int64 and y.tolist() == labels.tolist()


def test_mean_images_are_the_class_averages():
    images, labels = data.load_mnist(False)
    means = data.mean_images(images, labels)
    assert means.shape == (10, 28, 28) and means.dtype == np.float32
    expected = images[labels == 3].mean(axis=0) / 255.0
    np.testing.assert_allclose(means[3], expected, atol=1e-6)
    assert means.min() >= 0.0 and means.max() <= 1.0
