"""core.sketch.augment's low-resolution scan and blur, and core.sketch.robustness.scanned (the proxy)."""

from dataclasses import replace

import numpy as np
import pytest
import torch
from PIL import Image

from core.data import load_mnist
from core.sketch import to_mnist
from core.sketch.augment import (
    ROBUST,
    Augmentation,
    RandomChanges,
    blur,
    box_matrix,
    low_resolution,
    random_changes,
    refit,
)
from core.sketch.robustness import scanned

DIGITS = load_mnist(train=False)[0][:16].astype(np.float32) / 255.0


def pil_resize(image: np.ndarray, side: int, method: Image.Resampling) -> np.ndarray:
    return np.asarray(Image.fromarray(image, mode="F").resize((side, side), method), dtype=np.float32)


@pytest.mark.parametrize("size", [7, 8, 12, 14, 16])
def test_low_resolution_is_pils_box_down_then_bilinear_up(size: int) -> None:
    image = np.random.default_rng(size).random((28, 28), dtype=np.float32)
    small = pil_resize(image, size, Image.Resampling.BOX)
    box = box_matrix(size)
    assert np.allclose((box @ torch.from_numpy(image) @ box.T).numpy(), small, atol=1e-5)
    expected = np.clip(pil_resize(small, 28, Image.Resampling.BILINEAR), 0, 1)
    assert np.allclose(low_resolution(torch.from_numpy(image)[None, None], size)[0, 0].numpy(), expected,
                       atol=1e-5)


def test_box_rows_are_averages_covering_every_pixel_once() -> None:
    box = box_matrix(8)
    assert torch.allclose(box.sum(dim=1), torch.ones(8))
    assert torch.equal((box > 0).sum(dim=0), torch.ones(28, dtype=torch.long))


def test_blur_keeps_the_ink_and_spreads_it() -> None:
    ink = torch.zeros(2, 1, 28, 28)
    ink[:, 0, 14, 14] = 1.0
    out = blur(ink, torch.tensor([0.5, 1.5]))
    assert torch.allclose(out.sum(dim=(1, 2, 3)), torch.ones(2), atol=1e-5)
    assert out[1, 0, 14, 14] < out[0, 0, 14, 14] < 1.0  # the wider blur spreads it further
    assert torch.allclose(out[0, 0], out[0, 0].T, atol=1e-6)  # the same along rows and columns


def test_the_scan_comes_after_the_recipes_other_changes_drawn_as_before() -> None:
    ink = torch.from_numpy(DIGITS).unsqueeze(1)
    how = replace(ROBUST, clean=0.0, low_res=0.0, blur=0.0, scan="after")
    plain = random_changes(ink, how, torch.Generator().manual_seed(3))
    scan = random_changes(ink, replace(how, low_res=1.0, low_res_size=(8, 8)),
                          torch.Generator().manual_seed(3))
    assert torch.allclose(scan, refit(low_resolution(plain, 8)), atol=1e-6)
    peak_only = random_changes(ink, replace(how, low_res=1.0, low_res_size=(8, 8), refit=False),
                               torch.Generator().manual_seed(3))
    rescaled = low_resolution(plain, 8)
    assert torch.allclose(peak_only, rescaled / rescaled.amax(dim=(1, 2, 3), keepdim=True), atol=1e-6)


def test_a_scan_before_the_changes_or_of_the_untouched_share_only() -> None:
    ink = torch.from_numpy(DIGITS).unsqueeze(1)
    how = Augmentation(low_res=1.0, low_res_size=(8, 8), clean=0.5)
    after = random_changes(ink, how, torch.Generator().manual_seed(4))
    untouched = random_changes(ink, replace(how, scan="untouched"), torch.Generator().manual_seed(4))
    plain = random_changes(ink, replace(how, low_res=0.0), torch.Generator().manual_seed(4))
    kept = (plain == ink).flatten(1).all(dim=1)  # the untouched share
    assert 0 < kept.sum() < len(ink)
    scans = refit(low_resolution(ink, 8))
    assert torch.allclose(untouched[kept], scans[kept], atol=1e-6)
    assert torch.equal(untouched[~kept], plain[~kept]) and torch.equal(after[kept], ink[kept])
    before = random_changes(ink, replace(how, scan="before"), torch.Generator().manual_seed(4))
    assert torch.equal(before[kept], ink[kept]) and not torch.allclose(before[~kept], after[~kept])


def test_refit_does_what_to_mnist_does_to_a_soft_scan() -> None:
    blocky = low_resolution(torch.from_numpy(DIGITS).unsqueeze(1), 8)
    ours = refit(blocky)[:, 0].numpy()
    pages = np.stack([to_mnist(image) for image in blocky[:, 0].numpy()])
    assert np.abs(ours - pages).mean() < 0.2 * pages.mean()  # resampled differently, the same digit
    rows = np.arange(28)
    for image in (ours, pages):  # centre of mass at row and column 14, darkest ink full
        mass = image.sum(axis=(1, 2))
        assert np.allclose((image.sum(axis=2) * rows).sum(axis=1) / mass, 14.0, atol=0.6)
        assert np.allclose(image.max(axis=(1, 2)), 1.0)


def test_options_off_draw_nothing_more_from_the_generator() -> None:
    ink = torch.from_numpy(DIGITS).unsqueeze(1)
    off, on = torch.Generator().manual_seed(1), torch.Generator().manual_seed(1)
    random_changes(ink, Augmentation(), off)
    random_changes(ink, Augmentation(low_res=0.5, blur=0.5), on)
    again = torch.Generator().manual_seed(1)
    random_changes(ink, Augmentation(), again)
    assert torch.equal(off.get_state(), again.get_state())
    assert not torch.equal(off.get_state(), on.get_state())


def test_scanned_training_batches_are_reproducible_and_peak_at_full_ink() -> None:
    ink = torch.from_numpy(DIGITS).unsqueeze(1)
    how = Augmentation(low_res=1.0, blur=0.3, clean=0.0)
    first = random_changes(ink, how, torch.Generator().manual_seed(5))
    assert torch.equal(first, random_changes(ink, how, torch.Generator().manual_seed(5)))
    assert torch.allclose(first.amax(dim=(1, 2, 3)), torch.ones(len(ink)), atol=1e-5)
    normalised = RandomChanges(how)(ink, torch.arange(len(ink)), torch.Generator().manual_seed(5))
    assert normalised.shape == ink.shape


@pytest.mark.skipif(not torch.cuda.is_available(), reason="needs a CUDA device")
def test_changes_run_on_the_batchs_device_with_the_same_draws() -> None:
    ink = torch.from_numpy(DIGITS).unsqueeze(1)
    how = Augmentation(low_res=0.5, blur=0.3)
    cpu = random_changes(ink, how, torch.Generator().manual_seed(2))
    gpu = random_changes(ink.cuda(), how, torch.Generator().manual_seed(2))
    assert gpu.device.type == "cuda" and torch.allclose(gpu.cpu(), cpu, atol=1e-4)


def test_scanned_digits_are_what_the_sketch_page_makes_of_a_pil_scan() -> None:
    out = scanned(DIGITS[:4], 8)
    assert out.shape == (4, 28, 28) and out.dtype == np.float32
    for digit, read in zip(DIGITS[:4], out, strict=True):
        small = pil_resize(digit, 8, Image.Resampling.BOX)
        scan = np.clip(pil_resize(small, 28, Image.Resampling.BILINEAR), 0, 1)
        assert np.allclose(read, to_mnist(scan), atol=1e-4)
        assert read.max() == pytest.approx(1.0)
