"""core.sketch.upload: photos and scans of digits decoded and cleaned; bad files give clear error codes."""

import io
import struct
import zlib

import numpy as np
import pytest
from PIL import Image

from core import sketch
from core.checkpoint import load_model
from core.sketch import upload
from core.sketch.explain import read_digit
from tests.phone_photos import SIZES, displayed_shape, phone_photo
from tests.sketch_digits import draw_digit


def encode(image: Image.Image, fmt: str, **options) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format=fmt, **options)
    return buffer.getvalue()


def paper_photo(digit: str, side: int = 400) -> Image.Image:
    """Dark ink on uneven light-grey paper with grain, like a phone photo."""
    ink = draw_digit(digit, side=side, pen=side // 14)[..., 0] / 255.0
    rng = np.random.default_rng(0)
    shading = np.linspace(0.78, 0.9, side)[None, :]  # light falling off across the page
    paper = shading + rng.normal(0, 0.03, (side, side))
    photo = paper * (1 - ink) + 0.15 * ink
    return Image.fromarray((np.clip(photo, 0, 1) * 255).astype(np.uint8)).convert("RGB")


def png_header_only(width: int, height: int) -> bytes:
    """A PNG that declares `width` x `height` but carries almost no pixels."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)  # 1-bit grayscale
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0")) + chunk(
        b"IEND", b"")


@pytest.fixture(scope="module")
def model():
    return load_model()[0]


@pytest.mark.parametrize("fmt", ["PNG", "JPEG"])
def test_dark_ink_on_light_paper_is_inverted_and_read(model, fmt: str) -> None:
    ink = upload.upload_to_ink(encode(paper_photo("7"), fmt))
    assert ink.max() == pytest.approx(1.0)
    assert np.median(ink) == 0.0  # the paper became black background
    assert read_digit(model, sketch.to_mnist(ink)).digit == 7


def test_light_ink_on_dark_is_kept_as_it_is(model) -> None:
    data = encode(Image.fromarray(draw_digit("4")[..., 0]), "PNG")
    assert read_digit(model, sketch.to_mnist(upload.upload_to_ink(data))).digit == 4


def test_transparent_png_gives_its_alpha_channel(model) -> None:
    data = encode(Image.fromarray(draw_digit("0", alpha_ink=True, ink=(20, 20, 200)), "RGBA"), "PNG")
    gray = upload.decode_upload(data)
    assert gray.max() == pytest.approx(1.0) and gray.min() == 0.0
    assert read_digit(model, sketch.to_mnist(upload.upload_to_ink(data))).digit == 0


def test_big_photos_are_shrunk_to_a_working_size() -> None:
    gray = upload.decode_upload(encode(paper_photo("1", side=1500), "JPEG"))
    assert max(gray.shape) <= upload.WORK_SIDE


def test_exif_rotation_is_applied() -> None:
    image = Image.new("L", (60, 30), 255)
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90° clockwise to display"
    gray = upload.decode_upload(encode(image, "JPEG", exif=exif))
    assert gray.shape == (60, 30)


def test_blank_paper_has_no_ink() -> None:
    paper = Image.fromarray(np.full((200, 200), 220, dtype=np.uint8))
    ink = upload.upload_to_ink(encode(paper, "JPEG"))
    assert not ink.any() and sketch.to_mnist(ink) is None


@pytest.mark.parametrize("data", [b"", b"hello, this is a text file", b"%PDF-1.4 not really"])
def test_not_an_image(data: bytes) -> None:
    with pytest.raises(upload.UploadError) as caught:
        upload.decode_upload(data)
    assert caught.value.problem == "not_image"


def test_other_image_formats_are_refused_by_name() -> None:
    with pytest.raises(upload.UploadError) as caught:
        upload.decode_upload(encode(Image.new("L", (20, 20)), "GIF"))
    assert caught.value.problem == "format" and caught.value.detail == "GIF"


@pytest.mark.parametrize("fmt", ["PNG", "JPEG"])
def test_truncated_file(fmt: str) -> None:
    data = encode(paper_photo("7"), fmt)
    with pytest.raises(upload.UploadError) as caught:
        upload.decode_upload(data[: len(data) // 2])
    assert caught.value.problem == "truncated"


def jpeg_declaring(width: int, height: int) -> bytes:
    """A small JPEG whose frame header (SOF0) declares `width` x `height`."""
    data = bytearray(encode(Image.new("L", (16, 16), 200), "JPEG"))
    frame = data.index(b"\xff\xc0")
    struct.pack_into(">HH", data, frame + 5, height, width)
    return bytes(data)


def refused(data: bytes) -> upload.UploadError:
    with pytest.raises(upload.UploadError) as caught:
        upload.decode_upload(data)
    return caught.value


@pytest.mark.parametrize("width,height", [(5000, 4001), (30_000, 30_000)])
def test_a_png_over_20_megapixels_is_refused_before_decoding(width: int, height: int) -> None:
    assert refused(png_header_only(width, height)).problem == "png_too_large"


def test_a_png_of_exactly_20_megapixels_is_accepted() -> None:
    data = encode(Image.new("1", (5000, 4000)), "PNG")  # exactly 20 megapixels, all black
    assert upload.decode_upload(data).shape == (448, 560)


@pytest.mark.parametrize("width,height,detail", [
    (13_000, 10_000, "13000 × 10000"),  # 130 MP: over the cap, under PIL's own bomb limit
    (65_000, 65_000, "4,225,000,000 pixels"),  # PIL refuses it as a decompression bomb
])
def test_a_jpeg_far_above_any_camera_is_refused_before_decoding(width: int, height: int, detail: str) -> None:
    err = refused(jpeg_declaring(width, height))
    assert err.problem == "too_large" and err.detail == detail


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("orientation", [1, 6, 8])
def test_a_phone_photo_is_read_upright_at_a_working_size(model, size: str, orientation: int) -> None:
    shape = displayed_shape(SIZES[size], orientation)  # 6 and 8: a portrait shot
    gray = upload.decode_upload(phone_photo(SIZES[size], "7", orientation, mode="L"))
    assert max(gray.shape) == upload.WORK_SIDE
    assert (gray.shape[0] > gray.shape[1]) == (shape[0] > shape[1])
    assert gray.shape[0] / gray.shape[1] == pytest.approx(shape[0] / shape[1], rel=0.02)
    assert read_digit(model, sketch.to_mnist(upload.photo_to_ink(gray))).digit == 7


def test_a_colour_phone_photo_is_read_too(model) -> None:
    ink = upload.upload_to_ink(phone_photo(SIZES["24MP"], "4", 6, mode="RGB"))
    assert read_digit(model, sketch.to_mnist(ink)).digit == 4


@pytest.mark.parametrize("brands", [b"heic" + b"\0\0\0\0" + b"mif1heic", b"mif1" + b"\0\0\0\0" + b"mif1heic",
                                    b"heix" + b"\0\0\0\0" + b"mif1heix"])
def test_an_iphone_heic_photo_is_recognised_by_its_bytes_not_its_name(brands: bytes) -> None:
    data = struct.pack(">I", 8 + len(brands)) + b"ftyp" + brands + b"\0" * 200
    assert upload.is_heic(data)
    assert refused(data).problem == "heic"


def test_an_avif_is_not_taken_for_heic() -> None:
    brands = b"avif" + b"\0\0\0\0" + b"mif1avif"
    data = struct.pack(">I", 8 + len(brands)) + b"ftyp" + brands + b"\0" * 200
    assert not upload.is_heic(data)
    assert refused(data).problem in ("not_image", "format")
    assert not upload.is_heic(encode(Image.new("L", (20, 20)), "JPEG"))
