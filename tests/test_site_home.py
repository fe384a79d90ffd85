"""The home region of a news site (title suffix, source, URL host) as a resolution prior.

Every title, URL and story here is made up."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.gazetteer import Gazetteer, GazetteerEntry
from eventwire.gazetteer.resolve import HomeRegion, ToponymMention, resolve
from eventwire.gazetteer.site_home import home_region, title_suffix_start
from eventwire.model import RawDocument


def _entry(name: str, country: str, code: str, population: int, admin1: str) -> GazetteerEntry:
    return GazetteerEntry(1, name, 0.0, 0.0, country, code, population, admin1)


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


@pytest.mark.parametrize(
    ("title", "suffix"),
    [
        ("Two hurt in crash - KXYZ-TV: Springfield, IL", "KXYZ-TV: Springfield, IL"),
        ("Fire closes bridge | The Lakeview Herald", "The Lakeview Herald"),
        ("Fire closes bridge - | Channel 9", "| Channel 9"),
        ("Council approves budget", None),
        ("Re-elected mayor sworn in", None),
    ],
)
def test_title_suffix(title: str, suffix: str | None) -> None:
    start = title_suffix_start(title)
    assert (None if start is None else title[start:]) == suffix


@pytest.mark.parametrize(
    ("title", "url", "regions"),
    [
        # A region named by its postal code, and towns inside it ignored.
        ("Man hurt - WQRS News: Springfield, Peoria, IL", None, {("US", "Illinois")}),
        # A region named in full; "Jacksonville" has a namesake there, so it adds nothing.
        ("Man hurt - KQRS.com-Tyler, Jacksonville, Texas | News", None, {("US", "Texas")}),
        # A large town alone: its most populous reading.
        ("Man hurt | The Charlotte Weekly Ledger", None, {("US", "North Carolina")}),
        # A market spanning two regions names both.
        ("Man hurt - WQRS: Savannah, Hilton Head, SC", None,
         {("US", "Georgia"), ("US", "South Carolina")}),
        # A town as the first label of the host, behind an archive's address.
        ("Man hurt", "http://web.archive.org/web/2016/http://chicago.examplenews.com/a/1",
         {("US", "Illinois")}),
    ],
)  # fmt: skip
def test_home_region(
    gazetteer: Gazetteer, title: str, url: str | None, regions: set[tuple[str, str]]
) -> None:
    home = home_region(title, None, url, gazetteer)
    assert home is not None
    assert set(home.admin1s) == regions


@pytest.mark.parametrize(
    ("title", "url"),
    [
        ("Council approves budget", None),
        ("Council approves budget - Weather & Sports", "http://www.example.com/a/1"),
        ("Council approves budget", "http://news.example.com/a/1"),
    ],
)
def test_no_home_region(gazetteer: Gazetteer, title: str, url: str | None) -> None:
    assert home_region(title, None, url, gazetteer) is None


def test_source_field_names_the_home(gazetteer: Gazetteer) -> None:
    home = home_region(None, "Daily Courier, Prescott, Arizona", None, gazetteer)
    assert home is not None and ("US", "Arizona") in home.admin1s


SMALL_HOME = _entry("Marlow", "US", "PPL", 20_000, "Oregon")
LARGE_AWAY = _entry("Marlow", "US", "PPL", 400_000, "Ohio")
OHIO = _entry("Ohio", "US", "ADM1", 11_000_000, "Ohio")
OREGON_HOME = HomeRegion(frozenset({("US", "Oregon")}), frozenset({"US"}))


def test_home_region_prefers_the_local_namesake() -> None:
    mention = ToponymMention(0, 6, "marlow", "GPE", (LARGE_AWAY, SMALL_HOME))
    assert resolve([mention], [])["marlow"].entry == LARGE_AWAY
    assert resolve([mention], [], OREGON_HOME)["marlow"].entry == SMALL_HOME


def test_text_outweighs_the_home_region() -> None:
    """A qualifier in the text ("Marlow, Ohio") says more than where the site is."""
    qualifier = ToponymMention(8, 12, "ohio", "GPE", (OHIO,))
    mention = ToponymMention(0, 6, "marlow", "GPE", (SMALL_HOME, LARGE_AWAY), qualifier=qualifier)
    chosen = resolve([mention, qualifier], [], OREGON_HOME)
    assert chosen["marlow"].entry == LARGE_AWAY


STORY = (
    "A 9-year-old girl was wounded Saturday night when shots hit a home in Salisbury, "
    "police said.\n\nOfficers found shell casings in the yard and asked neighbours for video."
)


@pytest.fixture(scope="module")
def run(nlp: object) -> Callable[[RawDocument], list[object]]:
    from eventwire.run.pipeline import default_pipeline

    pipeline = default_pipeline()
    return pipeline.process_raw  # type: ignore[return-value]


@pytest.mark.parametrize(
    ("title", "admin1"),
    [
        ("Girl wounded as shots hit home - WQRS News: Raleigh, Durham, NC", "North Carolina"),
        ("Girl wounded as shots hit home | The Baltimore Weekly Ledger", "Maryland"),
    ],
)
def test_event_place_in_the_home_region(
    run: Callable[[RawDocument], list[object]], title: str, admin1: str
) -> None:
    docs = run(RawDocument(text=STORY, origin="test", title=title))
    places = [e.place for d in docs for e in d.events]  # type: ignore[attr-defined]
    assert places and all(p is not None and p.admin1 == admin1 for p in places)


def test_title_suffix_is_no_place(run: Callable[[RawDocument], list[object]]) -> None:
    """A title line carrying the site's suffix: its towns name the site, not the story."""
    title = "Girl wounded as shots hit home - WQRS News: Raleigh, Durham, NC"
    docs = run(RawDocument(text=f"{title}\n\n{STORY}", origin="test", title=title))
    names = {p.text for d in docs for p in d.places}  # type: ignore[attr-defined]
    assert "Salisbury" in names
    assert not names & {"Raleigh", "Durham", "NC"}
