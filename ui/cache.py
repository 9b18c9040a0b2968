"""Loaded once per server, shared read-only by every session (MNIST itself is cached by core.data)."""

from __future__ import annotations

import numpy as np
import streamlit as st
import torch

from core import checkpoint, training
from core.convolution.feature_maps import LearnedMaps, learned_maps
from core.model import LayerRow, LeNet, image_activations, layer_table, parameter_count
from ui.chart_cache import computed_once, model_key


@st.cache_resource(show_spinner=False)
def pretrained_model() -> tuple[LeNet, dict]:
    """The shipped LeNet in eval mode, and its metadata."""
    return checkpoint.load_model(checkpoint.PRETRAINED_PATH)


@st.cache_resource(show_spinner=False)
def device() -> tuple[torch.device, str]:
    """The device training uses, and its human name."""
    chosen = training.pick_device()
    return chosen, training.device_name(chosen)


@st.cache_resource(show_spinner=False)
def lenet_architecture() -> tuple[str, int, list[LayerRow]]:
    """LeNet as PyTorch prints it, its parameter count and its layer table (the same for any weights)."""
    model = LeNet()
    return str(model), parameter_count(model), layer_table(model)


def digit_activations(model: LeNet, image: np.ndarray) -> dict[str, np.ndarray]:
    """`image_activations(model, image)`, computed once per server for each model (by its
    weights) and digit; shared: never modify the arrays."""
    pixels = np.asarray(image)
    key = ("activations", model_key(model), pixels.dtype.str, pixels.shape, pixels.tobytes())
    return computed_once(key, lambda: image_activations(model, pixels))


def digit_learned_maps(model: LeNet, image: np.ndarray) -> LearnedMaps:
    """`learned_maps(model, image)`, computed once per server for each model (by its weights)
    and digit; shared: never modify the arrays."""
    key = ("learned_maps", model_key(model), image.dtype.str, image.shape, image.tobytes())
    return computed_once(key, lambda: learned_maps(model, image))
