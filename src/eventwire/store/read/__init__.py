"""The read side of the store: event filters and the SQL they become (``query``),
keyset paging (``paging``), rollup tables for counts and statistics (``rollups``), the
reader that runs them (``reader``), the dashboard's aggregates (``map_query``) and the
reader that runs them (``map_reader``), a pool of read-only connections (``database``)
and the records they return (``results``, ``map_reader``). The API and the dashboard
read only through here."""
