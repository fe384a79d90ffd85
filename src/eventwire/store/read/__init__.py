"""The read side of the store: event filters and the SQL they become (``query``),
keyset paging (``paging``), rollup tables for counts and statistics (``rollups``), the
reader that runs them (``reader``), a pool of read-only connections (``database``) and
the records it returns (``results``). The API and the dashboard read only through here."""
