"""Logos drawn for demo content: initials on a coloured shape, so that every
demo organisation, partner or premises looks distinct without images kept in
the repository."""

from __future__ import annotations

import io

from PIL import Image, ImageDraw, ImageFont

# Dark, saturated colours: white initials on them keep a 4.5:1 contrast.
PALETTE = (
    "#0b4f6c",
    "#8c2f39",
    "#2d6a4f",
    "#5a189a",
    "#b5532a",
    "#1d3557",
    "#6b4226",
    "#7a1f5c",
    "#3a5a40",
    "#264653",
    "#9d0208",
    "#40476d",
)
SHAPES = ("circle", "rounded", "diamond", "hexagon")


def initials_of(name: str) -> str:
    """Up to three capitals of a name's significant words ("City of Gdańsk" -> "CG")."""
    words = [word for word in name.replace(",", " ").split() if word[:1].isupper()]
    return "".join(word[0] for word in words[:3]) or name[:1].upper()


def drawn_logo(initials: str, index: int) -> bytes:
    """The initials on a coloured shape, the colour and shape chosen by `index`."""
    side = 320
    image = Image.new("RGBA", (side, side), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    colour = PALETTE[index % len(PALETTE)]
    shape = SHAPES[(index // len(PALETTE) + index) % len(SHAPES)]
    box = (10, 10, side - 10, side - 10)
    if shape == "circle":
        draw.ellipse(box, fill=colour)
    elif shape == "rounded":
        draw.rounded_rectangle(box, radius=48, fill=colour)
    elif shape == "diamond":
        middle = side // 2
        draw.polygon(
            [(middle, 4), (side - 4, middle), (middle, side - 4), (4, middle)], fill=colour
        )
    else:
        draw.regular_polygon((side // 2, side // 2, side // 2 - 8), 6, fill=colour)
    size = {1: 160, 2: 126}.get(len(initials), 96)
    font = ImageFont.load_default(size=size)
    draw.text((side // 2, side // 2), initials, fill="white", font=font, anchor="mm")
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()
