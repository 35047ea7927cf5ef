"""The icon sprite the pages load: only the Bootstrap Italia icons the templates
name, cut from the kit's full sprite (`make assets`).

The full sprite holds some 180 icons (27 KB on the wire, on every page's first
load); the portal uses a handful, each through `includes/icon.html` with a
literal name (`{% include "includes/icon.html" with name="it-search" %}`). The
templates are read for those names at build time, so that a new icon needs no
list kept by hand; a name the kit lacks stops the build.

    python -m creativecities.sprites FULL_SPRITE OUTPUT [TEMPLATES_DIR ...]
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from pathlib import Path

ICON_NAME = re.compile(
    r"""includes/icon\.html["']\s+with\s+(?:[^%]*\s)?name=["'](it-[a-z0-9-]+)["']"""
)
SYMBOL = re.compile(r'<symbol\b[^>]*\bid="([^"]+)"[^>]*>.*?</symbol>', re.DOTALL)


def icon_names(templates: Iterable[Path]) -> set[str]:
    """The icons the templates under these folders name."""
    names: set[str] = set()
    for folder in templates:
        for template in folder.rglob("*.html"):
            names.update(ICON_NAME.findall(template.read_text(encoding="utf-8")))
    return names


def subset(sprite: str, names: set[str]) -> str:
    """The sprite with only the symbols `names` (an error names any it lacks)."""
    symbols = {match.group(1): match.group(0) for match in SYMBOL.finditer(sprite)}
    missing = sorted(names - symbols.keys())
    if missing:
        raise ValueError(f"Icons missing from the sprite: {', '.join(missing)}")
    opening = sprite[: sprite.index(">", sprite.index("<svg")) + 1]
    kept = "".join(symbols[name] for name in sorted(names))
    return f"{opening}{kept}</svg>\n"


def main(argv: list[str]) -> None:
    source, output, *folders = argv
    names = icon_names(Path(folder) for folder in folders or ["templates"])
    Path(output).write_text(subset(Path(source).read_text(encoding="utf-8"), names), "utf-8")
    sys.stdout.write(f"{output}: {len(names)} icons\n")


if __name__ == "__main__":
    main(sys.argv[1:])
