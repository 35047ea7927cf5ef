"""Logo uploads: what is accepted, what is refused, and what comes out."""

import io
import struct
import zlib
from typing import Any

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags, Image, ImageCms, ImageFile

from creativecities.images import MAX_BYTES, LogoField, ProcessedLogo, process_logo

pytestmark = pytest.mark.usefixtures("english")


def image_bytes(fmt: str, size: tuple[int, int] = (200, 100), mode: str = "RGB", **save: Any):
    colour: Any = {"RGBA": (200, 30, 30, 255), "L": 128, "CMYK": (0, 200, 200, 0)}.get(
        mode, (200, 30, 30)
    )
    image = Image.new(mode, size, colour)
    buffer = io.BytesIO()
    image.save(buffer, fmt, **save)
    return buffer.getvalue()


def upload(data: bytes, name: str = "logo.png", content_type: str = "image/png"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def opened(logo_file) -> Image.Image:
    logo_file.seek(0)
    image = Image.open(io.BytesIO(logo_file.read()))
    image.load()
    return image


def pixel(image: Image.Image, x: int, y: int) -> tuple[int, ...]:
    value = image.getpixel((x, y))
    assert isinstance(value, tuple)
    return value


def refusal(data: bytes, name: str = "logo.png") -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        process_logo(upload(data, name))
    return caught.value


def png_declaring(width: int, height: int) -> bytes:
    """A few hundred bytes of PNG whose header claims the given dimensions."""

    def chunk(kind: bytes, payload: bytes) -> bytes:
        crc = zlib.crc32(kind + payload) & 0xFFFFFFFF
        return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0" * 4096))
        + chunk(b"IEND", b"")
    )


