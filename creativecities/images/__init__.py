"""Logos and photos: checked, decoded and re-encoded before anything is stored.

An uploaded file is never kept as sent. It must decode as a JPEG, PNG or WebP
image (whatever its name says), weigh at most 5 MB and declare at most 40
megapixels in its header, which is checked before any pixel is decoded, so a
decompression bomb is refused while it is still a few bytes. The pixels are
then redrawn by Pillow into a fresh WebP file with no metadata at all: no EXIF
(camera, GPS position), no XMP, no colour profile (colours are converted to
sRGB first). WebP keeps transparency, is read by every current browser and is
a fraction of the size of a PNG.

Logos and photos share every check; they differ only in the largest side kept,
the thumbnail (a transparent square for a logo, a cropped landscape frame for a
photo) and the wording of the messages.
"""

from __future__ import annotations

import io
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile, File
from django.template.defaultfilters import filesizeformat
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

MAX_BYTES = 5 * 1024 * 1024
MAX_PIXELS = 40_000_000
MAX_SIDE = 800
THUMBNAIL_SIDE = 160
FORMATS = ("JPEG", "PNG", "WEBP")
ACCEPT = "image/jpeg,image/png,image/webp"
OUTPUT_FORMAT = "WEBP"
OUTPUT_EXTENSION = "webp"
QUALITY = 90
PHOTO_MAX_SIDE = 1600
PHOTO_THUMBNAIL_SIZE = (480, 320)

# How each accepted format begins; used only to tell a damaged image from a
# file of another kind, never to accept one (Pillow decides that).
SIGNATURES = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n")

# What Pillow's decoders raise on damaged or truncated data.
DECODE_ERRORS = (OSError, SyntaxError, ValueError, EOFError, IndexError, TypeError)

ERRORS = {
    "invalid_type": _(
        "This file is not a JPEG, PNG or WebP image. Save the logo in one of these "
        "formats and upload it again."
    ),
    "empty": _("The file is empty."),
    "too_big": _("The file is %(size)s; a logo can be at most %(limit)s MB."),
    "too_many_pixels": _(
        "The image is %(width)s × %(height)s pixels; a logo can have at most "
        "%(limit)s megapixels. Reduce it and upload it again."
    ),
    "bomb": _(
        "The image declares far more than %(limit)s megapixels, the most a logo can "
        "have. Reduce it and upload it again."
    ),
    "unreadable": _(
        "The image cannot be read: the file seems damaged or incomplete. "
        "Save it again and upload the new file."
    ),
}


# The same refusals, worded for a photo.
PHOTO_ERRORS = {
    **ERRORS,
    "invalid_type": _(
        "This file is not a JPEG, PNG or WebP image. Save the photo in one of these "
        "formats and upload it again."
    ),
    "too_big": _("The file is %(size)s; a photo can be at most %(limit)s MB."),
    "too_many_pixels": _(
        "The image is %(width)s × %(height)s pixels; a photo can have at most "
        "%(limit)s megapixels. Reduce it and upload it again."
    ),
    "bomb": _(
        "The image declares far more than %(limit)s megapixels, the most a photo can "
        "have. Reduce it and upload it again."
    ),
}


@dataclass(frozen=True)
class ProcessedLogo:
    """A logo ready to store: the re-encoded image and its square thumbnail."""

    image: ContentFile[bytes]
    thumbnail: ContentFile[bytes]
    width: int
    height: int


@dataclass(frozen=True)
class ProcessedPhoto:
    """A photo ready to store: the re-encoded image and its landscape thumbnail."""

    image: ContentFile[bytes]
    thumbnail: ContentFile[bytes]
    width: int
    height: int


# The code a form or a test sees for each message.
CODES = {"bomb": "too_many_pixels"}


def refuse(message: str, *, errors: Mapping[str, Any] = ERRORS, **params: Any) -> ValidationError:
    return ValidationError(errors[message], code=CODES.get(message, message), params=params or None)


def looks_like_accepted_format(data: bytes) -> bool:
    return data.startswith(SIGNATURES) or (data[:4] == b"RIFF" and data[8:12] == b"WEBP")


def process_logo(upload: File[Any]) -> ProcessedLogo:
    """Check an uploaded logo and return it redrawn, or raise ValidationError."""
    logo = checked_and_redrawn(upload, side=MAX_SIDE, errors=ERRORS)
    name = f"{secrets.token_hex(16)}.{OUTPUT_EXTENSION}"
    return ProcessedLogo(
        image=ContentFile(encode(logo), name=name),
        thumbnail=ContentFile(encode(square_thumbnail(logo)), name=name),
        width=logo.width,
        height=logo.height,
    )


