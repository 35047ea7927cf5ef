"""Template helpers for the data blocks a page carries for machines."""

import json
from typing import Any

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import SafeString, mark_safe

from creativecities.text import export_value

register = template.Library()

# Inside <script>, "</script>" or "<!--" in a value would end or confuse the block:
# these characters are written as JSON escapes, which parse to the same text.
SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.filter
def ld_json(data: Any) -> SafeString:
    """Serialise data for a `<script type="application/ld+json">` block.

    The block is data, never executed, so the Content Security Policy allows it;
    the escapes keep any text (a name with "</script>") inside it.
    """
    text = json.dumps(export_value(data, "json"), cls=DjangoJSONEncoder, ensure_ascii=False)
    return mark_safe(text.translate(SCRIPT_ESCAPES))  # noqa: S308 (escaped above)
