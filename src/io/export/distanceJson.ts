import type { DistanceMetrics, DistanceStats, LevelDistance, MovedDistance, YearDistance } from '../../core/distance';

const metres = (v: number) => Math.round(v * 10) / 10;
const share = (v: number) => Math.round(v * 10000) / 10000;

function stats(s: DistanceStats | undefined) {
  return s && { meanM: metres(s.meanM), medianM: metres(s.medianM), p90M: metres(s.p90M), maxM: metres(s.maxM) };
}

function level(d: LevelDistance) {
  return {
    pupils: d.pupils,
    ...(d.straight && { straight: stats(d.straight) }),
    ...(d.road && { road: stats(d.road) }),
    ...(d.unreachable > 0 && { unreachable: d.unreachable }),
    ...(d.radiusM !== undefined && { radiusM: d.radiusM }),
    within: d.within,
    withinShare: share(d.withinShare),
    ...(d.nearby && { nearby: { ...d.nearby, share: share(d.nearby.share), extraMeanM: metres(d.nearby.extraMeanM), extraMaxM: metres(d.nearby.extraMaxM) } }),
    crossings: d.crossings,
  };
}

/**
 * The CLI's `distance` block: whether distances go by road, then per school section and per county
 * level the pupils, straight (and road) mean, median, P90 and longest in metres (0.1 m), those
 * within the service radius, 就近 (nearest, sent past a nearer school and by how much) and crossings.
 */
export function toDistanceJson(m: DistanceMetrics) {
  return {
    byRoad: m.byRoad,
    county: { primary: level(m.county.primary), junior: level(m.county.junior) },
    schools: m.schools.map((s) => ({ id: s.id, level: s.level, ...level(s) })),
  };
}

/** The CLI's `movedDistance` block (with --scenario): per level, the pupils who changed school and how far they go before and after, metres to 0.1. */
export function toMovedDistanceJson(moved: MovedDistance[]) {
  return moved.map((m) => ({
    ...m,
    meanBeforeM: metres(m.meanBeforeM),
    meanAfterM: metres(m.meanAfterM),
    maxIncreaseM: metres(m.maxIncreaseM),
    groups: m.groups.map((g) => ({ ...g, meanBeforeM: metres(g.meanBeforeM), meanAfterM: metres(g.meanAfterM) })),
    units: m.units.map((u) => ({ ...u, meanBeforeM: metres(u.meanBeforeM), meanAfterM: metres(u.meanAfterM), maxIncreaseM: metres(u.maxIncreaseM) })),
  }));
}

/**
 * A projected year's `distance` block (CLI, with --years): per level the projected pupils (0.1),
 * their mean distance (metres, 0.1), the shares within the service radius and at their nearest
 * open public school (就近率), and those sent past a nearer one (0.1).
 */
export function toYearDistanceJson(y: YearDistance) {
  const tenth = (v: number) => Math.round(v * 10) / 10;
  return {
    byRoad: y.byRoad,
    ...Object.fromEntries(Object.entries(y.levels).map(([level, d]) => [level, {
      pupils: tenth(d.pupils), meanM: metres(d.meanM), withinShare: share(d.withinShare), nearbyShare: share(d.nearbyShare), sentPast: tenth(d.sentPast),
      ...(d.unreachable > 0 && { unreachable: tenth(d.unreachable) }),
    }])),
  };
}