def process_photo(upload: File[Any]) -> ProcessedPhoto:
    """Check an uploaded photo and return it redrawn, or raise ValidationError.

    The same rules as a logo's, with a larger side kept (photos of premises are
    looked at closely) and a thumbnail cropped to fill a card's frame.
    """
    photo = checked_and_redrawn(upload, side=PHOTO_MAX_SIDE, errors=PHOTO_ERRORS)
    name = f"{secrets.token_hex(16)}.{OUTPUT_EXTENSION}"
    thumbnail = ImageOps.fit(photo, PHOTO_THUMBNAIL_SIZE, Image.Resampling.LANCZOS)
    return ProcessedPhoto(
        image=ContentFile(encode(photo), name=name),
        thumbnail=ContentFile(encode(thumbnail), name=name),
        width=photo.width,
        height=photo.height,
    )


def checked_and_redrawn(upload: File[Any], *, side: int, errors: Mapping[str, Any]) -> Image.Image:
    """The upload's picture redrawn at most `side` pixels long, after every check."""
    data = read_at_most(upload, MAX_BYTES, errors=errors)
    if not data:
        raise refuse("empty", errors=errors)
    image = open_image(data, errors=errors)
    width, height = image.size
    if width * height > MAX_PIXELS:
        raise refuse(
            "too_many_pixels",
            errors=errors,
            width=width,
            height=height,
            limit=MAX_PIXELS // 1_000_000,
        )
    try:
        if image.format == "JPEG":
            # Let the JPEG decoder scale down by up to 8 while decoding: a
            # fraction of the memory and time for a large photograph.
            image.draft(None, (side, side))
        image.load()
        return redraw(image, side=side)
    except DECODE_ERRORS as error:
        raise refuse("unreadable", errors=errors) from error
    finally:
        image.close()


