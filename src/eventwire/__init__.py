"""eventwire: raw news in, coded political events out."""
