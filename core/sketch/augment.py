"""Batched changes to 28 x 28 digits in torch: turn, scale, shift, bend (elastic), thicken, thin,
and a low resolution (a scan: box-averaged down, enlarged back) or a blur.

One implementation of each change, used three ways: the robustness benchmark applies one
fixed change to a whole test set, training the shipped model and fine-tuning on the
learner's digits draw a random change per image (`RandomChanges`, the training loop's batch
transform). Images are float [N, 1, 28, 28] on the
0-1 ink scale (background 0), so the zeros that resampling brings in at the edges are
background; `core.data.normalise`'s shift and scale come after.

Conventions follow the robustness lab (`core.sketch.robustness.Change`): angles in degrees
counter-clockwise on screen, shifts in pixels right and down, scale about the grid's centre.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch
import torch.nn.functional as F

from core.data import MNIST_MEAN, MNIST_STD

SIZE = 28
PIXEL = 2.0 / SIZE  # one pixel in affine_grid's [-1, 1] coordinates (align_corners=False)


def affine(images: torch.Tensor, angle: torch.Tensor, scale: torch.Tensor, shift_x: torch.Tensor,
           shift_y: torch.Tensor, displacement: torch.Tensor | None = None) -> torch.Tensor:
    """Each image turned by `angle` degrees and scaled about the centre, then shifted (all [N]),
    in one bilinear resampling; `displacement` [N, 28, 28, 2] (pixels, x then y) bends it too."""
    theta = torch.deg2rad(angle)
    cos, sin = torch.cos(theta) / scale, torch.sin(theta) / scale
    # affine_grid maps output to input coordinates: the inverse of "scale, turn, then shift".
    # With y pointing down, a counter-clockwise turn on screen has this inverse.
    dx, dy = shift_x * PIXEL, shift_y * PIXEL
    matrix = torch.stack([
        torch.stack([cos, -sin, -(cos * dx - sin * dy)], dim=1),
        torch.stack([sin, cos, -(sin * dx + cos * dy)], dim=1),
    ], dim=1)
    grid = F.affine_grid(matrix.to(images.dtype), list(images.shape), align_corners=False)
    if displacement is not None:
        grid = grid + displacement * PIXEL
    return F.grid_sample(images, grid, mode="bilinear", padding_mode="zeros", align_corners=False)


def _cross_pool(images: torch.Tensor) -> torch.Tensor:
    """Each pixel's maximum over a 3 x 3 cross (itself and its four neighbours)."""
    rows = F.max_pool2d(images, kernel_size=(3, 1), stride=1, padding=(1, 0))
    cols = F.max_pool2d(images, kernel_size=(1, 3), stride=1, padding=(0, 1))
    return torch.maximum(rows, cols)


def thicken(images: torch.Tensor, pixels: torch.Tensor | int) -> torch.Tensor:
    """Strokes grown (`pixels` > 0) or shrunk (< 0) by that many pixels at each edge, per image."""
    pixels = torch.as_tensor(pixels, device=images.device).expand(len(images))
    out = images
    for step in range(1, int(pixels.abs().max().item()) + 1 if len(images) else 1):
        grown, shrunk = _cross_pool(out), -_cross_pool(-out)
        out = torch.where((pixels >= step).view(-1, 1, 1, 1), grown,
                          torch.where((pixels <= -step).view(-1, 1, 1, 1), shrunk, out))
    return out


def box_matrix(size: int, side: int = SIZE) -> torch.Tensor:
    """[size, side]: output pixel i of a box downsampling is the mean of the input pixels whose
    centres lie in its cell (a scanner's sensor cell), exactly as PIL's `Image.BOX` filter."""
    cell = side / size
    centres = torch.arange(side, dtype=torch.float64) + 0.5
    start = torch.arange(size, dtype=torch.float64)[:, None] * cell
    inside = ((centres > start) & (centres <= start + cell)).double()
    return (inside / inside.sum(dim=1, keepdim=True)).float()


def low_resolution(images: torch.Tensor, size: int) -> torch.Tensor:
    """Each image box-averaged down to `size` x `size`, as a low-resolution scan records it, then
    enlarged back to 28 x 28 bilinearly, as a viewer shows it: blocky, soft, fainter strokes."""
    box = box_matrix(size).to(images.device, images.dtype)
    small = box @ images @ box.T
    return F.interpolate(small, size=(SIZE, SIZE), mode="bilinear", align_corners=False).clamp(0.0, 1.0)


