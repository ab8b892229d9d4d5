import { chooseYear, COLUMN_SPECS, missingColumns, PART_FILES, requiredMissing, suggestMapping, type BaseYearChoice, type ColumnMapping, type DatasetPart, type FileFormat, type MappedKind } from '../io/import';
import type { ImportDraft } from '../store/store';
import type { FileChoice, StagedInspection } from '../../workers/engineApi';
import { recallMapping, rememberMapping } from './mappingMemory';

const MAPPED: Partial<Record<DatasetPart, MappedKind>> = { students: 'students', schools: 'schools', catchments: 'catchments' };

/** The kind of columns a part is mapped onto, if it is mapped at all. */
export const mappedKind = (part: DatasetPart | undefined): MappedKind | undefined => (part ? MAPPED[part] : undefined);

const isTable = (format: FileFormat) => format === 'csv' || format === 'xlsx';

/** The contract columns a draft's mapping shows: features take their position from their geometry, so lon/lat only for tables. */
export function columnsOf(draft: Pick<ImportDraft, 'part' | 'format'>) {
  const kind = mappedKind(draft.part);
  if (!kind) return [];
  return COLUMN_SPECS[kind].filter((c) => isTable(draft.format) || (c.column !== 'lon' && c.column !== 'lat'));
}

/** The draft with a part: the mapping and CRS remembered for this header, else the suggested mapping and WGS84. */
export function withPart(draft: ImportDraft, part: DatasetPart | undefined): ImportDraft {
  const kind = mappedKind(part);
  const remembered = part ? recallMapping(part, draft.header) : undefined;
  const mapping = remembered?.mapping ?? (kind ? suggestMapping(draft.header, kind).mapping : {});
  return { ...draft, part, mapping, crs: remembered?.crs ?? 'wgs84', remembered: remembered !== undefined };
}

/** A draft per inspected file, pre-filled (see withPart). */
export function draftsOf(files: StagedInspection[]): ImportDraft[] {
  return files.map((f) => withPart({ name: f.name, format: f.format, header: f.header, crs: 'wgs84', mapping: {}, remembered: false, years: f.years, cohorts: f.cohorts, statedLevel: f.level }, f.part));
}

/** The base year the drafts' files state (the pupils file's first), as the import would choose it (chooseYear). */
export function statedBaseYear(drafts: ImportDraft[]): BaseYearChoice {
  const pupils = drafts.find((d) => d.part === 'students')?.name;
  const stated = [...drafts.filter((d) => d.name === pupils), ...drafts.filter((d) => d.name !== pupils)].flatMap((d) => d.years ?? []);
  return chooseYear(undefined, stated, pupils);
}

/** Whether a file needs the planner's look: its name is not a data contract file name, or its columns differ from the contract's. */
export function needsMapping(draft: ImportDraft): boolean {
  if (draft.part === undefined || PART_FILES[draft.part] !== draft.name) return true;
  return Object.entries(draft.mapping).some(([column, name]) => name !== column);
}

/** What stops a set of drafts from loading: per file, the required columns not chosen; a part missing or given twice. */
export function draftProblems(drafts: ImportDraft[]): Map<string, { noPart?: true; samePart?: DatasetPart; missing?: string[] }> {
  const out = new Map<string, { noPart?: true; samePart?: DatasetPart; missing?: string[] }>();
  const seen = new Set<DatasetPart>();
  for (const d of drafts) {
    if (d.part === undefined) {
      out.set(d.name, { noPart: true });
      continue;
    }
    if (seen.has(d.part)) out.set(d.name, { samePart: d.part });
    seen.add(d.part);
    const kind = mappedKind(d.part);
    if (!kind) continue;
    const mapping = cleanMapping(d.mapping);
    const { missing } = requiredMissing({ mapping, missing: missingColumns(mapping, kind) }, kind, d.format);
    if (missing.length > 0) out.set(d.name, { ...out.get(d.name), missing });
  }
  return out;
}

/** The mapping without unused columns. */
function cleanMapping(mapping: ColumnMapping): ColumnMapping {
  return Object.fromEntries(Object.entries(mapping).filter(([, name]) => name !== ''));
}

/**
 * The planner's choices to load with, remembering each mapped file's mapping and CRS for its
 * header: every contract column of the part is given ('' for not used), so nothing is re-guessed;
 * the base year the planner set (if any) goes with every file, a pupils file's cohort level with it.
 */
export function confirmDrafts(drafts: ImportDraft[], baseYear?: number): FileChoice[] {
  return drafts.map((d) => {
    const kind = mappedKind(d.part);
    if (d.part && kind) rememberMapping(d.part, d.header, { mapping: cleanMapping(d.mapping), crs: d.crs });
    const mapping = kind ? Object.fromEntries(COLUMN_SPECS[kind].map((c) => [c.column, d.mapping[c.column] ?? ''])) : undefined;
    return { name: d.name, part: d.part, crs: d.crs, mapping, ...(baseYear !== undefined && { baseYear }), ...(d.cohortLevel && { cohortLevel: d.cohortLevel }) };
  });
}
