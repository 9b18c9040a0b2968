"""Dataset: the MNIST explorer."""

import numpy as np
import streamlit as st

from core import data
from core.dataset.charts import classic_grid, figure_png
from core.dataset.views import BATCH_SIZE, class_sample, parse_index, pixel_histogram, shuffled_batch
from ui.charts.dataset import class_count_chart, heatmap, pixel_histogram_chart
from ui.pictures import digit_alt, digit_pngs, fit_width
from ui.state import translator

SPLITS = {"train": True, "test": False}
SAMPLE_SIZE = 16
CLASSIC_WIDTH = 620
ROW = 8  # images per row in the sample and the batch
# "New random sample" and "shuffle again" step through this many draws, each prepared once per
# server and shared by every learner: drawing and encoding 80 digits for every view made this
# the slowest page when a class arrived together (issue 24).
DRAWS = 32
SAMPLE_SEED = "dataset.sample_seed"  # bumped by "new random sample"
BATCH_SEED = "dataset.batch_seed"  # bumped by "shuffle again"
SHOWN_INDEX = "dataset.shown_index"  # {split: the last valid index typed}, kept when a typo comes


# Derived figures, computed once per server; the folder is part of the key since MNIST_DIR may change.
@st.cache_data(show_spinner=False)
def classic_png(folder: str) -> bytes:
    """The 4 x 7 grid of the first training and test digits, as PNG at its width on the page."""
    return fit_width(figure_png(classic_grid(*data.load_mnist(True), *data.load_mnist(False))), CLASSIC_WIDTH)


@st.cache_data(show_spinner=False)
def training_pixel_stats(folder: str) -> tuple[float, float]:
    """Mean and standard deviation of every training pixel in [0, 1]."""
    return data.pixel_stats(data.load_mnist(True)[0])


@st.cache_data(show_spinner=False)
def training_histogram(folder: str):
    """The training pixels' histogram before and after normalisation."""
    return pixel_histogram(data.load_mnist(True)[0])


@st.cache_data(show_spinner=False)
def mean_digit_pngs(folder: str) -> list[bytes]:
    """The ten average training digits, as PNG."""
    return digit_pngs(data.mean_images(*data.load_mnist(True)), 3, 60)


@st.cache_data(show_spinner=False, max_entries=2 * len(data.CLASSES) * DRAWS)
def digit_sample(folder: str, split: str, digit: int, draw: int) -> tuple[list[int], list[bytes]]:
    """The `draw`-th random sample of `digit` in `split`: its image indices and their PNGs."""
    images, labels = data.load_mnist(SPLITS[split])
    sample = class_sample(labels, digit, SAMPLE_SIZE, seed=draw * 10 + digit)
    return sample.tolist(), digit_pngs(images[sample], 3, 72)


@st.cache_data(show_spinner=False, max_entries=DRAWS)
def training_batch(folder: str, draw: int) -> tuple[list[int], list[bytes], list[int]]:
    """The first batch of the `draw`-th shuffle of the training set: its labels, their PNGs and
    how many of each digit it holds."""
    images, labels = data.load_mnist(True)
    batch = shuffled_batch(len(labels), seed=draw)
    return labels[batch].tolist(), digit_pngs(images[batch], 2, 56), data.class_counts(labels[batch]).tolist()


@st.cache_data(show_spinner=False, max_entries=16)
def histogram_chart(folder: str, normalised: bool, marker: float, title: str, x_title: str, y_title: str,
                    marker_title: str) -> dict:
    """The training pixels' histogram chart, keyed by its titles rather than by the histogram's
    rows (hashing those cost more than drawing the rest of the page)."""
    return pixel_histogram_chart(training_histogram(folder), normalised=normalised, marker=marker,
                                 title=title, x_title=x_title, y_title=y_title, marker_title=marker_title)


def in_rows(items: list, width: int = ROW) -> list[list]:
    """`items` cut into rows of `width`."""
    return [items[start : start + width] for start in range(0, len(items), width)]


