// The import layer's light modules only (not its index): the readers load in the worker, on use.
import type { SchoolSystem } from '../core/schoolSystem';
import { chooseYear, type BaseYearChoice } from '../io/import/baseYear';
import { COLUMN_SPECS, mappedKindOf, type MappedKind } from '../io/import/columnAliases';
import { missingColumns, requiredMissing, suggestMapping, type ColumnMapping } from '../io/import/columnMapping';
import { crsHint } from '../io/import/crsHint';
import { DATASET_PARTS, MULTI_FILE_PARTS, PART_FILES, type DatasetPart } from '../io/import/datasetPart';
import type { FileFormat } from '../io/import/fileFormat';
import { entriesOf, entryFor, type MappingChoices } from '../io/import/mappingFile';
import type { ImportDraft } from '../store/store';
import type { FileChoice, StagedInspection } from '../../workers/loadContract';
import { recallMapping, rememberMapping } from './mappingMemory';

/** The kind of columns a part is mapped onto, if it is mapped at all. */
export const mappedKind = (part: DatasetPart | undefined): MappedKind | undefined => mappedKindOf(part);

const isTable = (format: FileFormat) => format === 'csv' || format === 'xlsx';

/** The contract columns a draft's mapping shows: features take their position from their geometry, so lon/lat only for tables. */
export function columnsOf(draft: Pick<ImportDraft, 'part' | 'format'>) {
  const kind = mappedKind(draft.part);
  if (!kind) return [];
  return COLUMN_SPECS[kind].filter((c) => isTable(draft.format) || (c.column !== 'lon' && c.column !== 'lat'));
}

/**
 * The suggested mapping of a header without the columns it would take from a name the header has
 * more than once (which copy holds the values cannot be guessed: the CLI refuses it too), and
 * those columns, for the planner to choose a copy.
 */
function unambiguous(mapping: ColumnMapping, repeated: ImportDraft['repeated']): { mapping: ColumnMapping; ambiguous: NonNullable<ImportDraft['ambiguous']> } {
  const copies = new Set((repeated ?? []).flatMap((r) => r.copies));
  const ambiguous = Object.entries(mapping).filter(([, name]) => copies.has(name)).map(([column, copy]) => ({ column, copy }));
  return { mapping: Object.fromEntries(Object.entries(mapping).filter(([, name]) => !copies.has(name))), ambiguous };
}

/**
 * The draft with a part: the mapping, CRS, zones level and swapped longitude/latitude remembered
 * for this header, else the suggested mapping without columns a repeated name would give
 * (`ambiguous`, see unambiguous); the CRS the file's name or coordinate column names (crsHint)
 * comes first, then the remembered one, then WGS84.
 */
export function withPart(draft: ImportDraft, part: DatasetPart | undefined): ImportDraft {
  const kind = mappedKind(part);
  const remembered = part ? recallMapping(part, draft.header) : undefined;
  const { mapping, ambiguous } = remembered ? { mapping: remembered.mapping, ambiguous: [] } : unambiguous(kind ? suggestMapping(draft.header, kind).mapping : {}, draft.repeated);
  const hint = crsHint(draft.name, [mapping.lon, mapping.lat]);
  return {
    ...draft, part, mapping, crs: hint?.crs ?? remembered?.crs ?? 'wgs84', crsHint: hint, level: part === 'catchments' ? remembered?.level : undefined, remembered: remembered !== undefined,
    swapLonLat: remembered?.swapLonLat ?? draft.swapLonLat, ambiguous,
  };
}

