"""Issue 22's page weight check: which pages miss the budget, and the table."""

from bench.page_weight import MAX_BYTES, MAX_REQUESTS, Weight, problems, table


def weight(**figures: object) -> Weight:
    defaults: dict[str, object] = {
        "status": 200,
        "requests": 10,
        "bytes": 150 * 1024,
        "html_bytes": 6 * 1024,
        "html_encoding": "gzip",
    }
    return Weight("calls", "/it/contact-point/calls/", **{**defaults, **figures})  # type: ignore[arg-type]


def test_a_page_at_the_limits_keeps_the_budget() -> None:
    assert problems(weight(requests=MAX_REQUESTS, bytes=MAX_BYTES)) == []
    assert problems(weight(html_encoding="br")) == []


def test_one_request_or_one_byte_past_a_limit_is_a_miss_naming_the_page() -> None:
    assert problems(weight(requests=MAX_REQUESTS + 1)) == ["calls: 16 requests (at most 15)"]
    assert problems(weight(bytes=MAX_BYTES + 1)) == ["calls: 200.0 KB, 1 bytes past 200.0 KB"]


def test_uncompressed_html_and_failed_requests_are_misses() -> None:
    assert problems(weight(html_encoding="")) == ["calls: HTML not compressed"]
    failed = weight(failed=["/static/a.css", "/static/b.js"])
    assert problems(failed) == ["calls: 2 requests failed: /static/a.css, /static/b.js"]


def test_the_table_has_a_line_a_page_with_its_figures() -> None:
    lines = table([weight(), weight(html_encoding="", requests=16, bytes=210 * 1024)])

    assert lines[0].split() == [
        "page", "status", "requests", "KB", "HTML", "KB", "HTML", "compressed", "media", "aside",
    ]  # fmt: skip
    assert lines[1].split() == ["calls", "200", "10", "150.0", "6.0", "gzip", "0"]
    assert lines[2].split() == ["calls", "200", "16", "210.0", "6.0", "NO", "0"]