def blur(images: torch.Tensor, sigma: torch.Tensor) -> torch.Tensor:
    """Each image blurred by a Gaussian of its own `sigma` [N] pixels (0: unchanged)."""
    radius = max(1, int(torch.ceil(3 * sigma.max()).item())) if len(sigma) else 1
    offsets = torch.arange(-radius, radius + 1, device=images.device, dtype=images.dtype)
    sigma = sigma.to(images.device, images.dtype).clamp(min=1e-3).view(-1, 1)
    kernel = torch.exp(-0.5 * (offsets / sigma) ** 2)
    kernel = (kernel / kernel.sum(dim=1, keepdim=True)).view(-1, 1, 1, 2 * radius + 1)
    n = len(images)
    out = images.reshape(1, n, SIZE, SIZE)  # one group per image: each its own kernel
    out = F.conv2d(F.pad(out, (radius, radius, 0, 0)), kernel, groups=n)
    out = F.conv2d(F.pad(out, (0, 0, radius, radius)), kernel.transpose(2, 3), groups=n)
    return out.reshape(images.shape)


def elastic_field(count: int, strength: float, generator: torch.Generator,
                  coarse: int = 4) -> torch.Tensor:
    """Smooth random displacements [count, 28, 28, 2] in pixels: a coarse random grid of
    arrows, enlarged smoothly, so neighbouring pixels move together and strokes bend."""
    arrows = torch.randn(count, 2, coarse, coarse, generator=generator) * strength
    field = F.interpolate(arrows, size=(SIZE, SIZE), mode="bicubic", align_corners=True)
    return field.permute(0, 2, 3, 1)


SCAN_ORDERS = ("after", "before", "untouched")


@dataclass(frozen=True)
class Augmentation:
    """How far the random changes go; each image draws its own within these ranges."""

    angle: float = 20.0  # degrees either way
    shift: float = 3.0  # pixels either way, along each axis
    scale: tuple[float, float] = (0.8, 1.15)
    elastic: float = 1.0  # pixels: the typical length of an elastic arrow
    thick: float = 0.2  # share of images with strokes one pixel thicker
    thin: float = 0.15  # share of images with strokes one pixel thinner
    clean: float = 0.3  # share of images left untouched, so MNIST itself stays well read
    # A scan: of the images `scan` reaches, a share `low_res` at a low resolution and (drawn
    # independently) a share `blur` blurred, then fitted again as the sketch page would
    low_res: float = 0.0
    low_res_size: tuple[int, int] = (7, 14)  # the scan's side in pixels, drawn evenly from this range
    blur: float = 0.0
    blur_sigma: tuple[float, float] = (0.5, 1.5)  # the blur's standard deviation in pixels
    refit: bool = True  # fitted again as `to_mnist` does (box to 20 x 20, mass centred); else peak 1 only
    # which images a scan reaches: "after" the changed ones, after their changes (as paper is
    # scanned); "before" the changed ones, before them; "untouched" the `clean` share only
    scan: str = "after"

    def __post_init__(self) -> None:
        if self.scan not in SCAN_ORDERS:
            raise ValueError(f"scan must be one of {SCAN_ORDERS}, not {self.scan!r}")


# The shipped model's recipe: of the share left untouched, half is scanned instead. Chosen on 10,000
# training images held out from training (README): scanning the changed images (after or before
# their changes) or blurring them cost shifted digits up to a point; a larger scanned share cost MNIST
ROBUST = Augmentation(low_res=0.5, scan="untouched")


def refit(images: torch.Tensor, fit: int = 20, centre: float = 14.0, threshold: float = 0.1) -> torch.Tensor:
    """Each image as the sketch page's `to_mnist` would redo it: the ink's bounding box (pixels
    above `threshold`) scaled to fit `fit` x `fit`, the centre of mass moved to row and column
    `centre`, the darkest ink made full ink. A soft scan's halo widens the box, so the digit
    inside comes out smaller than it went in."""
    n = len(images)
    mask = images[:, 0] > threshold
    index = torch.arange(SIZE, device=images.device, dtype=images.dtype)
    rows, cols = mask.any(dim=2), mask.any(dim=1)

    def extent(present: torch.Tensor) -> torch.Tensor:
        first = torch.where(present, index, float(SIZE)).amin(dim=1)
        last = torch.where(present, index, -1.0).amax(dim=1)
        return (last - first + 1).clamp(min=1.0)

    scale = fit / torch.maximum(extent(rows), extent(cols))
    mass = images[:, 0].sum(dim=(1, 2)).clamp(min=1e-6)
    mass_row = (images[:, 0].sum(dim=2) * index).sum(dim=1) / mass
    mass_col = (images[:, 0].sum(dim=1) * index).sum(dim=1) / mass
    middle = (SIZE - 1) / 2  # affine scales about the grid's centre, between pixels 13 and 14
    shift_y = centre - (middle + scale * (mass_row - middle))
    shift_x = centre - (middle + scale * (mass_col - middle))
    out = affine(images, torch.zeros(n, device=images.device), scale, shift_x, shift_y)
    return _peak_one(out.clamp(0.0, 1.0))


def _peak_one(images: torch.Tensor) -> torch.Tensor:
    """Each image scaled so its darkest ink is full ink, as the sketch page's `to_mnist` does."""
    peak = images.amax(dim=(1, 2, 3), keepdim=True)
    return images / peak.clamp(min=1e-6)


