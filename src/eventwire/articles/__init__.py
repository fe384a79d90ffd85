"""From raw scraped text to articles: the layout of scraped news (``layout``: lines,
repeated blocks, stray lines, titles, credits) and segmentation of a dump into one
``Document`` per article (``segment``). The clean stage reads articles through the same
layout primitives."""