def read_at_most(upload: File[Any], limit: int, *, errors: Mapping[str, Any] = ERRORS) -> bytes:
    """The file's bytes, refusing it as soon as it is known to exceed `limit`.

    The declared size is checked first; the read is bounded too, in case the
    declared size is wrong.
    """
    size = getattr(upload, "size", None)
    if isinstance(size, int) and size > limit:
        raise refuse("too_big", errors=errors, size=filesizeformat(size), limit=limit // 1024**2)
    if upload.seekable():
        upload.seek(0)
    data = upload.read(limit + 1)
    if len(data) > limit:
        declared = max(size or 0, len(data))
        raise refuse(
            "too_big", errors=errors, size=filesizeformat(declared), limit=limit // 1024**2
        )
    return bytes(data)


def open_image(data: bytes, *, errors: Mapping[str, Any] = ERRORS) -> Image.Image:
    """Identify the image from its content and read its header, no pixels yet.

    Only the JPEG, PNG and WebP decoders are tried. Pillow's own guard
    (`Image.MAX_IMAGE_PIXELS`) raises DecompressionBombError here for absurd
    dimensions; the stricter limit of the portal is checked by the caller.
    """
    try:
        return Image.open(io.BytesIO(data), formats=FORMATS)
    except Image.DecompressionBombError as error:
        raise refuse("bomb", errors=errors, limit=MAX_PIXELS // 1_000_000) from error
    except (UnidentifiedImageError, *DECODE_ERRORS) as error:
        code = "unreadable" if looks_like_accepted_format(data) else "invalid_type"
        raise refuse(code, errors=errors) from error


def redraw(image: Image.Image, *, side: int = MAX_SIDE) -> Image.Image:
    """The picture upright, in sRGB, at most `side` pixels long, and nothing else."""
    image = upright(image)
    image = plain_mode(image)
    image.thumbnail((side, side), Image.Resampling.LANCZOS)
    image = in_srgb(image)
    if image.mode == "RGBA" and image.getchannel("A").getextrema() == (255, 255):
        image = image.convert("RGB")  # an alpha channel that hides nothing
    # A new image from the pixels alone: no EXIF, XMP, ICC or comments survive.
    return Image.frombytes(image.mode, image.size, image.tobytes())


def upright(image: Image.Image) -> Image.Image:
    """Turn the picture as the camera's EXIF orientation says; keep it as it is
    when the EXIF block itself is unreadable (the block is dropped anyway)."""
    try:
        return ImageOps.exif_transpose(image)
    except DECODE_ERRORS:
        return image


def plain_mode(image: Image.Image) -> Image.Image:
    """Bring any decoded mode to RGB, RGBA, L or CMYK, keeping transparency.

    L and CMYK stay as they are until `in_srgb` so that their colour profile,
    if any, still applies.
    """
    if image.mode.startswith("I"):  # 16-bit greyscale PNG: scale, do not clip
        image = image.convert("I").point(lambda value: value * (1 / 256)).convert("L")
    if image.mode in ("RGB", "RGBA", "L", "CMYK") and "transparency" not in image.info:
        return image
    has_alpha = "A" in image.getbands() or "transparency" in image.info
    return image.convert("RGBA" if has_alpha else "RGB")


def in_srgb(image: Image.Image) -> Image.Image:
    """Convert to sRGB through the embedded colour profile when there is one;
    a profile that cannot be used is ignored rather than failing the upload."""
    output_mode = "RGBA" if image.mode == "RGBA" else "RGB"
    profile = image.info.get("icc_profile")
    if profile:
        try:
            converted = ImageCms.profileToProfile(
                image,
                ImageCms.ImageCmsProfile(io.BytesIO(profile)),
                ImageCms.createProfile("sRGB"),
                outputMode=output_mode,
            )
        except (ImageCms.PyCMSError, *DECODE_ERRORS):
            converted = None
        if converted is not None:
            return converted
    return image.convert(output_mode)


def square_thumbnail(image: Image.Image) -> Image.Image:
    """The logo centred on a transparent square, never enlarged."""
    small = image.copy()
    small.thumbnail((THUMBNAIL_SIDE, THUMBNAIL_SIDE), Image.Resampling.LANCZOS)
    square = Image.new("RGBA", (THUMBNAIL_SIDE, THUMBNAIL_SIDE), (0, 0, 0, 0))
    square.paste(
        small.convert("RGBA"),
        ((THUMBNAIL_SIDE - small.width) // 2, (THUMBNAIL_SIDE - small.height) // 2),
    )
    return square


def encode(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, OUTPUT_FORMAT, quality=QUALITY, method=4)
    return buffer.getvalue()


def logo_help_text() -> str:
    return gettext(
        "JPEG, PNG or WebP, at most %(size)s MB and %(megapixels)s megapixels. "
        "It is shown at up to %(side)s pixels, with a square thumbnail."
    ) % {
        "size": MAX_BYTES // 1024**2,
        "megapixels": MAX_PIXELS // 1_000_000,
        "side": MAX_SIDE,
    }


def photo_help_text() -> str:
    return gettext(
        "JPEG, PNG or WebP, at most %(size)s MB and %(megapixels)s megapixels. "
        "It is shown at up to %(side)s pixels, with a thumbnail for lists."
    ) % {
        "size": MAX_BYTES // 1024**2,
        "megapixels": MAX_PIXELS // 1_000_000,
        "side": PHOTO_MAX_SIDE,
    }


class ImageUploadField(forms.FileField):
    """A file input that offers the accepted image types to the browser's picker."""

    widget = forms.FileInput

    def widget_attrs(self, widget: forms.Widget) -> dict[str, Any]:
        attrs = super().widget_attrs(widget)
        if isinstance(widget, forms.FileInput) and "accept" not in widget.attrs:
            attrs["accept"] = ACCEPT
        return attrs

    def upload(self, data: Any, initial: Any) -> File[Any] | None:
        """The uploaded file, or None when nothing was uploaded."""
        if data in self.empty_values:
            if self.required and not initial:
                raise ValidationError(self.error_messages["required"], code="required")
            return None
        upload: File[Any] = super().clean(data, initial)
        return upload


class LogoField(ImageUploadField):
    """A file input whose cleaned value is a ProcessedLogo, or None when nothing
    was uploaded (keep the current logo, if any).

    Give the value to `organisation_set_logo()`; do not let a ModelForm save it
    into the model's `logo` field.
    """

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("help_text", lazy(logo_help_text, str)())
        super().__init__(**kwargs)

    def clean(self, data: Any, initial: Any = None) -> ProcessedLogo | None:
        upload = self.upload(data, initial)
        return None if upload is None else process_logo(upload)


class PhotoField(ImageUploadField):
    """A file input whose cleaned value is a ProcessedPhoto, or None when nothing
    was uploaded; the form stores the processed files, never the upload."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("help_text", lazy(photo_help_text, str)())
        super().__init__(**kwargs)

    def clean(self, data: Any, initial: Any = None) -> ProcessedPhoto | None:
        upload = self.upload(data, initial)
        return None if upload is None else process_photo(upload)