def _scanned(images: torch.Tensor, how: Augmentation, generator: torch.Generator) -> torch.Tensor:
    """A share `how.low_res` of the images at a random low resolution, a share `how.blur` blurred
    (independently drawn), each then fitted again as the page would (`refit`, or only its
    darkest ink made full ink); nothing is drawn from `generator` for an option that is off."""
    n, device = len(images), images.device
    redo = refit if how.refit else _peak_one
    out = images.clone()
    if how.low_res > 0:
        chosen = torch.rand(n, generator=generator) < how.low_res
        low, high = how.low_res_size
        sizes = torch.randint(low, high + 1, (n,), generator=generator)
        for size in sizes[chosen].unique().tolist():
            picked = torch.nonzero(chosen & (sizes == size)).flatten().to(device)
            out[picked] = low_resolution(out[picked], size)
        touched = chosen
    else:
        touched = torch.zeros(n, dtype=torch.bool)
    if how.blur > 0:
        chosen = torch.rand(n, generator=generator) < how.blur
        low, high = how.blur_sigma
        sigma = low + (high - low) * torch.rand(n, generator=generator)
        picked = torch.nonzero(chosen).flatten()
        if len(picked):
            out[picked.to(device)] = blur(out[picked.to(device)], sigma[picked])
        touched = touched | chosen
    picked = torch.nonzero(touched).flatten().to(device)
    if len(picked):
        out[picked] = redo(out[picked])
    return out


def random_changes(images: torch.Tensor, how: Augmentation, generator: torch.Generator) -> torch.Tensor:
    """`images` (0-1 ink [N, 1, 28, 28], on any device) each changed at random within `how`; the
    random draws come from `generator` (on the CPU), so a run gives the same changes anywhere."""
    n, device = len(images), images.device

    def uniform(low: float, high: float) -> torch.Tensor:
        return (low + (high - low) * torch.rand(n, generator=generator)).to(device)

    angle = uniform(-how.angle, how.angle)
    scale = uniform(*how.scale)
    shift_x, shift_y = uniform(-how.shift, how.shift), uniform(-how.shift, how.shift)
    field = elastic_field(n, how.elastic, generator).to(device) if how.elastic > 0 else None
    draw = torch.rand(n, generator=generator).to(device)
    pixels = (draw < how.thick).long() - ((draw >= how.thick) & (draw < how.thick + how.thin)).long()
    keep = (torch.rand(n, generator=generator) < how.clean).to(device).view(-1, 1, 1, 1)
    # the scan's draws come last, so with it off the recipe's other draws stay as they were
    scanned = _scanned(images, how, generator) if how.scan in ("before", "untouched") else images
    out = affine(scanned if how.scan == "before" else images, angle, scale, shift_x, shift_y, field)
    out = thicken(out, pixels).clamp_(0.0, 1.0)
    if how.scan == "after":
        out = _scanned(out, how, generator)
    return torch.where(keep, scanned if how.scan == "untouched" else images, out)


@dataclass(frozen=True)
class RandomChanges:
    """A training run's batch transform (`core.training.engine.BatchTransform`): each batch of 0-1
    ink changed at random within `how`, from the run's generator, then normalised for the network.
    When `changeable` [N] (bool, over the run's training images) is given, only those are changed."""

    how: Augmentation
    changeable: torch.Tensor | None = None

    def __call__(self, x: torch.Tensor, index: torch.Tensor, generator: torch.Generator) -> torch.Tensor:
        changed = random_changes(x, self.how, generator)
        if self.changeable is not None:
            changed = torch.where(self.changeable[index].view(-1, 1, 1, 1), changed, x)
        return to_input(changed)


def to_ink(normalised: torch.Tensor) -> torch.Tensor:
    """The network's input back on the 0-1 ink scale (undoes `core.data.normalise`)."""
    return normalised * MNIST_STD + MNIST_MEAN


def to_input(ink: torch.Tensor) -> torch.Tensor:
    """0-1 ink [N, 1, 28, 28] as the network's input (what `core.data.normalise` does)."""
    return (ink - MNIST_MEAN) / MNIST_STD


def uniform_change(images: torch.Tensor, angle: float = 0.0, shift_x: float = 0.0, shift_y: float = 0.0,
                   scale: float = 1.0, thickness: int = 0) -> torch.Tensor:
    """The same change applied to every image of a 0-1 ink batch (the robustness benchmark's)."""
    n = len(images)
    full = [torch.full((n,), float(v)) for v in (angle, scale, shift_x, shift_y)]
    out = images if (angle, shift_x, shift_y, scale) == (0.0, 0.0, 0.0, 1.0) else affine(images, *full)
    if thickness:
        out = thicken(out, torch.full((n,), thickness, dtype=torch.long))
    return out.clamp(0.0, 1.0)

