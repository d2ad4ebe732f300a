"""Which items of a feed are kept, and the row each one gives (the organisation its title names, the country,
the kind of attack); an item we cannot read well enough is left out with the reason."""

from __future__ import annotations

import re
from dataclasses import dataclass

from collectors.sources.news_feeds.feeds import Feed, Item
from collectors.text import classify
from collectors.text.headlines import HEALTH_DESCRIPTOR, countries_in_text, organization_in_title


@dataclass(frozen=True)
class Decision:
    item: Item
    row: dict | None  # the tidy row's values, or None when the item is left out
    reason: str  # "kept" or why the item was left out


def decide(item: Item, feed: Feed) -> Decision:
    """Keep or leave out one item, saying why."""
    if not item.link:
        return Decision(item, None, "no link")
    if item.published is None:
        return Decision(item, None, "no publication date")
    categories = "; ".join(item.categories)
    if feed.topic_filter == "healthcare" and not classify.is_healthcare(item.title, categories, item.summary):
        return Decision(item, None, "not about healthcare")
    found = organization_in_title(item.title)
    if found is None:
        return Decision(item, None, "no organisation named in the title")
    organisation, descriptor = found
    in_title = countries_in_text(item.title)
    in_summary = countries_in_text(item.summary)
    # The title first; then the feed's own country (a US-only feed); only then the summary, which also
    # names attackers' countries and other places.
    candidates = in_title + ([feed.default_country] if feed.default_country else []) + in_summary
    country = candidates[0] if candidates else None
    if country is None:
        return Decision(item, None, "no country")
    org_type = classify.organization_type_from_text(organisation, descriptor)
    if org_type == "unknown" and descriptor and HEALTH_DESCRIPTOR.search(descriptor):
        org_type = "healthcare_provider" if not re.search(r"insurer", descriptor, re.IGNORECASE) else "health_plan"
    return Decision(item, {
        "organization": organisation,
        "organization_type": org_type,
        "organization_type_raw": descriptor,
        "country": country,
        "attack_type": classify.attack_type_from_text(item.title, categories, item.summary),
        "is_care_disrupted": classify.care_disrupted(item.title, item.summary),
        "reported_date": item.published,
        "source_url": item.link,
    }, "kept")
