"""`core.filters`, the name benchmarks and checks outside the app import the filters by (KERNELS,
LETTER_X, apply_filter, max_pool); the code is core/convolution/filters.py."""

from core.convolution.filters import KERNELS, LETTER_X, apply_filter, max_pool  # noqa: F401
