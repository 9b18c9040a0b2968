"""Loaded once per server, shared read-only by every session."""

from __future__ import annotations

import numpy as np
import streamlit as st
import torch

from core import checkpoint, data, training
from core.model import LeNet


@st.cache_resource(show_spinner=False)
def _mnist(train: bool, folder: str) -> tuple[np.ndarray, np.ndarray]:
    return data.load_mnist(train)


@st.cache_resource(show_spinner=False)
def _mnist_tensors(train: bool, folder: str) -> tuple[torch.Tensor, torch.Tensor]:
    return data.load_tensors(train)


def mnist(train: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """Read-only uint8 images and int64 labels of one split."""
    return _mnist(train, str(data.data_dir()))  # keyed by folder: MNIST_DIR may change


def mnist_tensors(train: bool = True) -> tuple[torch.Tensor, torch.Tensor]:
    """One split as normalised tensors `[N, 1, 28, 28]` and labels; never modify them."""
    return _mnist_tensors(train, str(data.data_dir()))


@st.cache_resource(show_spinner=False)
def pretrained_model() -> tuple[LeNet, dict]:
    """The shipped LeNet in eval mode, and its metadata."""
    return checkpoint.load_model(checkpoint.PRETRAINED_PATH)


@st.cache_resource(show_spinner=False)
def device() -> tuple[torch.device, str]:
    """The device training uses, and its human name."""
    chosen = training.pick_device()
    return chosen, training.device_name(chosen)
