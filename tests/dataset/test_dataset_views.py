"""Views of MNIST for the dataset page, and the charts built from them."""

import numpy as np
import pytest

from core import data
from core.charts.heatmap import heatmap
from core.dataset.charts import (
    class_count_chart,
    classic_grid,
    figure_png,
    pixel_histogram_chart,
)
from core.dataset.views import class_sample, parse_index, pixel_histogram, shuffled_batch
from core.pixels import enlarge


@pytest.fixture(scope="module")
def test_split():
    return data.load_mnist(train=False)


def test_class_sample_holds_distinct_images_of_one_digit(test_split):
    _, labels = test_split
    sample = class_sample(labels, 7, 16, seed=3)
    assert len(sample) == len(set(sample.tolist())) == 16
    assert (labels[sample] == 7).all()
    assert class_sample(labels, 7, 16, seed=3).tolist() == sample.tolist()  # same seed, same sample
    assert class_sample(labels, 7, 16, seed=4).tolist() != sample.tolist()  # a new seed, a new one


def test_class_sample_is_capped_at_the_class_size():
    labels = np.array([1, 2, 1, 2, 2])
    assert sorted(class_sample(labels, 1, 10, seed=0).tolist()) == [0, 2]


@pytest.mark.parametrize(("text", "index"), [
    ("0", 0), (" 42 ", 42), ("9,999", 9999), ("10_000", None), ("10000", None), ("-1", None),
    ("abc", None), ("", None), ("3.5", None),
])
def test_parse_index(text, index):
    assert parse_index(text, 10_000) == index


def test_shuffled_batch_is_64_distinct_indices_that_change_with_the_seed():
    batch = shuffled_batch(60_000, seed=0)
    assert batch.shape == (64,) and len(set(batch.tolist())) == 64
    assert batch.tolist() != sorted(batch.tolist())  # shuffled, not the first digits in order
    assert sorted(shuffled_batch(10, seed=0).tolist()) == list(range(10))  # a small set: all of it
    assert shuffled_batch(60_000, seed=1).tolist() != batch.tolist()
    assert shuffled_batch(60_000, seed=0).tolist() == batch.tolist()


def test_enlarge_repeats_pixels_without_blurring():
    image = np.array([[0, 255], [128, 7]], dtype=np.uint8)
    big = enlarge(image, 3)
    assert big.shape == (6, 6) and big.dtype == np.uint8
    assert (big[:3, 3:] == 255).all() and (big[3:, 3:] == 7).all()
    assert enlarge(np.array([[0.0, 1.0]]), 2).tolist() == [[0, 0, 255, 255], [0, 0, 255, 255]]


def test_pixel_histogram_counts_every_pixel_and_maps_the_axis(test_split):
    images, _ = test_split
    histogram = pixel_histogram(images, bins=32)
    assert len(histogram) == 32
    assert histogram["count"].sum() == images.size
    assert histogram["count"].iloc[0] == (images < 8).sum()  # the first bin is levels 0-7
    assert histogram["start"].iloc[0] == 0.0
    assert histogram["start_norm"].iloc[0] == pytest.approx(-data.MNIST_MEAN / data.MNIST_STD)
    assert histogram["end_norm"].iloc[-1] == pytest.approx((256 / 255 - data.MNIST_MEAN) / data.MNIST_STD)


def test_classic_grid_is_4_by_7_with_red_and_green_labels(test_split):
    images, labels = test_split
    figure = classic_grid(images, labels, images, labels)
    axes = figure.get_axes()
    assert len(axes) == 28
    assert [ax.get_title() for ax in axes[21:]] == [str(d) for d in labels[:7]]
    assert {ax.title.get_color() for ax in axes[:21]} == {"#d62728"}
    assert {ax.title.get_color() for ax in axes[21:]} == {"#2ca02c"}
    assert figure_png(figure)[:8] == b"\x89PNG\r\n\x1a\n"


def test_charts_build_valid_specs(test_split):
    images, labels = test_split
    counts = class_count_chart({"train": data.class_counts(labels), "test": data.class_counts(labels)},
                               digit_title="digit", count_title="count").to_dict()
    assert len(counts["hconcat"]) == 2
    histogram = pixel_histogram_chart(pixel_histogram(images), normalised=True, title="after", x_title="x",
                                      y_title="n", marker=0.0, marker_title="mean").to_dict()
    assert histogram["layer"][0]["encoding"]["x"]["field"] == "start_norm"
    heat = heatmap(images[0], size=280).to_dict()
    assert heat["mark"]["type"] == "rect" and heat["encoding"]["stroke"]["field"] == "value"
    assert heat["autosize"]["type"] == "pad"