/** A draft per inspected file, pre-filled (see withPart). */
export function draftsOf(files: StagedInspection[]): ImportDraft[] {
  return files.map((f) => withPart({ name: f.name, format: f.format, header: f.header, crs: 'wgs84', mapping: {}, remembered: false, years: f.years, cohorts: f.cohorts, statedLevel: f.level, ...(f.repeated && { repeated: f.repeated }) }, f.part));
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

/** What stops a file of the mapping step from loading (see draftProblems). */
export interface DraftProblem {
  noPart?: true;
  samePart?: DatasetPart;
  missing?: string[];
  /** Contract columns the header's repeated names would give, with the name and its copies, until the planner picks one. */
  repeated?: { column: string; name: string; copies: string[] }[];
}

/**
 * What stops a set of drafts from loading: per file, the required columns not chosen; a part
 * missing, or given twice when it takes one file (MULTI_FILE_PARTS take several); a column a
 * repeated name would give whose copy the planner has not picked.
 */
export function draftProblems(drafts: ImportDraft[]): Map<string, DraftProblem> {
  const out = new Map<string, DraftProblem>();
  const seen = new Set<DatasetPart>();
  for (const d of drafts) {
    if (d.part === undefined) {
      out.set(d.name, { noPart: true });
      continue;
    }
    if (seen.has(d.part) && !MULTI_FILE_PARTS.has(d.part)) out.set(d.name, { samePart: d.part });
    seen.add(d.part);
    const kind = mappedKind(d.part);
    if (!kind) continue;
    const repeated = (d.ambiguous ?? []).flatMap(({ column, copy }) => {
      const r = d.repeated?.find((x) => x.copies.includes(copy));
      return r ? [{ column, name: r.name, copies: r.copies }] : [];
    });
    if (repeated.length > 0) out.set(d.name, { ...out.get(d.name), repeated });
    const mapping = cleanMapping(d.mapping);
    const { missing } = requiredMissing({ mapping, missing: missingColumns(mapping, kind) }, kind, d.format);
    // A zones file given one level needs no level column.
    const lacking = missing.filter((c) => !(c === 'level' && d.level !== undefined));
    if (lacking.length > 0) out.set(d.name, { ...out.get(d.name), missing: lacking });
  }
  return out;
}

/** The mapping without unused columns. */
function cleanMapping(mapping: ColumnMapping): ColumnMapping {
  return Object.fromEntries(Object.entries(mapping).filter(([, name]) => name !== ''));
}

/** Every contract column of a mapped part with its file column ('' for not used), so nothing is re-guessed. */
function fullMapping(d: ImportDraft): ColumnMapping | undefined {
  const kind = mappedKind(d.part);
  return kind ? Object.fromEntries(COLUMN_SPECS[kind].map((c) => [c.column, d.mapping[c.column] ?? ''])) : undefined;
}

/**
 * The planner's choices to load with, remembering each mapped file's mapping, CRS and zones level
 * for its header: every contract column of the part is given ('' for not used), so nothing is
 * re-guessed; the base year and school system the planner set (if any) go with every file, a pupils
 * file's cohort level with it.
 */
export function confirmDrafts(drafts: ImportDraft[], baseYear?: number, schoolSystem?: SchoolSystem): FileChoice[] {
  return drafts.map((d) => {
    if (d.part && mappedKind(d.part)) rememberMapping(d.part, d.header, { mapping: cleanMapping(d.mapping), crs: d.crs, ...(d.level && { level: d.level }), ...(d.swapLonLat && { swapLonLat: true }) });
    return { name: d.name, part: d.part, crs: d.crs, mapping: fullMapping(d), columnsPicked: true, ...(d.level && { level: d.level }), ...(d.swapLonLat && { swapLonLat: true }), ...(baseYear !== undefined && { baseYear }), ...(schoolSystem && { schoolSystem }), ...(d.cohortLevel && { cohortLevel: d.cohortLevel }) };
  });
}

/** The drafts' choices as a mapping file (formatMappingFile writes it; the CLI reads it with --mapping). */
export function mappingChoicesOf(drafts: ImportDraft[]): MappingChoices {
  const out: MappingChoices = {};
  for (const d of drafts) {
    if (!d.part) continue;
    const columns = fullMapping(d);
    const entry = { file: d.name, crs: d.crs, ...(d.level && { level: d.level }), ...(columns && { columns }), ...(d.swapLonLat && { swapLonLat: true }) };
    const before = entriesOf(out, d.part);
    out[d.part] = before.length === 0 ? entry : [...before, entry];
  }
  return out;
}

/**
 * The drafts with a mapping file's choices laid over them, by part (a part's list of entries by
 * file name, else by the file's position among the part's files, see entryFor; a file an entry
 * names takes that entry's part): its coordinate system, zones level, swapped longitude/latitude and the columns that name a column of the file; the others are left as they were and
 * listed in `skipped` (`file: column → "name"`), for the planner to see. A column named by a name the
 * header repeats is left for the planner to pick a copy of (`ambiguous`), as a suggestion is.
 */
export function applyMappingChoices(drafts: ImportDraft[], choices: MappingChoices): { drafts: ImportDraft[]; skipped: string[] } {
  const skipped: string[] = [];
  const position = new Map<DatasetPart, number>();
  const out = drafts.map((draft) => {
    // An entry naming the file gives it its part (样本县.json: the county outline, which its name does not say).
    const named = DATASET_PARTS.find((p) => entriesOf(choices, p).some((e) => e.file === draft.name));
    const d = named !== undefined && named !== draft.part ? withPart(draft, named) : draft;
    if (!d.part) return d;
    const index = position.get(d.part) ?? 0;
    position.set(d.part, index + 1);
    const entry = entryFor(choices, d.part, d.name, index);
    if (!entry) return d;
    const given = Object.entries(entry.columns ?? {});
    for (const [column, name] of given) if (name !== '' && !d.header.includes(name)) skipped.push(`${d.name}: ${column} → "${name}"`);
    // A name the header repeats cannot say which copy: the planner picks it, as for a suggestion.
    const bare = new Set((d.repeated ?? []).map((r) => r.name));
    const columns = Object.fromEntries(given.filter(([, name]) => name === '' || (d.header.includes(name) && !bare.has(name))));
    const ambiguous = given.filter(([, name]) => bare.has(name)).map(([column, copy]) => ({ column, copy }));
    const unpicked = new Set(ambiguous.map((a) => a.column));
    const mapping = Object.fromEntries(Object.entries({ ...d.mapping, ...columns }).filter(([column]) => !unpicked.has(column)));
    const stillAmbiguous = (d.ambiguous ?? []).filter((a) => !(a.column in columns) && !unpicked.has(a.column));
    return {
      ...d, crs: entry.crs ?? d.crs, level: d.part === 'catchments' ? entry.level ?? d.level : undefined, mapping, swapLonLat: entry.swapLonLat ?? d.swapLonLat,
      ambiguous: [...stillAmbiguous, ...ambiguous],
    };
  });
  return { drafts: out, skipped };
}
