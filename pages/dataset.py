"""Dataset: the MNIST explorer."""

import numpy as np
import streamlit as st

from core import data
from core.dataset.charts import classic_grid, figure_png
from core.dataset.views import BATCH_SIZE, class_sample, parse_index, pixel_histogram, shuffled_batch
from ui.charts.dataset import class_count_chart, heatmap, pixel_histogram_chart
from ui.pictures import digit_pngs, fit_width
from ui.state import translator

SPLITS = {"train": True, "test": False}
SAMPLE_SIZE = 16
CLASSIC_WIDTH = 620
ROW = 8  # images per row in the sample and the batch
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
def mean_digits(folder: str) -> np.ndarray:
    """The ten average training digits."""
    return data.mean_images(*data.load_mnist(True))


t = translator()
st.title(t("dataset.title"))
st.markdown(t("dataset.intro"))
folder = str(data.data_dir())
st.session_state.setdefault(SAMPLE_SEED, 0)
st.session_state.setdefault(BATCH_SEED, 0)
st.session_state.setdefault(SHOWN_INDEX, {"train": 0, "test": 0})

# the classic figure
st.header(t("dataset.classic.header"))
st.image(classic_png(folder), width=CLASSIC_WIDTH, output_format="PNG")
st.caption(t("dataset.classic.caption"))

# browse one digit
st.header(t("dataset.browse.header"))
st.write(t("dataset.browse.body"))
split = st.radio(
    t("dataset.browse.split"), list(SPLITS), format_func=lambda s: t(f"dataset.split.{s}"),
    horizontal=True, key="dataset.split", persist_state="session",
)
images, labels = data.load_mnist(SPLITS[split])
split_in_text = t(f"dataset.split.{split}_in_text")
digit = st.segmented_control(
    t("dataset.browse.digit"), list(data.CLASSES), key="dataset.digit", persist_state="session",
    required=True, default=0,
)
if st.button(t("dataset.browse.resample"), key="dataset.resample", icon=":material/casino:"):
    st.session_state[SAMPLE_SEED] += 1
sample = class_sample(labels, digit, SAMPLE_SIZE, seed=st.session_state[SAMPLE_SEED] * 10 + digit)
for row in np.split(sample, range(ROW, len(sample), ROW)):
    st.image(digit_pngs(images[row], 3, 72), caption=[f"#{i:,}" for i in row], width=72,
             output_format="PNG")
st.caption(t("dataset.browse.caption", n=len(sample), total=int((labels == digit).sum()), digit=digit,
             split=split_in_text))

# look up one image by its index
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
picture_column.image(digit_pngs(images[index : index + 1], 6)[0], width=168, output_format="PNG")
picture_column.write(t("dataset.lookup.pixels"))
grid_column.vega_lite_chart(heatmap(images[index], size=420, value_format="d"), width="content")

# counts per class
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
)

# pixel statistics and normalisation
st.header(t("dataset.stats.header"))
st.write(t("dataset.stats.body"))
mean, std = training_pixel_stats(folder)
mean_column, std_column, _ = st.columns([1, 1, 2])
mean_column.metric(t("dataset.stats.mean"), f"{mean:.4f}")
std_column.metric(t("dataset.stats.std"), f"{std:.4f}")
st.markdown(t("dataset.stats.normalise"))
st.latex(rf"x_{{\text{{norm}}}} = \frac{{x - {data.MNIST_MEAN}}}{{{data.MNIST_STD}}}")
st.caption(t("dataset.stats.heatmaps", black=-data.MNIST_MEAN / data.MNIST_STD,
             white=(1 - data.MNIST_MEAN) / data.MNIST_STD))
before_column, after_column = st.columns(2, gap="large")
before_column.vega_lite_chart(
    heatmap(images[index] / 255.0, title=t("dataset.stats.before", index=index), size=260),
    width="content",
)
after_column.vega_lite_chart(
    heatmap(data.normalise(images[index])[0, 0].numpy(), title=t("dataset.stats.after"), diverging=True,
                  size=260),
    width="content",
)
histogram = training_histogram(folder)
axis_titles = {"x_title": t("dataset.stats.brightness"), "y_title": t("dataset.stats.pixels"),
               "marker_title": t("dataset.stats.mean_marker")}
before_column, after_column = st.columns(2, gap="large")
before_column.vega_lite_chart(
    pixel_histogram_chart(histogram, normalised=False, marker=mean, title=t("dataset.stats.hist_before"),
                          **axis_titles),
    width="content",
)
after_column.vega_lite_chart(
    pixel_histogram_chart(histogram, normalised=True, marker=(mean - data.MNIST_MEAN) / data.MNIST_STD,
                          title=t("dataset.stats.hist_after"), **axis_titles),
    width="content",
)
st.caption(t("dataset.stats.hist_caption", mean=mean))

# the ten mean images
st.header(t("dataset.means.header"))
st.write(t("dataset.means.body"))
st.image(digit_pngs(mean_digits(folder), 3, 60), caption=[str(d) for d in data.CLASSES], width=60,
         output_format="PNG")

# a shuffled batch
st.header(t("dataset.batch.header", n=BATCH_SIZE))
st.write(t("dataset.batch.body", n=BATCH_SIZE))
if st.button(t("dataset.batch.reshuffle"), key="dataset.reshuffle", icon=":material/shuffle:"):
    st.session_state[BATCH_SEED] += 1
train_images, train_labels = data.load_mnist(True)
batch = shuffled_batch(len(train_labels), seed=st.session_state[BATCH_SEED])
for row in np.split(batch, range(ROW, len(batch), ROW)):
    st.image(digit_pngs(train_images[row], 2, 56), caption=[str(train_labels[i]) for i in row], width=56,
             output_format="PNG")
batch_counts = data.class_counts(train_labels[batch])
st.caption(t("dataset.batch.counts", counts=", ".join(f"{d}×{n}" for d, n in enumerate(batch_counts))))
