"""Paging headers of a listing: the total count and RFC 8288 links to the neighbouring pages."""

from __future__ import annotations

from typing import Any

from starlette.datastructures import URL

# SQLite's OFFSET is a 64-bit integer; anything larger would fail inside the store.
MAX_OFFSET = 2**63 - 1

PAGING_HEADERS: dict[str, Any] = {
    "X-Total-Count": {"description": "Items in the whole listing (the body's `total`).",
                      "schema": {"type": "integer"}},
    "Link": {"description": 'RFC 8288 links to the neighbouring pages: `<url>; rel="next"`, '
                            '`<url>; rel="prev"` (absent on the first or last page).',
             "schema": {"type": "string"}},
}


def build_paging_headers(url: URL, total: int, offset: int, limit: int) -> dict[str, str]:
    """``X-Total-Count`` and, when there are neighbouring pages, a ``Link`` header naming them."""
    links = []
    if offset + limit < total:
        links.append(f'<{url.include_query_params(offset=offset + limit, limit=limit)}>; rel="next"')
    if offset > 0:
        links.append(f'<{url.include_query_params(offset=max(0, offset - limit), limit=limit)}>; rel="prev"')
    headers = {"X-Total-Count": str(total)}
    if links:
        headers["Link"] = ", ".join(links)
    return headers
