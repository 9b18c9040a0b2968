"""Chart specs built once per server, not once per visit.

Building an Altair chart and turning it into Vega-Lite (`to_dict`, which validates the whole
spec against the schema) costs tens to hundreds of milliseconds a chart, far more than
Streamlit's own work to send it. Most charts are the same for every learner (the letter X,
the pretrained model's filters, the dataset's figures), so `cached_chart` keeps the finished
dict, keyed by every argument the chart builder received (translated titles included, so
each language has its own entry), and pages hand it to `st.vega_lite_chart`.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable
from typing import ParamSpec, TypeVar

import altair as alt
import streamlit as st

# The conversion st.altair_chart itself runs: the "none" theme (Streamlit sizes charts itself),
# data as Arrow datasets named by a hash of their bytes, and a lock around Altair's global
# theme and data-transformer switches, which sessions' threads share. Private, hence the pinned
# streamlit version; tests/test_chart_cache.py fails loudly if it moves.
from streamlit.elements.vega_charts import _convert_altair_to_vega_lite_spec

P = ParamSpec("P")
T = TypeVar("T")
MAX_ENTRIES = 512  # per builder: a few KB each; bounds what learners' choices (digits, steps) can pile up


def vega_lite_spec(chart: alt.TopLevelMixin) -> dict:
    """The Vega-Lite dict `st.altair_chart(chart)` would send, data as Arrow datasets."""
    return _convert_altair_to_vega_lite_spec(chart)


def cached_chart(builder: Callable[P, alt.TopLevelMixin]) -> Callable[P, dict]:
    """`builder` (arguments -> Altair chart) as a function returning the chart's finished
    Vega-Lite dict, built once per server for each distinct set of arguments.

    Arguments are hashed by Streamlit's cache (numpy arrays by content); a keyword argument
    whose name starts with "_" is left out of the key. The dict is shared: never modify it
    (st.vega_lite_chart copies what it changes).
    """

    @st.cache_resource(show_spinner=False, max_entries=MAX_ENTRIES)
    @functools.wraps(builder)  # the cache's key includes the builder's name and source
    def spec(*args: P.args, **kwargs: P.kwargs) -> dict:
        return vega_lite_spec(builder(*args, **kwargs))

    return spec


def computed_once(key: tuple, build: Callable[[], T]) -> T:
    """`build()`, computed once per server for each `key`, which must name everything the
    result depends on (the chart's name, the settings, the language, the model's `model_key`).
    For what `cached_chart` cannot key by itself; the result is shared: never modify it."""
    return _computed(key, build)


@st.cache_resource(show_spinner=False, max_entries=MAX_ENTRIES)
def _computed(key: tuple, _build: Callable[[], T]) -> T:
    return _build()  # `_build` is left out of the cache key: `key` says what it computes


def model_key(model) -> str:
    """A fingerprint of a model's weights: charts of two models share entries only when the
    weights are equal (an object's id() can be reused by the next model, its weights cannot)."""
    digest = hashlib.blake2b(digest_size=16)
    for name, tensor in model.state_dict().items():
        digest.update(name.encode())
        digest.update(tensor.detach().cpu().contiguous().numpy().tobytes())
    return digest.hexdigest()