def classic_figure(folder: str) -> None:
    """The tutorial's 4 x 7 figure of training and test digits."""
    st.header(t("dataset.classic.header"))
    train_labels, test_labels = data.load_mnist(True)[1], data.load_mnist(False)[1]
    st.image(classic_png(folder), width=CLASSIC_WIDTH, output_format="PNG",
             alt=t("dataset.classic.alt", train=", ".join(map(str, train_labels[:21])),
                   test=", ".join(map(str, test_labels[:7]))))
    st.caption(t("dataset.classic.caption"))


def browse_a_digit(folder: str) -> str:
    """A random sample of one digit in the split chosen here; a button draws another. Returns
    the split, which the lookup below uses too."""
    st.header(t("dataset.browse.header"))
    st.write(t("dataset.browse.body"))
    split = st.radio(
        t("dataset.browse.split"), list(SPLITS), format_func=lambda s: t(f"dataset.split.{s}"),
        horizontal=True, key="dataset.split", persist_state="session",
    )
    digit = st.segmented_control(
        t("dataset.browse.digit"), list(data.CLASSES), key="dataset.digit", persist_state="session",
        required=True, default=0,
    )
    if st.button(t("dataset.browse.resample"), key="dataset.resample", icon=":material/casino:"):
        st.session_state[SAMPLE_SEED] += 1
    indices, pngs = digit_sample(folder, split, digit, st.session_state[SAMPLE_SEED] % DRAWS)
    train = SPLITS[split]
    for row_indices, row_pngs in zip(in_rows(indices), in_rows(pngs), strict=True):
        st.image(row_pngs, caption=[f"#{i:,}" for i in row_indices], width=72, output_format="PNG",
                 alt=[digit_alt(t, digit, i, train) for i in row_indices])
    labels = data.load_mnist(SPLITS[split])[1]
    st.caption(t("dataset.browse.caption", n=len(indices), total=int((labels == digit).sum()), digit=digit,
                 split=t(f"dataset.split.{split}_in_text")))
    return split


def look_up_an_index(split: str) -> int:
    """One image by the index typed, with its pixel values; a bad index keeps the last good one.
    Returns the index shown."""
    images, labels = data.load_mnist(SPLITS[split])
    split_in_text = t(f"dataset.split.{split}_in_text")
    st.header(t("dataset.lookup.header"))
    last = len(labels) - 1
    typed = st.text_input(t("dataset.lookup.index", last=last), value="0", key="dataset.index", width=240,
                          persist_state="session")
    index = parse_index(typed, len(labels))
    if index is None:
        index = st.session_state[SHOWN_INDEX][split]
        st.error(t("dataset.lookup.bad_index", text=typed, split=split_in_text, last=last, shown=index))
    else:
        st.session_state[SHOWN_INDEX][split] = index
    picture_column, grid_column = st.columns([1, 2], gap="large")
    picture_column.markdown(t("dataset.lookup.label", index=index, split=split_in_text, label=labels[index]))
    picture_column.image(digit_pngs(images[index : index + 1], 6)[0], width=168, output_format="PNG",
                         alt=digit_alt(t, int(labels[index]), index, SPLITS[split]))
    picture_column.write(t("dataset.lookup.pixels"))
    grid_column.vega_lite_chart(heatmap(images[index], size=420, value_format="d"), width="content",
                                alt=t("dataset.lookup.grid_alt", split=split_in_text, index=index))
    return index


def counts_per_class() -> None:
    """How many images of each digit the two splits hold."""
    st.header(t("dataset.counts.header"))
    train_counts = data.class_counts(data.load_mnist(True)[1])
    test_counts = data.class_counts(data.load_mnist(False)[1])
    st.write(t("dataset.counts.body", low=int(train_counts.min()), high=int(train_counts.max())))
    st.vega_lite_chart(
        class_count_chart(
            {t("dataset.split.train"): train_counts, t("dataset.split.test"): test_counts},
            digit_title=t("dataset.counts.digit"), count_title=t("dataset.counts.count"),
        ),
        width="content",
        alt=t("dataset.counts.alt", low=int(train_counts.min()), high=int(train_counts.max()),
              test_low=int(test_counts.min()), test_high=int(test_counts.max())),
    )


