"""Convolution: filters on images, typed kernels, a kernel that learns, LeNet's maps."""

from core.convolution.filters import (  # noqa: F401  the package's main API
    KERNELS,
    LETTER_X,
    apply_filter,
    flipped_convolution,
    max_pool,
    output_size,
    products_expression,
    relu,
    signed,
    window_position,
    window_products,
)
