import type { Rules } from '../src/core/rules';
import type { ProjectionSettings, ScenarioRules } from '../src/core/scenarioRules';
import type { StandardsProfile } from '../src/core/standards';
import { DEFAULT_WARNING } from '../src/core/warning/settings';
import type { ZoneState } from '../src/core/zoneState';
import { zoneNoticeDocument } from '../src/features/publish/zoneNoticeText';
import { warningNoticeDocument } from '../src/features/warning/warningNoticeText';
import { computeWarningTable } from '../src/features/warning/warningTable';
import { formatDate, translate } from '../src/i18n/format';
import type { Locale } from '../src/i18n/messages';
import { buildDocx, buildLettersDocx } from '../src/io/export/docx';
import { buildTablesWorkbook } from '../src/io/export/workbook';
import type { LoadedDataset } from '../src/io/readDataset';
import { runWarning } from './warningRun';
import { noticeUnits, runZoneNotice } from './zoneNoticeRun';
import { runLetters, runLookupPage } from './publishRun';
import { datasetTitle } from '../src/i18n/datasetTitle';

/** What a publication is made from: the dataset, a scenario's zoning, rules and projection, the profile, the language. */
export interface PublishInput {
  loaded: LoadedDataset;
  state: ZoneState;
  scenario: ScenarioRules;
  projection: ProjectionSettings;
  profile: StandardsProfile;
  rules: Rules;
  locale: Locale;
}

/** One file of the publication, with the milliseconds it took to make. */
export interface PublishedFile {
  name: string;
  bytes: Uint8Array;
  ms: number;
}

/** The file names of a publication per language. */
const FILES = {
  'zh-CN': { notice: '招生片区公告.docx', lookup: '学区查询.html', warning: '学位预警.xlsx', warningNotice: '学位预警公告.docx', lettersXlsx: '致家长信名单.xlsx', lettersDocx: '致家长信.docx' },
  en: { notice: 'zone-notice.docx', lookup: 'school-lookup.html', warning: 'enrollment-warning.xlsx', warningNotice: 'enrollment-warning-notice.docx', lettersXlsx: 'letters-mail-merge.xlsx', lettersDocx: 'letters.docx' },
} as const;

/**
 * The publication set of a scenario, in memory: the 招生片区公告 (DOCX), the 学区查询 page (one
 * HTML file), the 学位预警 table (XLSX) and notice (DOCX), and the letters to the families it moves
 * (mail-merge XLSX, letters DOCX). Document numbers, dates of the data's cut-off and telephone
 * numbers are left to fill; the letters and notices are dated today.
 */
export async function buildPublication(input: PublishInput): Promise<PublishedFile[]> {
  const { loaded, state, locale, rules } = input;
  const { dataset } = loaded;
  const names = FILES[locale];
  const datasetName = datasetTitle(dataset, locale);
  const byId = new Map(dataset.schools.map((s) => [s.id, s]));
  const nameOf = (id: string) => {
    const s = byId.get(id);
    return s ? (locale === 'en' && s.nameEn ? s.nameEn : s.name) : id;
  };
  const units = noticeUnits(loaded);
  const date = formatDate(locale, Date.now());
  const files: PublishedFile[] = [];
  const timed = async (name: string, make: () => Promise<Uint8Array> | Uint8Array) => {
    const t0 = performance.now();
    const bytes = await make();
    files.push({ name, bytes, ms: performance.now() - t0 });
  };
  await timed(names.notice, () => {
    const view = runZoneNotice(loaded, [], () => state, rules);
    return buildDocx(zoneNoticeDocument(view, dataset.schools, { dataset: datasetName, year: dataset.baseYear + 1, docNo: '', date, locale, nameOf }));
  });
  await timed(names.lookup, async () => new TextEncoder().encode(await runLookupPage(loaded, [], () => state, rules, locale)));
  const warning = await runWarning(dataset, { edits: [], rules: input.scenario, projection: input.projection, warning: input.profile.warning ?? DEFAULT_WARNING }, () => state, rules, () => false);
  if (warning.ok) {
    const view = warning.view;
    const schoolName = (s: number) => nameOf(dataset.schools[s].id);
    await timed(names.warning, async () => new Uint8Array(await buildTablesWorkbook([{ name: locale === 'en' ? 'Enrollment warning' : '学位预警', table: computeWarningTable(view, schoolName, locale) }]).xlsx.writeBuffer()));
    const unitName = new Map(units.map((u) => [u.id, u.name]));
    await timed(names.warningNotice, () => buildDocx(warningNoticeDocument(view, dataset.schools, { dataset: datasetName, docNo: '', cutoff: '', date, locale, nameOf, unitName: (id) => unitName.get(id) ?? id })));
  }
  const t0 = performance.now();
  const letters = runLetters(loaded, { edits: [], rules: input.scenario, projection: input.projection }, () => state, rules, locale, date);
  const lettersMs = performance.now() - t0;
  await timed(names.lettersXlsx, async () => new Uint8Array(await buildTablesWorkbook([{ name: translate(locale, 'lettersSheet'), table: letters.table }]).xlsx.writeBuffer()));
  files[files.length - 1].ms += lettersMs;
  await timed(names.lettersDocx, () => buildLettersDocx(letters.letters));
  return files;
}