def pixel_statistics(folder: str, image: np.ndarray, index: int) -> None:
    """The pixels' mean and spread computed from the data, and what normalising does to the
    image shown above and to the histogram of every training pixel."""
    st.header(t("dataset.stats.header"))
    st.write(t("dataset.stats.body"))
    mean, std = training_pixel_stats(folder)
    mean_column, std_column, _ = st.columns([1, 1, 2])
    mean_column.metric(t("dataset.stats.mean"), f"{mean:.4f}")
    std_column.metric(t("dataset.stats.std"), f"{std:.4f}")
    st.markdown(t("dataset.stats.normalise"))
    st.latex(rf"x_{{\text{{norm}}}} = \frac{{x - {data.MNIST_MEAN}}}{{{data.MNIST_STD}}}")
    black, white = -data.MNIST_MEAN / data.MNIST_STD, (1 - data.MNIST_MEAN) / data.MNIST_STD
    st.caption(t("dataset.stats.heatmaps", black=black, white=white))
    before_column, after_column = st.columns(2, gap="large")
    before_column.vega_lite_chart(
        heatmap(image / 255.0, title=t("dataset.stats.before", index=index), size=260), width="content",
        alt=t("dataset.stats.before_alt", index=index))
    after_column.vega_lite_chart(
        heatmap(data.normalise(image)[0, 0].numpy(), title=t("dataset.stats.after"), diverging=True,
                size=260),
        width="content", alt=t("dataset.stats.after_alt", black=black, white=white),
    )
    titles = (t("dataset.stats.brightness"), t("dataset.stats.pixels"), t("dataset.stats.mean_marker"))
    before_column, after_column = st.columns(2, gap="large")
    before_column.vega_lite_chart(
        histogram_chart(folder, False, mean, t("dataset.stats.hist_before"), *titles), width="content",
        alt=t("dataset.stats.hist_alt", low=0.0, high=1.0, mean=mean))
    normalised_mean = (mean - data.MNIST_MEAN) / data.MNIST_STD
    after_column.vega_lite_chart(
        histogram_chart(folder, True, normalised_mean, t("dataset.stats.hist_after"), *titles),
        width="content", alt=t("dataset.stats.hist_alt", low=black, high=white, mean=normalised_mean),
    )
    st.caption(t("dataset.stats.hist_caption", mean=mean))


def mean_digits(folder: str) -> None:
    """The ten average training digits."""
    st.header(t("dataset.means.header"))
    st.write(t("dataset.means.body"))
    st.image(mean_digit_pngs(folder), caption=[str(d) for d in data.CLASSES], width=60, output_format="PNG",
             alt=[t("dataset.means.alt", digit=d) for d in data.CLASSES])


def a_shuffled_batch(folder: str) -> None:
    """The first batch of a shuffled epoch, as training sees it; a button shuffles again."""
    st.header(t("dataset.batch.header", n=BATCH_SIZE))
    st.write(t("dataset.batch.body", n=BATCH_SIZE))
    if st.button(t("dataset.batch.reshuffle"), key="dataset.reshuffle", icon=":material/shuffle:"):
        st.session_state[BATCH_SEED] += 1
    labels, pngs, counts = training_batch(folder, st.session_state[BATCH_SEED] % DRAWS)
    alts = [t("dataset.batch.alt", label=label, n=n) for n, label in enumerate(labels, start=1)]
    for row_labels, row_pngs, row_alts in zip(in_rows(labels), in_rows(pngs), in_rows(alts), strict=True):
        st.image(row_pngs, caption=[str(label) for label in row_labels], width=56, output_format="PNG",
                 alt=row_alts)
    st.caption(t("dataset.batch.counts", counts=", ".join(f"{d}×{n}" for d, n in enumerate(counts))))


t = translator()
folder = str(data.data_dir())
st.session_state.setdefault(SAMPLE_SEED, 0)
st.session_state.setdefault(BATCH_SEED, 0)
st.session_state.setdefault(SHOWN_INDEX, {"train": 0, "test": 0})

st.title(t("dataset.title"))
st.markdown(t("dataset.intro"))
classic_figure(folder)
split = browse_a_digit(folder)
index = look_up_an_index(split)
counts_per_class()
pixel_statistics(folder, data.load_mnist(SPLITS[split])[0][index], index)
mean_digits(folder)
a_shuffled_batch(folder)
