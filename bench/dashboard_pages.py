"""What a reader of this dashboard does and reads, for bench/locustfile.py and bench/load.py (no Locust
import here: importing Locust monkey-patches the whole process with gevent)."""

from __future__ import annotations

import random

from bench.streamlit_reader import MAIN, Reader, Rerun

# The pages readers open, by url path. The World page is '' only: Streamlit gives the default page the empty
# path whatever its url_path, and answers /world with "page not found" (then draws World).
PAGES = ("", "france", "overview", "brief", "explorer", "methodology", "about")
LANGUAGES = (("en", "en-US"), ("fr", "fr-FR"))
# What a reader may change, where the page has it: (action name, the widget's label in English and French).
CHANGES = (
    ("attack", ("Attack type", "Type d'attaque")),
    ("status", ("How sure", "Degré de certitude")),
    ("period", ("Group by", "Regrouper par")),
    ("week", ("ISO week (Monday to Sunday)", "Semaine ISO (du lundi au dimanche)")),
)
LANGUAGE_SWITCH = ("language", ("Language / Langue",))  # on every page: the change a filterless page offers
THINK_S = (1.0, 3.0)


def page_name(page: str) -> str:
    return page or "world"


def about_figures(run: Rerun) -> list[str]:
    """What /about says of the dataset: one line per source (data as of, exports merged) and the number of
    reports. Rows and coverage come from different files, so a mixed dataset would show here."""
    out, headers = [], 0
    for path in sorted(run.elements):
        element = run.elements[path]
        kind = element.WhichOneof("type")
        if path[0] != MAIN:
            continue
        if kind == "heading" and element.heading.tag == "h2":
            headers += 1
            if headers > 1:
                break
        elif kind == "markdown" and headers == 1:
            out.append(element.markdown.body)
    return out


def next_value(reader: Reader, labels, rng: random.Random):
    """A value a reader could pick: for a list, add one option (or drop one once two are picked); for a
    single choice, another option."""
    element = reader.widget(labels)
    kind = element.WhichOneof("type")
    widget = getattr(element, kind)
    current = reader.value(labels)
    if kind == "multiselect":
        picked = list(current or [])
        if len(picked) >= 2:
            picked.remove(rng.choice(picked))
        else:
            picked.append(rng.choice([o for o in widget.options if o not in picked]))
        return picked
    return rng.choice([o for o in widget.options if o != current])
