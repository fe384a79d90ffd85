"""GeoJSON (RFC 7946): one FeatureCollection, one Point feature per event that has
coordinates, for QGIS, ArcGIS, Leaflet and the like.

- ``geometry``: ``{"type": "Point", "coordinates": [lon, lat]}`` in WGS 84 degrees,
  longitude first, as RFC 7946 requires (no ``crs`` member: WGS 84 is implied).
- ``id``: the eventwire event id.
- ``properties``: the flat record of the CSV export (``csv_events``): the same column
  names, lists ``;``-joined so every property is a plain string, number, boolean
  (``headline``) or null (GIS attribute tables hold no arrays). ``null`` means unknown.

Events without coordinates (no place was resolved, or the place has no point) are left
out: a feature with a null geometry loads in few GIS tools. The number returned is the
number of features written. The file is written as it is read, a feature at a time.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import BinaryIO

from eventwire.export.common import flat_record, text_stream
from eventwire.store import Store, StoredEvent


def write_geojson(events: Iterable[StoredEvent], store: Store, out: BinaryIO, header: bool) -> int:
    """Write the events that have coordinates as a GeoJSON FeatureCollection."""
    del store, header  # every property comes from the event; JSON has no header row
    count = 0
    with text_stream(out) as text:
        text.write('{"type": "FeatureCollection", "features": [')
        for event in events:
            place = event.place
            if place is None or place.lat is None or place.lon is None:
                continue
            feature = {
                "type": "Feature",
                "id": event.id,
                "geometry": {"type": "Point", "coordinates": [place.lon, place.lat]},
                "properties": flat_record(event),
            }
            text.write("\n" if count == 0 else ",\n")
            text.write(json.dumps(feature, ensure_ascii=False))
            count += 1
        text.write("\n]}\n")
    return count
