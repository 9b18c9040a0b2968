"""Hand-written filters, the sliding-window cross-correlation a CNN computes, and max-pooling.

Everything here is plain numpy on 2-D arrays (one image, one kernel). `apply_filter` is what
`torch.nn.functional.conv2d` computes: the kernel slides as it is, without the flip of the
mathematicians' convolution (`scipy.signal.convolve2d`), which `flipped_convolution` shows.
"""

from __future__ import annotations

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view
from scipy.signal import convolve2d

KERNELS: dict[str, np.ndarray] = {
    "identity": np.array([[0, 0, 0], [0, 1, 0], [0, 0, 0]], dtype=np.float64),
    # bright below, dark above: the classic tutorial's edge detector
    "horizontal_edge": np.array([[-1, -1, -1], [0, 0, 0], [1, 1, 1]], dtype=np.float64),
    "vertical_edge": np.array([[-1, 0, 1], [-1, 0, 1], [-1, 0, 1]], dtype=np.float64),
    "sobel_x": np.array([[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]], dtype=np.float64),
    "sobel_y": np.array([[-1, -2, -1], [0, 0, 0], [1, 2, 1]], dtype=np.float64),
    "laplacian": np.array([[0, 1, 0], [1, -4, 1], [0, 1, 0]], dtype=np.float64),
    "sharpen": np.array([[0, -1, 0], [-1, 5, -1], [0, -1, 0]], dtype=np.float64),
    "box_blur": np.full((3, 3), 1 / 9, dtype=np.float64),
    "gaussian_blur": np.array([[1, 2, 1], [2, 4, 2], [1, 2, 1]], dtype=np.float64) / 16,
}
for _kernel in KERNELS.values():
    _kernel.setflags(write=False)  # shared by every session: nobody may change a library kernel

# The 7 x 7 "X" of ones on zeros that the classic tutorial convolves by hand.
LETTER_X = np.array(
    [[int(c) for c in row] for row in
     ("0001000", "0010100", "0100010", "1000001", "0100010", "0010100", "0001000")],
    dtype=np.float64,
)
LETTER_X.setflags(write=False)


def output_size(n: int, k: int, stride: int = 1, padding: int = 0) -> int:
    """Side of a "valid" sliding-window output: (n + 2·padding − k) // stride + 1."""
    return (n + 2 * padding - k) // stride + 1


def apply_filter(image: np.ndarray, kernel: np.ndarray) -> np.ndarray:
    """The "valid" cross-correlation of one image with one kernel, as `F.conv2d` computes it."""
    image = np.asarray(image, dtype=np.float64)
    kernel = np.asarray(kernel, dtype=np.float64)
    windows = sliding_window_view(image, kernel.shape)  # [out_h, out_w, kh, kw], no copy
    return np.einsum("hwij,ij->hw", windows, kernel)


def flipped_convolution(image: np.ndarray, kernel: np.ndarray) -> np.ndarray:
    """The textbook convolution (`scipy.signal.convolve2d`, "valid"): the kernel is flipped first."""
    return convolve2d(np.asarray(image, dtype=np.float64), np.asarray(kernel, dtype=np.float64),
                      mode="valid")


def window_products(image: np.ndarray, kernel: np.ndarray, row: int, col: int) -> np.ndarray:
    """The element-wise products of the kernel and the image patch under it at (row, col)."""
    kh, kw = np.shape(kernel)
    patch = np.asarray(image, dtype=np.float64)[row : row + kh, col : col + kw]
    return patch * np.asarray(kernel, dtype=np.float64)


def window_position(step: int, out_width: int) -> tuple[int, int]:
    """Where the window sits at `step`, counting left to right, then top to bottom."""
    return divmod(step, out_width)


def relu(values: np.ndarray) -> np.ndarray:
    """Negative values become zero, positive ones pass unchanged."""
    return np.maximum(values, 0.0)


def max_pool(image: np.ndarray, size: int = 2) -> np.ndarray:
    """The largest value of each `size` x `size` block, stride `size` (an odd last row/column is
    dropped, as `nn.MaxPool2d` does)."""
    image = np.asarray(image)
    h, w = image.shape[0] // size, image.shape[1] // size
    blocks = image[: h * size, : w * size].reshape(h, size, w, size)
    return blocks.max(axis=(1, 3))


def signed(value: float, spec: str = "g") -> str:
    """A number as a learner writes it, with a real minus sign (−) rather than a hyphen."""
    return format(value, spec).replace("-", "−")


def products_expression(image: np.ndarray, kernel: np.ndarray, row: int, col: int) -> str:
    """The window's sum written out, pixel × weight for each cell: "0×(−1) + 1×1 + … = 1"."""
    kh, kw = np.shape(kernel)
    patch = np.asarray(image, dtype=np.float64)[row : row + kh, col : col + kw]

    def number(value: float) -> str:
        text = signed(value, ".3g")
        return f"({text})" if value < 0 else text

    terms = [f"{number(p)}×{number(w)}" for p, w in zip(patch.ravel(), np.ravel(kernel), strict=True)]
    total = float((patch * kernel).sum())
    return " + ".join(terms) + f" = {signed(total, '.3g')}"
