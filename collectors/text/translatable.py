"""Marks source descriptions (each source's INFO) for the dashboard's French catalog.

The collectors do not translate: they hold the English text, `pybabel extract` finds it through this marker
(babel.cfg), and the dashboard shows it with app.i18n.t(), in the reader's language.
"""


def N_(message: str) -> str:  # noqa: N802 -- the gettext convention for "marked for translation"
    return message