@pytest.fixture
def no_pixel_decoding(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail the test if any image is decoded."""

    def load(self: Any) -> None:
        raise AssertionError("pixels were decoded")

    monkeypatch.setattr(ImageFile.ImageFile, "load", load)


def test_a_photo_loses_its_exif_and_gps_position_and_gets_a_thumbnail() -> None:
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Camera"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (44.0, 24.0, 26.0)
    data = image_bytes("JPEG", exif=exif, xmp=b"<x:xmpmeta>secret</x:xmpmeta>")
    assert Image.open(io.BytesIO(data)).getexif().get_ifd(ExifTags.IFD.GPSInfo)

    logo = process_logo(upload(data, "photo.jpg", "image/jpeg"))

    image = opened(logo.image)
    assert image.format == "WEBP"
    assert not image.getexif()
    assert not {"exif", "xmp", "icc_profile"} & set(image.info)
    assert b"secret" not in logo.image.read()
    assert (logo.width, logo.height) == (200, 100) == image.size
    thumbnail = opened(logo.thumbnail)
    assert thumbnail.size == (160, 160)
    assert not thumbnail.getexif()


def test_the_stored_name_is_random_and_says_webp() -> None:
    data = image_bytes("PNG")

    first = process_logo(upload(data, "../../etc/passwd.png"))
    second = process_logo(upload(data, "../../etc/passwd.png"))

    assert first.image.name != second.image.name
    assert first.image.name.endswith(".webp")
    assert "/" not in str(first.image.name)
    assert "passwd" not in str(first.image.name)


def test_the_exif_orientation_is_applied_before_it_is_dropped() -> None:
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6  # taken with the camera turned: rotate 90°
    data = image_bytes("JPEG", size=(200, 100), exif=exif)

    logo = process_logo(upload(data, "turned.jpg"))

    assert opened(logo.image).size == (100, 200)


def test_a_transparent_png_stays_transparent() -> None:
    image = Image.new("RGBA", (100, 100), (0, 0, 0, 0))
    image.paste((20, 120, 200, 255), (25, 25, 75, 75))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")

    logo = process_logo(upload(buffer.getvalue()))

    result = opened(logo.image)
    assert result.mode == "RGBA"
    assert pixel(result, 0, 0)[3] == 0
    assert pixel(result, 50, 50)[3] == 255
    thumbnail = opened(logo.thumbnail)
    assert pixel(thumbnail, 0, 0)[3] == 0
    assert pixel(thumbnail, 80, 80)[3] == 255


def test_a_palette_png_with_a_transparent_colour_keeps_it() -> None:
    image = Image.new("P", (60, 60), 0)
    image.putpalette([255, 255, 255, 10, 60, 160] + [0] * 762)
    image.paste(1, (20, 20, 40, 40))
    buffer = io.BytesIO()
    image.save(buffer, "PNG", transparency=0)

    result = opened(process_logo(upload(buffer.getvalue())).image)

    assert result.mode == "RGBA"
    assert pixel(result, 0, 0)[3] == 0
    assert pixel(result, 30, 30)[:3] == pytest.approx((10, 60, 160), abs=8)


def test_an_opaque_image_is_stored_without_an_alpha_channel() -> None:
    logo = process_logo(upload(image_bytes("PNG", mode="RGBA")))

    assert opened(logo.image).mode == "RGB"


def test_a_large_image_is_scaled_down_to_800_pixels_on_its_long_side() -> None:
    logo = process_logo(upload(image_bytes("JPEG", size=(3000, 1500), quality=50), "big.jpg"))

    assert opened(logo.image).size == (800, 400)
    assert (logo.width, logo.height) == (800, 400)


def test_a_small_logo_is_not_enlarged_and_its_thumbnail_is_padded() -> None:
    logo = process_logo(upload(image_bytes("PNG", size=(64, 32))))

    assert opened(logo.image).size == (64, 32)
    thumbnail = opened(logo.thumbnail)
    assert thumbnail.size == (160, 160)
    assert pixel(thumbnail, 80, 80)[3] == 255
    assert pixel(thumbnail, 80, 10)[3] == 0


def test_a_cmyk_jpeg_comes_out_in_rgb() -> None:
    logo = process_logo(upload(image_bytes("JPEG", mode="CMYK"), "print.jpg"))

    assert opened(logo.image).mode == "RGB"


def test_a_16_bit_greyscale_png_keeps_its_tones() -> None:
    image = Image.new("I;16", (40, 40), 32768)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")

    result = opened(process_logo(upload(buffer.getvalue())).image)

    assert pixel(result, 20, 20)[0] == pytest.approx(128, abs=4)


def test_a_colour_profile_is_applied_then_dropped() -> None:
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    data = image_bytes("PNG", icc_profile=srgb)

    result = opened(process_logo(upload(data)).image)

    assert result.format == "WEBP"
    assert "icc_profile" not in result.info


def test_a_webp_is_accepted_and_loses_its_metadata() -> None:
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Camera"
    data = image_bytes("WEBP", exif=exif, xmp=b"<x:xmpmeta>secret</x:xmpmeta>")

    logo = process_logo(upload(data, "logo.webp", "image/webp"))

    result = opened(logo.image)
    assert result.format == "WEBP"
    assert not result.getexif()
    assert "xmp" not in result.info


def test_a_pdf_renamed_png_is_refused() -> None:
    pdf = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"

    error = refusal(pdf, "logo.png")

    assert error.code == "invalid_type"
    assert "JPEG, PNG or WebP" in error.messages[0]


def test_a_gif_is_refused_even_named_jpg() -> None:
    error = refusal(image_bytes("GIF"), "logo.jpg")

    assert error.code == "invalid_type"


@pytest.mark.parametrize("fmt", ["BMP", "TIFF"])
def test_other_image_formats_are_refused(fmt: str) -> None:
    assert refusal(image_bytes(fmt)).code == "invalid_type"


def test_a_file_over_5_mb_is_refused() -> None:
    data = image_bytes("PNG") + b"\0" * (6 * 1024 * 1024)

    error = refusal(data)

    assert error.code == "too_big"
    assert "5 MB" in error.messages[0]


def test_a_file_of_exactly_5_mb_is_not_refused_for_its_size() -> None:
    data = image_bytes("PNG")
    data += b"\0" * (MAX_BYTES - len(data))  # trailing bytes after IEND are ignored

    assert isinstance(process_logo(upload(data)), ProcessedLogo)


def test_an_empty_file_is_refused() -> None:
    assert refusal(b"").code == "empty"


def test_a_50_megapixel_image_is_refused_from_its_header(no_pixel_decoding: None) -> None:
    image = Image.new("P", (10000, 5000), 0)  # a flat colour: a few KB on disk
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    assert len(buffer.getvalue()) < 100_000

    error = refusal(buffer.getvalue())

    assert error.code == "too_many_pixels"
    assert "10000 × 5000" in error.messages[0]
    assert "40 megapixels" in error.messages[0]


def test_an_image_just_over_the_limit_is_refused_without_decoding(
    no_pixel_decoding: None,
) -> None:
    assert refusal(png_declaring(8000, 5001)).code == "too_many_pixels"


def test_a_decompression_bomb_is_refused_from_its_header(no_pixel_decoding: None) -> None:
    data = png_declaring(100_000, 100_000)
    assert len(data) < 1000

    error = refusal(data)

    assert error.code == "too_many_pixels"


def test_the_portal_limit_holds_even_without_pillows_own_guard(
    monkeypatch: pytest.MonkeyPatch, no_pixel_decoding: None
) -> None:
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", None)

    assert refusal(png_declaring(100_000, 100_000)).code == "too_many_pixels"


def test_a_truncated_jpeg_is_refused() -> None:
    noisy = Image.effect_noise((400, 300), 60).convert("RGB")
    buffer = io.BytesIO()
    noisy.save(buffer, "JPEG")
    data = buffer.getvalue()

    error = refusal(data[: len(data) // 2], "cut.jpg")

    assert error.code == "unreadable"


def test_a_png_with_a_broken_header_is_unreadable_not_of_the_wrong_type() -> None:
    error = refusal(b"\x89PNG\r\n\x1a\n" + b"garbage" * 20)

    assert error.code == "unreadable"


class LogoForm(forms.Form):
    logo = LogoField(required=False)


class RequiredLogoForm(forms.Form):
    logo = LogoField()


def test_the_field_cleans_an_upload_into_a_processed_logo() -> None:
    form = LogoForm(files={"logo": upload(image_bytes("PNG"))})

    assert form.is_valid(), form.errors
    assert isinstance(form.cleaned_data["logo"], ProcessedLogo)


def test_the_field_is_none_when_nothing_is_uploaded() -> None:
    form = LogoForm(data={}, files={})

    assert form.is_valid()
    assert form.cleaned_data["logo"] is None


def test_a_required_field_wants_a_file_unless_there_is_one_already() -> None:
    assert not RequiredLogoForm(data={}, files={}).is_valid()
    assert RequiredLogoForm(data={}, files={}, initial={"logo": "logos/a.webp"}).is_valid()


def test_the_field_shows_the_refusal_to_the_user() -> None:
    form = LogoForm(files={"logo": upload(b"%PDF-1.4 not an image", "logo.png")})

    assert not form.is_valid()
    assert "JPEG, PNG or WebP" in form.errors["logo"][0]


def test_the_field_tells_the_browser_and_the_user_what_is_accepted() -> None:
    html = str(LogoForm()["logo"])
    help_text = str(LogoForm().fields["logo"].help_text)

    assert 'accept="image/jpeg,image/png,image/webp"' in html
    assert 'type="file"' in html
    assert "5 MB" in help_text
    assert "40 megapixels" in help_text
