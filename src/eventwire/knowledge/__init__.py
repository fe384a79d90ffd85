"""The actor knowledge base: countries, organisations and sector words.

Three tab-separated files under ``eventwire/data`` hold the knowledge; this module
reads, validates and indexes them:

- ``countries.tsv``: ``iso3 iso2 name aliases demonyms capitals seats``
- ``organizations.tsv``: ``name aliases country sector kind``
- ``sectors.tsv``: ``term sector kind``

Each file starts with a header row; ``#`` lines and blank lines are ignored; list
cells are ``|``-separated; an empty cell means "none" or "unknown". The comments at the
top of each file document its conventions.

Lookups forgive the ways the press varies a name: case, accents ("Elysee"), curly
apostrophes, hyphens ("al Qaeda"), a leading "the" and a trailing possessive "'s".
A phrase written with a trailing ``!`` in a file matches only with exactly that
capitalisation, so ``US!`` matches "US" but not the pronoun "us".

Every loader takes an optional path to read a user's own copy instead of the packaged
one; errors raise :class:`~eventwire.errors.ResourceError` naming the file and line.
"""

from eventwire.knowledge.countries import CountryIndex, countries, parse_countries
from eventwire.knowledge.organizations import (
    OrganizationIndex,
    organizations,
    parse_organizations,
)
from eventwire.knowledge.sectors import SectorIndex, parse_sector_terms, sector_terms
from eventwire.knowledge.tables import (
    ORGANIZATION_KINDS,
    PSEUDO_COUNTRIES,
    SECTOR_CODES,
    SECTOR_TERM_KINDS,
    Country,
    Organization,
    SectorTerm,
    normalize,
)

__all__ = [
    "ORGANIZATION_KINDS", "PSEUDO_COUNTRIES", "SECTOR_CODES", "SECTOR_TERM_KINDS",
    "Country", "CountryIndex", "Organization", "OrganizationIndex", "SectorIndex",
    "SectorTerm", "countries", "normalize", "organizations", "parse_countries",
    "parse_organizations", "parse_sector_terms", "sector_terms",
]  # fmt: skip
