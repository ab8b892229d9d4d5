import type { DataProblem } from '../../core/dataProblems';
import { teachesLevel, type SchoolLevel, type ZoneLevel } from '../../core/rules';
import { DataError } from '../dataError';
import { IMPORT_NOTES_COLUMN, SOURCE_LINE_COLUMN, type ImportRowNote } from '../parseStudents';
import { normaliseHeaderName, type ColumnMapping } from './columnMapping';
import { ID_CARD_ALIASES } from './columnAliases';
import { ADDRESS_CANDIDATES_COLUMN, ADDRESS_STATUS_COLUMN, type AddressPlacer } from './addressPlacement';
import { toWgs84, type Crs } from './crs';
import type { KnownSchools } from './knownSchools';
import { pupilGrade } from './pupilGrade';
import { coordinatePair, coordinateText, looksSwapped } from './valueNormalise';
import type { Table } from './table';
import { COLUMN_NUMBERING, createHeaderCopyTest, createTotalRowTest, HEADER_COPY, isColumnNumbering, noteRowProblem, noteRowText, totalRowProblem } from './totalRows';
import type { PupilRowSource } from '../pupilRows';

const OPTIONAL = ['school_id', 'unit_id', 'address', 'name'] as const;
// Distinct grade texts remembered (a column of free text would otherwise grow the memo without bound).
const GRADE_TEXTS = 1000;

/** How pupil rows are read beyond their mapping (all optional). */
export interface PupilRowOptions {
  /** Places rows that have an address and no coordinates. */
  placer?: AddressPlacer;
  /** The school year (its autumn) that cohort grades (2023级, 2025届) are converted for. */
  baseYear?: number;
  /** The level the whole file's cohorts count from, when neither the cell nor the school says. */
  cohortLevel?: ZoneLevel;
  /** The schools file's schools, for the school-name column and the level of a pupil's school. */
  schools?: KnownSchools;
  /** The last primary grade of the county's school system (6 under 六三制, 5 under 五四制; default 6): 初一 is the grade after it. */
  primaryLastGrade?: number;
  /** The school every row is at, by name, when the table has no school column (a workbook of one sheet per school: sheetSchools). */
  sheetSchool?: string;
}

/** A coordinate cell's text as decimal degrees where it can be read (coordinateText: １１８．７２５, 118°44'4.57"). */
const coordinateCell = (cell: string | undefined) => coordinateText(cell ?? '');

/** A 学籍状态 saying the pupil is no longer on the school's roll (转出, 毕业, 死亡, 注销 …): the row is skipped, named. */
const OFF_ROLL = /转出|已转学|毕业|结业|肄业|死亡|注销|辍学|退学|离校|出国|开除|除名/;
/** A 学籍状态 saying the pupil is on leave (休学): still on the roll and counted, with a remark, as the seat may stand empty. */
const ON_LEAVE = /休学|停学/;

/**
 * A coordinate cell left unfilled: empty, 0 as registry exports write it, a placeholder (/, —, 无,
 * 暂无, N/A) or an Excel error value (#N/A, #VALUE! …: a formula with nothing to look up). A row with
 * both unfilled is placed by its address.
 */
