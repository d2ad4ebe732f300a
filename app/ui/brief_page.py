"""The weekly brief page's costly part: a week's brief (brief.compute.brief_for) and its layout (brief.render),
made once per version of the dataset, week and language, and shared by every reader of the process.

Without it each rerun of the page computed and laid out the week again: a fifth of the server's time under a
hundred readers (py-spy, docs/load.md), for the same result whenever the week and the language are the same.
"""

from __future__ import annotations

import dataclasses
import functools

from app.ui import memo
from brief import compute, narrative, render


def laid_out(prepared: compute.Prepared, week: str, lang: str) -> tuple[compute.Brief, render.Document]:
    """brief_for(prepared, week) and its document in `lang`, the figures kept ready to draw (memo.Serialised)."""
    brief = compute.brief_for(prepared, week)
    doc = render.document(brief, lang)
    return brief, dataclasses.replace(doc, figures={name: memo.Serialised(fig) for name, fig in doc.figures.items()})


def week_brief(dataset, prepared: compute.Prepared, week: str, lang: str) -> tuple[compute.Brief, render.Document]:
    """laid_out(), shared: `prepared` is keyed by the dataset it was prepared from (folder and files' version)."""
    return memo.shared(laid_out, memo.keyed(prepared, ("brief", dataset.data_dir, dataset.version)), week, lang)


@functools.lru_cache(maxsize=8192)
def week_label(week: str, lang: str) -> str:
    """'2025-W10 · 3–9 Mar 2025': the week selector's label, which Streamlit asks of every week at every rerun."""
    return f"{week} · {narrative.week_range(compute.IsoWeek.parse(week), lang, long=False)}"
