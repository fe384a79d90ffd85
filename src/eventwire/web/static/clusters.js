// Screen-space clustering of the map's events: events closer than CLUSTER_RADIUS
// pixels share a marker, and markers whose circles would overlap are merged.

export const CLUSTER_RADIUS = 40; // px

export function mentionsOf(event) {
  return event.num_mentions ?? event.num_articles ?? 1;
}

export function markerRadius(event) {
  return Math.min(22, 4.5 + 2.6 * Math.sqrt(mentionsOf(event)));
}

export function clusterRadius(n) {
  return Math.min(24, 10 + 2.6 * Math.log2(n));
}

function drawnRadius(c) {
  return c.members.length === 1 ? markerRadius(c.members[0].event) : clusterRadius(c.members.length);
}

/** Merge markers whose circles would overlap (centroids can drift close together). */
function mergeOverlapping(clusters) {
  let merged = true;
  let list = clusters;
  for (let round = 0; merged && round < 6; round++) {
    merged = false;
    const out = [];
    for (const c of list) {
      const near = out.find((o) => Math.hypot(o.x - c.x, o.y - c.y) < (drawnRadius(o) + drawnRadius(c)) * 0.85);
      if (near === undefined) {
        out.push(c);
        continue;
      }
      near.members.push(...c.members);
      near.sumX += c.sumX;
      near.sumY += c.sumY;
      near.x = near.sumX / near.members.length;
      near.y = near.sumY / near.members.length;
      merged = true;
    }
    list = out;
  }
  return list;
}

/**
 * Group `points` ({event, bx, by}: projected at zoom 1) as seen through the zoom
 * transform {k, x, y}; only points within the width x height view (plus a margin).
 * Returns [{x, y, members}] in screen pixels.
 */
export function clusterPoints(points, { k, x, y }, width, height) {
  const cell = CLUSTER_RADIUS;
  const grid = new Map();
  const clusters = [];
  const margin = 60;
  for (const point of points) {
    const sx = point.bx * k + x;
    const sy = point.by * k + y;
    if (sx < -margin || sy < -margin || sx > width + margin || sy > height + margin) continue;
    const gx = Math.floor(sx / cell);
    const gy = Math.floor(sy / cell);
    let home = null;
    for (let dx = -1; dx <= 1 && home === null; dx++) {
      for (let dy = -1; dy <= 1 && home === null; dy++) {
        for (const c of grid.get(`${gx + dx},${gy + dy}`) ?? []) {
          if (Math.hypot(c.seedX - sx, c.seedY - sy) < cell) {
            home = c;
            break;
          }
        }
      }
    }
    if (home === null) {
      home = { seedX: sx, seedY: sy, sumX: 0, sumY: 0, members: [] };
      clusters.push(home);
      const key = `${gx},${gy}`;
      grid.set(key, [...(grid.get(key) ?? []), home]);
    }
    home.members.push(point);
    home.sumX += sx;
    home.sumY += sy;
  }
  for (const c of clusters) {
    c.x = c.sumX / c.members.length;
    c.y = c.sumY / c.members.length;
  }
  return clusters.length <= 800 ? mergeOverlapping(clusters) : clusters;
}
