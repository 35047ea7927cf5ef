"""Photos: the logo's checks, a larger side kept and a landscape thumbnail."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import ExifTags, Image

from creativecities.images import (
    MAX_BYTES,
    PHOTO_MAX_SIDE,
    PHOTO_THUMBNAIL_SIZE,
    PhotoField,
    process_photo,
)


def photo_bytes(size: tuple[int, int], fmt: str = "JPEG", **save: object) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (40, 120, 200)).save(buffer, fmt, **save)
    return buffer.getvalue()


def photo_opened(stored: object) -> Image.Image:
    stored.seek(0)  # type: ignore[attr-defined]
    image = Image.open(io.BytesIO(stored.read()))  # type: ignore[attr-defined]
    image.load()
    return image


def test_a_photo_is_re_encoded_without_its_exif_at_a_bounded_size() -> None:
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Camera"
    exif[ExifTags.Base.GPSInfo] = {1: "N", 2: (44.0, 24.0, 0.0)}
    data = photo_bytes((3200, 2000), exif=exif.tobytes())

    photo = process_photo(SimpleUploadedFile("room.jpg", data, content_type="image/jpeg"))

    image = photo_opened(photo.image)
    assert image.format == "WEBP"
    assert max(image.size) == PHOTO_MAX_SIDE == 1600
    assert (photo.width, photo.height) == image.size
    assert not image.getexif()
    assert "exif" not in image.info and "icc_profile" not in image.info
    thumbnail = photo_opened(photo.thumbnail)
    assert thumbnail.size == PHOTO_THUMBNAIL_SIZE
    name = photo.image.name or ""
    assert name.endswith(".webp") and "room" not in name


def test_a_small_photo_is_not_enlarged() -> None:
    photo = process_photo(SimpleUploadedFile("small.png", photo_bytes((300, 200), "PNG")))

    assert (photo.width, photo.height) == (300, 200)


def test_a_file_that_is_not_an_image_is_refused_with_words_about_a_photo() -> None:
    with translation.override("en"):
        with pytest.raises(ValidationError) as caught:
            process_photo(SimpleUploadedFile("room.jpg", b"%PDF-1.4 not a picture"))
        message = caught.value.messages[0]

    assert caught.value.code == "invalid_type"
    assert "photo" in message


def test_a_photo_too_heavy_is_refused_before_it_is_read() -> None:
    upload = SimpleUploadedFile("room.jpg", b"\xff\xd8\xff" + b"0" * MAX_BYTES)

    with translation.override("en"):
        with pytest.raises(ValidationError) as caught:
            process_photo(upload)
        message = caught.value.messages[0]

    assert caught.value.code == "too_big"
    assert "a photo can be at most 5 MB" in message


def test_the_photo_field_offers_images_and_returns_the_processed_photo() -> None:
    field = PhotoField(required=False)

    assert field.widget.attrs["accept"] == "image/jpeg,image/png,image/webp"
    assert field.clean(None) is None
    processed = field.clean(SimpleUploadedFile("a.png", photo_bytes((50, 40), "PNG")))
    assert processed is not None and processed.width == 50