const PLACEHOLDER = /^(?:[/\\\-—–－_.]+|无|暂无|未知|空|null|n\/?a|#(?:N\/A|VALUE!|REF!|DIV\/0!|NAME\?|NULL!|NUM!|SPILL!|CALC!|GETTING_DATA))$/i;
const unfilled = (text: string) => text === '' || Number(text) === 0 || PLACEHOLDER.test(text);

/** Decimal places of a number's text (118.73: 2); Infinity for text that is not a plain decimal. */
const decimals = (text: string) => (/^-?\d+(\.\d*)?$/.test(text) ? (text.split('.')[1] ?? '').length : Infinity);

/**
 * Coordinates rounded to this many decimals (about a kilometre), as a column formatted 0.00 and
 * saved as values leaves them, are remarked on: a pupil near a boundary may be counted in the wrong
 * zone. Both at most this many, one exactly (a number drops trailing zeros: 118.70 is written 118.7).
 */
const COARSE_DECIMALS = 2;
const coarse = (lonText: string, latText: string) => Math.max(decimals(lonText), decimals(latText)) === COARSE_DECIMALS;

/** A sheet named for a level or grade (小学, 初中, 三年级, 初一), which a loosely matched school name may share. */
const LEVEL_SHEET = /^(?:小学|初中|中学|高中|小学部|初中部|[一二三四五六七八九]年级|初[一二三])$/;

/**
 * The school each worksheet's rows are at, for a pupils table with no school column (`mapping`)
 * read from several sheets each named after a different one of `schools` (a workbook of one sheet
 * per school); otherwise none. A sheet named otherwise (学生名单, 初中), or two naming one school,
 * and no sheet gets a school: a name is not taken for a school on its own.
 */
export function sheetSchools(sheets: readonly (string | undefined)[], mapping: ColumnMapping, schools: KnownSchools | undefined): (string | undefined)[] {
  const none = sheets.map(() => undefined);
  if (!schools || sheets.length < 2 || mapping.school_id !== undefined || mapping.school_name !== undefined) return none;
  const named = sheets.map((sheet) => (sheet?.trim() && !LEVEL_SHEET.test(sheet.trim()) ? schools.byName(sheet.trim(), '', () => true) : undefined));
  const found = named.map((n) => (n && n.school >= 0 && !n.note ? n.school : -1));
  return found.every((i) => i >= 0) && new Set(found).size === found.length ? sheets.map((sheet) => sheet!.trim()) : none;
}

/** A number as text: a finite value in its shortest exact form, else the text it came from. */
function numberText(value: number, raw: string): string {
  return Number.isFinite(value) ? String(value) : raw;
}

/**
 * A mapped pupil table's rows as the contract's students.csv rows, converted as they are read (so
 * that no text of them is built; each read of the source converts again): columns id, lon, lat, grade, the
 * optional ones mapped, and `source_line` (each row's line in the original file). Coordinates are
 * converted from `crs` to WGS84 (lon and lat mapped to one column: split, see coordinatePair; a
 * row whose two numbers are the other way round read swapped, with a note), grades written as
 * 1..9 where recognised (pupilGrade: 三年级, and cohorts such as 2023级 converted for `baseYear`;
 * counted within the row's 学段 when a `level` column is mapped); a value that cannot be read is
 * written as it was, so that the reader rejects that row with its line and reason — no row is lost here.
 * Total rows (合计, 小计 …, or a row without id that sums the rows above) and copies of the header
 * row (createHeaderCopyTest) are not handed on as rows but as skipped, so rows read = rows + skipped (checked: a mismatch throws
 * rowCountMismatch). A row the table cannot split into cells (a broken quote) is handed on empty
 * with a rejecting note, for the reader to reject by its line. `mapping` must map id and grade, and lon
 * and lat unless it maps address.
 *
 * With an address column and a `placer`, a row with an address and no lon/lat is placed at the
 * unit its address names (lon/lat of the unit, unit_id set); a row it cannot place keeps empty
 * coordinates and gets the address_status and address_candidates columns, for the reader to
 * reject it with the nearest candidates; the address column keeps only such rows' addresses. With a `school_name` column and `schools`, a row without
 * school_id gets the school its name names (matchSchoolName); an unknown or ambiguous name, or a
 * name that disagrees with the row's school_id, is noted in the import_notes column. Without either
 * school column, every row gets `sheetSchool` when given.
 */
export function pupilRowsOfTable(table: Table, mapping: ColumnMapping, crs: Crs, options: PupilRowOptions = {}): PupilRowSource {
  const { placer } = options;
  const col = (name: string) => (mapping[name] === undefined ? -1 : table.header.indexOf(mapping[name]));
  const [cId, cLon, cLat, cGrade, cAddress, cSchoolName, cLevel, cStatus] = ['id', 'lon', 'lat', 'grade', 'address', 'school_name', 'level', 'status'].map(col);
  // New entrants have no 学籍号 yet: a row without one is named by its ID card, when the table has that column too.
  const idCards = new Set(ID_CARD_ALIASES.map(normaliseHeaderName));
  const cIdCard = table.header.findIndex((h, i) => i !== cId && idCards.has(normaliseHeaderName(h)));
  const byAddress = placer !== undefined && cAddress >= 0;
  const sheetSchool = col('school_id') < 0 && cSchoolName < 0 ? options.sheetSchool : undefined;
  const byName = options.schools !== undefined && (cSchoolName >= 0 || sheetSchool !== undefined);
  const optional = OPTIONAL.filter((name) => col(name) >= 0 || (byAddress && name === 'unit_id') || (byName && name === 'school_id'));
  const cOptional = optional.map(col);
  const unitAt = optional.indexOf('unit_id');
  const schoolAt = optional.indexOf('school_id');
  const addressAt = optional.indexOf('address');
  const header = ['id', 'lon', 'lat', 'grade', ...optional, SOURCE_LINE_COLUMN, IMPORT_NOTES_COLUMN, ...(byAddress ? [ADDRESS_STATUS_COLUMN, ADDRESS_CANDIDATES_COLUMN] : [])];
  const grades = new Map<string, ReturnType<typeof pupilGrade>>();
  const gradeOf = (gradeText: string, schoolLevel: SchoolLevel | undefined, rowLevel: string) => {
    // A file holds a handful of distinct grade texts: each is read once per school level and 学段.
    const key = `${schoolLevel ?? ''}|${rowLevel}|${gradeText}`;
    let grade = grades.get(key);
    if (!grade) {
      grade = pupilGrade(gradeText, { baseYear: options.baseYear, fileLevel: options.cohortLevel, schoolLevel, rowLevel, primaryLastGrade: options.primaryLastGrade });
      if (grades.size >= GRADE_TEXTS) grades.clear();
      grades.set(key, grade);
    }
    return grade;
  };
  // A row that cannot be split into cells is handed on empty with the problem as a rejecting note: the reader rejects it by its line.
  const brokenRow = (line: number, problem: DataProblem): string[] => {
    const note: ImportRowNote = { ...problem, reject: true };
    return ['', '', '', '', ...optional.map(() => ''), String(line), JSON.stringify([note]), ...(byAddress ? ['', ''] : [])];
  };
  const contractRow = (cells: string[], line: number, above: { privateSchool: string }): string[] => {
    let [lonText, latText] = cLon >= 0 && cLon === cLat ? coordinatePair(cells[cLon] ?? '') : [coordinateCell(cells[cLon]), coordinateCell(cells[cLat])];
    const optionalCells = cOptional.map((c) => (cells[c] ?? '').trim());
    const notes: ImportRowNote[] = [];
    let id = (cells[cId] ?? '').trim();
    const idCard = id === '' && cIdCard >= 0 ? (cells[cIdCard] ?? '').trim() : '';
    if (idCard !== '') {
      id = idCard;
      notes.push({ code: 'idFromIdCard', params: { got: table.header[cIdCard] } });
    }
    let school = -1;
    const schoolName = cSchoolName >= 0 ? (cells[cSchoolName] ?? '').trim() : (sheetSchool ?? '');
    const gradeText = (cells[cGrade] ?? '').trim();
    const rowLevel = cLevel >= 0 ? (cells[cLevel] ?? '').trim() : '';
    // The row's grade read before its school is known (一年级 is grade 1, 初一 grade 7) picks between a school's sections.
    const teaches = (level: SchoolLevel) => {
      const { grade } = gradeOf(gradeText, undefined, rowLevel);
      return grade !== undefined && teachesLevel(level, grade <= (options.primaryLastGrade ?? 6) ? 'primary' : 'junior');
    };
    if (byName) {
      const named = options.schools!.byName(schoolName, optionalCells[schoolAt], teaches);
      if (named.note) notes.push(named.note);
      school = named.school;
    } else if (options.schools && schoolAt >= 0) {
      school = options.schools.indexOf(optionalCells[schoolAt]);
      // A school column holding names (就读学校 in a registry export): a value no code has may name the school.
      if (school < 0 && optionalCells[schoolAt] !== '') school = options.schools.byName(optionalCells[schoolAt], '', teaches).school;
    }
    // The school as the schools file writes its code (a code read without its leading zeros, or by its name).
    if (school >= 0) optionalCells[schoolAt] = options.schools!.ids[school];
    // Un-merged cells leave a school's name on the first row of its block only: below a private
    // school's row, pupils without a school would be zoned to public schools, which no count shows.
    const schoolText = schoolName || (schoolAt >= 0 ? optionalCells[schoolAt] : '');
    if (schoolText !== '') above.privateSchool = school >= 0 && options.schools!.private[school] ? schoolText : '';
    else if (above.privateSchool !== '') notes.push({ code: 'schoolBlankBelowPrivate', params: { got: above.privateSchool } });
    const status: string[] = byAddress ? ['', ''] : [];
    const address = byAddress ? (cells[cAddress] ?? '').trim() : '';
    let placedAtUnit = false;
    if (byAddress && unfilled(lonText) && unfilled(latText) && address !== '') {
      const p = placer(address);
      if (p.placed) {
        [lonText, latText] = [String(p.lon), String(p.lat)];
        optionalCells[unitAt] = p.unitId;
        placedAtUnit = true;
      } else {
        status[0] = p.status;
        status[1] = p.candidates;
      }
    }
    let lon = lonText === '' ? NaN : Number(lonText);
    let lat = latText === '' ? NaN : Number(latText);
    if (!placedAtUnit && coarse(lonText, latText)) notes.push({ code: 'coarseCoordinates', params: { got: lonText, value: latText, n: COARSE_DECIMALS } });
    // This row's numbers the other way round: read swapped, before the file's system is converted.
    if (looksSwapped(lon, lat)) {
      notes.push({ code: 'lonLatSwappedRow', params: { got: lonText, value: latText } });
      [lon, lat, lonText, latText] = [lat, lon, latText, lonText];
    }
    // Units are already WGS84: only the file's own coordinates are converted; 0,0 stays as read
    // (the reader rejects it as unfilled, where converted from a projected system it would be a place).
    const [x, y] = Number.isFinite(lon) && Number.isFinite(lat) && !placedAtUnit && !(lon === 0 && lat === 0) ? toWgs84(lon, lat, crs) : [lon, lat];
    const grade = gradeOf(gradeText, school >= 0 ? options.schools!.levels[school] : undefined, rowLevel);
    if (grade.note) notes.push(grade.note);
    const rollStatus = cStatus >= 0 ? (cells[cStatus] ?? '').trim() : '';
    if (ON_LEAVE.test(rollStatus)) notes.push({ code: 'onLeaveCounted', params: { got: rollStatus } });
    // The address is read again only to name a row that could not be placed.
    if (addressAt >= 0 && !status[0]) optionalCells[addressAt] = '';
    return [
      id,
      numberText(x, lonText),
      numberText(y, latText),
      grade.grade === undefined ? gradeText : String(grade.grade),
      ...optionalCells,
      String(line),
      notes.length === 0 ? '' : JSON.stringify(notes),
      ...status,
    ];
  };
  return {
    header,
    rowBound: table.rowBound,
    forEachRow(visit) {
      const isTotal = createTotalRowTest(cId);
      const isHeaderCopy = createHeaderCopyTest(table.header);
      let rows = 0;
      let skipped = 0;
      let visited = 0;
      const above = { privateSchool: '' };
      table.forEachRow((cells, line) => {
        visited++;
        const copy = isHeaderCopy(cells);
        if (copy || isColumnNumbering(cells)) {
          skipped++;
          visit.skip({ line, problem: copy ? HEADER_COPY : COLUMN_NUMBERING });
          return;
        }
        const note = noteRowText(cells);
        if (note !== undefined) {
          skipped++;
          visit.skip({ line, problem: noteRowProblem(note) });
          return;
        }
        const total = isTotal(cells);
        if (total) {
          skipped++;
          visit.skip({ line, problem: totalRowProblem(total) });
          return;
        }
        const status = cStatus >= 0 ? (cells[cStatus] ?? '').trim() : '';
        if (OFF_ROLL.test(status)) {
          skipped++;
          visit.skip({ line, problem: { code: 'offRollSkipped', params: { got: status } } });
          return;
        }
        rows++;
        visit.row(contractRow(cells, line, above), line);
      }, (line, problem) => {
        visited++;
        rows++;
        visit.row(brokenRow(line, problem), line);
      });
      if (visited !== rows + skipped) throw new DataError(table.file, 'rowCountMismatch', { n: visited, max: rows + skipped });
    },
  };
}
