import { computeLetterRows } from '../src/core/publish/letters';
import { computeLookupIndex } from '../src/core/publish/lookupIndex';
import type { Rules } from '../src/core/rules';
import type { ProjectionSettings, ScenarioRules } from '../src/core/scenarioRules';
import type { ZoneEdit } from '../src/core/zoneEdits';
import type { ZoneState } from '../src/core/zoneState';
import type { Locale } from '../src/i18n/messages';
import type { DocxLetter } from '../src/io/export/docx';
import { computeLettersTable, lettersDocument } from '../src/io/export/letters';
import type { Table } from '../src/io/export/table';
import type { LoadedDataset } from '../src/io/readDataset';
import { noticeUnits } from './zoneNoticeRun';
import { datasetTitle } from '../src/i18n/datasetTitle';

/** A scenario to publish from: its edits from the dataset's own zoning, its rules and projection. */
export interface PublishRequest {
  edits: ZoneEdit[];
  rules: ScenarioRules;
  projection: ProjectionSettings;
}

/** The letters of a scenario, ready to write: the mail-merge table and the letters (XLSX and DOCX are made where the file is saved). */
export interface LettersView {
  table: Table;
  letters: DocxLetter[];
}

const schoolName = (loaded: LoadedDataset, locale: Locale) => (s: number) => {
  const school = loaded.dataset.schools[s];
  return locale === 'en' && school.nameEn ? school.nameEn : school.name;
};

/**
 * The 学区查询 page of a scenario as one HTML file, opening in `locale` (an edit that no longer
 * applies throws, as stateAfter does). The page builder (with its pinyin dictionary) loads on the
 * first call.
 */
export async function runLookupPage(loaded: LoadedDataset, edits: ZoneEdit[], stateAfter: (edits: ZoneEdit[]) => ZoneState, rules: Rules, locale: Locale): Promise<string> {
  const { dataset } = loaded;
  const index = computeLookupIndex(dataset, stateAfter(edits), noticeUnits(loaded), rules);
  const { buildLookupPage, lookupPageData } = await import('../src/io/export/lookupPage');
  return buildLookupPage(lookupPageData(index, dataset.schools, {
    dataset: { zh: datasetTitle(dataset, 'zh-CN'), en: datasetTitle(dataset, 'en') }, year: dataset.baseYear + 1, baseYear: dataset.baseYear, synthetic: dataset.synthetic, locale,
  }));
}

/** The letters to the families a scenario moves (computeLetterRows), in `locale`, dated `date`. */
export function runLetters(loaded: LoadedDataset, request: PublishRequest, stateAfter: (edits: ZoneEdit[]) => ZoneState, rules: Rules, locale: Locale, date: string): LettersView {
  const rows = computeLetterRows(loaded.dataset, stateAfter(request.edits), request.rules, request.projection, rules);
  const names = { dataset: datasetTitle(loaded.dataset, locale), school: schoolName(loaded, locale), units: noticeUnits(loaded) };
  return { table: computeLettersTable(rows, loaded.dataset, names, locale), letters: lettersDocument(rows, names, locale, date) };
}
