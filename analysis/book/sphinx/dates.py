"""'Last updated' in words, and true: the date the book's inputs last changed.

The build sets SOURCE_DATE_EPOCH to that date (the last commit that touched
the inputs, or the release date in CITATION.cff where there is no git; see
``analysis.book.inputs.build_epoch``), so builds stay reproducible; this writes it in
words ("29 November 2026") instead of the 1 January 1970 of an unset epoch.
"""
from __future__ import annotations

import datetime as dt
import os

from ...display.dates import in_words


def last_updated(app, config):
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit() and int(epoch) > 0:
        day = dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()
        # a literal (no % code) is printed as it is
        config.html_last_updated_fmt = in_words(day.isoformat())


def setup(app):
    app.connect("config-inited", last_updated)
