"""A feed with no entries is an empty Atom feed, not an error page.

datasette-atom dates a feed by its newest entry, so a query that returns no row (a country or a source with no
incident yet) makes it fail with "max() arg is an empty sequence" and a 500 page. Loaded by `python -m api serve`
(--plugins-dir), this answers such a request with a valid feed that has no entries, dated by the data's as-of date.
"""

from __future__ import annotations

from datetime import UTC, datetime

from datasette import hookimpl
from datasette.utils.asgi import Response
from feedgen.feed import FeedGenerator


def _is_empty_feed_error(request, exception: BaseException) -> bool:
    return (request.url_vars.get("format") == "atom" and isinstance(exception, ValueError)
            and "empty sequence" in str(exception))


@hookimpl
def handle_exception(datasette, request, exception):
    if not _is_empty_feed_error(request, exception):
        return None
    database = request.url_vars.get("database", "")
    query = request.url_vars.get("table", "")
    meta = datasette.metadata(database=database) or {}
    canned = (meta.get("queries") or {}).get(query) or {}
    feed = FeedGenerator()
    feed.id(request.url)
    feed.link(href=request.url, rel="self")
    feed.title(canned.get("title") or query or "feed")
    as_of = (datasette.metadata("data_as_of") or "")  # written by api/metadata.py
    try:
        updated = datetime.fromisoformat(as_of).replace(tzinfo=UTC)
    except ValueError:
        updated = datetime.now(UTC)
    feed.updated(updated)
    return Response(feed.atom_str(pretty=True), content_type="application/xml; charset=utf-8", status=200)
