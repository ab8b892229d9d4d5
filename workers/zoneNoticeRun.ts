import { computeZoneNotice, type NoticeUnit, type ZoneNoticeEntry } from '../src/core/publish/zoneNotice';
import { ZONE_LEVELS, type Rules, type ZoneLevel } from '../src/core/rules';
import type { ZoneEdit } from '../src/core/zoneEdits';
import type { ZoneState } from '../src/core/zoneState';
import type { LoadedDataset } from '../src/io/readDataset';

/** The 招生片区 notice of a scenario per level, as the page prints it. */
export type ZoneNoticeView = Record<ZoneLevel, ZoneNoticeEntry[]>;

/** The dataset's units as the notice names them: name and town from units.geojson, else the id. */
export function noticeUnits(loaded: LoadedDataset): NoticeUnit[] {
  const props = new Map((loaded.units?.features ?? []).map((f) => [String(f.properties?.id), f.properties ?? {}]));
  return loaded.dataset.unitIds.map((id) => {
    const p = props.get(id) ?? {};
    return { id, name: typeof p.name === 'string' && p.name !== '' ? p.name : id, town: typeof p.town === 'string' ? p.town : '' };
  });
}

/** Computes the notice of both levels for a scenario's edits (an edit that no longer applies throws, as stateAfter does). */
export function runZoneNotice(loaded: LoadedDataset, edits: ZoneEdit[], stateAfter: (edits: ZoneEdit[]) => ZoneState, rules: Rules): ZoneNoticeView {
  const state = stateAfter(edits);
  const units = noticeUnits(loaded);
  return Object.fromEntries(ZONE_LEVELS.map((level) => [level, computeZoneNotice(loaded.dataset, state, level, units, rules)])) as ZoneNoticeView;
}
