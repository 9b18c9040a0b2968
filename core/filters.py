"""The name `core.filters` that shared/DESIGN.md's contract gives; the code is core/convolution/."""

from core.convolution.filters import KERNELS, LETTER_X, apply_filter, max_pool  # noqa: F401
