"""Reading a drawn digit: canvas to MNIST (`to_mnist`), uploads, robustness, saliency."""

from core.sketch.preprocess import (  # noqa: F401  the package's main API
    CENTRE,
    FIT,
    INK_THRESHOLD,
    LUMINANCE,
    MAX_ZOOM,
    MIN_STROKE,
    SIZE,
    Preprocessed,
    ink_box,
    ink_image,
    preprocess,
    stroke_width,
    to_mnist,
)
