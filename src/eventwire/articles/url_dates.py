"""The day an article's web address files it under.

News sites file an article under the day it appeared: ``/2016/12/14/news/...``,
``/news/2016-12-14-title``. That day is metadata the publisher wrote, not a guess from
the text. A web archive's capture stamp (``web.archive.org/web/20160929223606/...``)
is the day of the copy, not of the article: the address inside it is read instead.
Eight digits run together ("20161214") are not read: article ids look the same.
"""

from __future__ import annotations

import re
from datetime import date

# ".../web/20160929223606/http://..." (also with "id_", "if_" suffixes on the stamp).
_ARCHIVED = re.compile(r"^https?://web\.archive\.org/web/\d+[a-z_]*/", re.IGNORECASE)
_PATH_DAY = re.compile(r"/((?:19|20)\d\d)/(0?[1-9]|1[0-2])/(0?[1-9]|[12]\d|3[01])(?=/|$|[-_.?#])")
_DASHED_DAY = re.compile(r"(?<![\d])((?:19|20)\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?![\d])")


def date_in_url(url: str | None) -> date | None:
    """The day ``url`` files its article under, or None when it names no day."""
    if not url:
        return None
    address = _ARCHIVED.sub("", url.strip())
    address = address.split("?", 1)[0].split("#", 1)[0]
    for pattern in (_PATH_DAY, _DASHED_DAY):
        found = pattern.search(address)
        if found is None:
            continue
        year, month, day = (int(part) for part in found.groups())
        try:
            return date(year, month, day)
        except ValueError:
            return None  # "/2016/02/30/": no such day
    return None
