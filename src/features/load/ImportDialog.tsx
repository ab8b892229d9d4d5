import { Alert, Button, Card, Checkbox, Modal, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { downloadFile } from '../../app/download';
import { cancelLoad, confirmMapping } from '../../app/loadActions';
import { applyMappingChoices, columnsOf, draftProblems, mappingChoicesOf, statedBaseYear, withPart } from '../../app/importDrafts';
import { ZONE_LEVELS, type ZoneLevel } from '../../core/rules';
import { describeDataProblem } from '../../core/dataProblems';
import { DataError } from '../../io/dataError';
import { CRS_NAMES } from '../../io/import/crs';
import { DATASET_PARTS, type DatasetPart } from '../../io/import/datasetPart';
import { formatMappingFile, parseMappingFile } from '../../io/import/mappingFile';
import type { MessageKey } from '../../i18n/messages';
import { useT } from '../../store/selectors';
import { useAppStore, type ImportDraft } from '../../store/store';
import { BaseYearCard } from './BaseYearCard';
import { SchoolSystemCard } from './SchoolSystemCard';
import { DEFAULT_SCHOOL_SYSTEM, primaryLastGradeOf, type SchoolSystem } from '../../core/schoolSystem';
import { CohortPreview } from './CohortPreview';

/** Parts whose positions are coordinates (a CRS applies); dataset.json and the planning tables have none or WGS84 only. */
const POSITIONED: ReadonlySet<DatasetPart> = new Set(['schools', 'catchments', 'students', 'units', 'county', 'context']);

/** One file of the mapping step: its part, coordinate system and, for mapped parts, the column of each contract column. */
/** The format shown beside a file's name: an old workbook (.xls) is read as a workbook, and named as the planner knows it. */
const formatLabel = (draft: { name: string; format: string }) => (draft.format === 'xlsx' && /\.xls$/i.test(draft.name) ? 'XLS' : draft.format.toUpperCase());

function DraftCard({ draft, index, year, primaryLastGrade, problems, onChange }: {
  draft: ImportDraft;
  index: number;
  /** The base year cohort grades convert for. */
  year: number;
  /** The last primary grade of the school system chosen (junior cohorts count from the next). */
  primaryLastGrade: number;
  problems: ReturnType<typeof draftProblems> extends Map<string, infer P> ? P | undefined : never;
  onChange: (d: ImportDraft) => void;
}) {
  const t = useT();
  const columns = columnsOf(draft);
  const partName = (p: DatasetPart) => t(`part_${p}` as MessageKey);
  const hint = draft.crsHint && draft.crsHint.crs === draft.crs ? draft.crsHint : undefined;
  // A contract column as the table's rows name it: its key, and its Chinese name where it has one.
  const hanName = (spec: (typeof columns)[number]) => spec.aliases.find((a) => /\p{Script=Han}/u.test(a)) ?? spec.aliases[0];
  const named = (column: string) => {
    const spec = columns.find((c) => c.column === column);
    const han = spec && hanName(spec);
    return han ? `${column}（${han}）` : column;
  };
  return (
    <Card size="small" data-testid={`import-file-${index}`} title={<Space><span>{draft.name}</span><Tag>{formatLabel(draft)}</Tag>{draft.remembered && <Tag color="blue">{t('importRemembered')}</Tag>}</Space>}>
      <Space wrap size="middle" style={{ marginBottom: 8 }}>
        <span>{t('importPart')}</span>
        <Select
          data-testid={`part-select-${index}`}
          style={{ width: 180 }}
          value={draft.part}
          placeholder={t('importNoPart')}
          options={DATASET_PARTS.map((p) => ({ value: p, label: partName(p) }))}
          onChange={(p: DatasetPart) => onChange(withPart(draft, p))}
        />
      </Space>
      {draft.part && POSITIONED.has(draft.part) && (
        <div style={{ marginBottom: 8 }}>
          <span style={{ marginRight: 12 }}>{t('importCrs')}</span>
          <Radio.Group
            data-testid={`crs-${index}`}
            size="small"
            optionType="button"
            value={draft.crs}
            options={CRS_NAMES.map((c) => ({ value: c, label: t(`crs_${c}` as MessageKey) }))}
            onChange={(e) => onChange({ ...draft, crs: e.target.value })}
          />
          {hint && (
            <Typography.Text type="secondary" data-testid={`crs-hint-${index}`} style={{ marginLeft: 12 }}>
              {t(hint.from === 'name' ? 'importCrsFromName' : 'importCrsFromColumn', { crs: t(`crs_${hint.crs}` as MessageKey) })}
            </Typography.Text>
          )}
          <div style={{ marginTop: 6 }}>
            <Checkbox data-testid={`swap-lonlat-${index}`} checked={draft.swapLonLat === true} onChange={(e) => onChange({ ...draft, swapLonLat: e.target.checked })}>
              {t('importSwapLonLat')}
            </Checkbox>
            <Typography.Text type="secondary" style={{ marginLeft: 4 }}>{t('importSwapLonLatHint')}</Typography.Text>
          </div>
        </div>
      )}
      {draft.part === 'catchments' && (
        <Space wrap size="middle" style={{ marginBottom: 8 }}>
          <span>{t('importLevel')}</span>
          <Select
            data-testid={`level-${index}`}
            style={{ width: 220 }}
            value={draft.level ?? ''}
            options={[{ value: '', label: t('importLevelByColumn') }, ...ZONE_LEVELS.map((l) => ({ value: l, label: t(l) }))]}
            onChange={(level: ZoneLevel | '') => onChange({ ...draft, level: level === '' ? undefined : level })}
          />
        </Space>
      )}
      {columns.length > 0 && (
        <Table
          size="small"
          pagination={false}
          rowKey="column"
          dataSource={columns}
          columns={[
            {
              title: t('importColumn'),
              dataIndex: 'column',
              width: 360,
              render: (column: string, spec) => (
                <Space size={4}>
                  <Typography.Text code style={{ whiteSpace: 'nowrap' }}>{column}</Typography.Text>
                  {spec.aliases[0] && <Typography.Text type="secondary">{hanName(spec)}</Typography.Text>}
                  {spec.required && <Tag color="red">{spec.orElse ? t('importRequiredOr', { column: spec.orElse }) : t('importRequired')}</Tag>}
                </Space>
              ),
            },
            {
              title: t('importSource'),
              dataIndex: 'column',
              key: 'source',
              render: (column: string) => (
                <Select
                  data-testid={`map-${index}-${column}`}
                  style={{ width: '100%' }}
                  size="small"
                  value={draft.mapping[column] ?? ''}
                  options={[{ value: '', label: t('importUnmapped') }, ...draft.header.map((h) => ({ value: h, label: h }))]}
                  onChange={(name: string) => onChange({ ...draft, mapping: { ...draft.mapping, [column]: name }, ambiguous: draft.ambiguous?.filter((a) => a.column !== column) })}
                />
              ),
            },
          ]}
        />
      )}
      {draft.part === 'students' && draft.mapping.address && <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>{t('importAddressHint')}</Typography.Paragraph>}
      {draft.part === 'students' && (draft.cohorts?.length ?? 0) > 0 && <CohortPreview draft={draft} index={index} year={year} primaryLastGrade={primaryLastGrade} onChange={onChange} />}
      {problems?.noPart && <Alert type="warning" showIcon title={t('importNoPart')} style={{ marginTop: 8 }} />}
      {problems?.samePart && <Alert type="error" showIcon title={t('importSamePart', { part: partName(problems.samePart) })} style={{ marginTop: 8 }} />}
      {problems?.repeated?.map((r) => (
        <Alert key={r.column} type="error" showIcon data-testid={`import-repeated-${index}-${r.column}`} title={t('importRepeatedColumn', { file: draft.name, name: r.name, n: r.copies.length, copies: r.copies.join('、'), column: r.column })} style={{ marginTop: 8 }} />
      ))}
      {problems?.missing && <Alert type="error" showIcon data-testid={`import-missing-${index}`} title={t('importMissing', { columns: problems.missing.map(named).join(', ') })} style={{ marginTop: 8 }} />}
    </Card>
  );
}

/** The column-mapping step: the planner confirms what each file holds, its coordinate system and its columns. */
export function ImportDialog({ files }: { files: ImportDraft[] }) {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const [drafts, setDrafts] = useState(files);
  // The planner's base year; undefined keeps what the files (or dataset.json) state.
  const [baseYear, setBaseYear] = useState<number | undefined>();
  const stated = statedBaseYear(drafts);
  const year = baseYear ?? stated.year ?? new Date().getFullYear();
  const showYear = stated.stated.length > 0 || drafts.some((d) => d.part === 'students' && (d.cohorts?.length ?? 0) > 0);
  // The planner's school system; undefined keeps what dataset.json states, else 六三制.
  const [schoolSystem, setSchoolSystem] = useState<SchoolSystem | undefined>();
  const primaryLastGrade = primaryLastGradeOf(schoolSystem ?? DEFAULT_SCHOOL_SYSTEM);
  const [mappingNote, setMappingNote] = useState<{ type: 'error' | 'warning'; text: string }>();
  const mappingInput = useRef<HTMLInputElement>(null);
  const problems = draftProblems(drafts);
  const exportMapping = () => downloadFile('mapping.json', formatMappingFile(mappingChoicesOf(drafts)), 'application/json');
  const readMapping = async (file: File | undefined) => {
    if (!file) return;
    try {
      const applied = applyMappingChoices(drafts, parseMappingFile(file.name, await file.text()));
      setDrafts(applied.drafts);
      setMappingNote(applied.skipped.length === 0 ? undefined : { type: 'warning', text: t('importMappingSkipped', { file: file.name, columns: applied.skipped.join('; ') }) });
    } catch (e) {
      if (!(e instanceof DataError)) throw e;
      setMappingNote({ type: 'error', text: `${e.file}: ${describeDataProblem(e.code, e.params, locale)}` });
    }
  };
  return (
    <Modal
      open
      width={820}
      title={t('importTitle')}
      onCancel={cancelLoad}
      mask={{ closable: false }}
      footer={[
        <Button key="export" onClick={exportMapping} data-testid="import-export-mapping" style={{ float: 'left' }}>{t('importExportMapping')}</Button>,
        <Button key="read" onClick={() => mappingInput.current?.click()} data-testid="import-read-mapping" style={{ float: 'left' }}>{t('importReadMapping')}</Button>,
        <Button key="cancel" onClick={cancelLoad} data-testid="import-cancel">{t('cancel')}</Button>,
        <Button key="load" type="primary" disabled={problems.size > 0} onClick={() => void confirmMapping(drafts, baseYear, schoolSystem)} data-testid="import-confirm">{t('importLoad')}</Button>,
      ]}
    >
      <Typography.Paragraph type="secondary">{t('importIntro')}</Typography.Paragraph>
      <input
        ref={mappingInput}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid="import-mapping-input"
        onChange={(e) => {
          void readMapping(e.target.files?.[0]);
          e.target.value = '';
        }}
      />
      {mappingNote && <Alert type={mappingNote.type} showIcon data-testid="import-mapping-note" title={mappingNote.text} style={{ marginBottom: 8 }} />}
      <Space direction="vertical" style={{ width: '100%' }} data-testid="import-dialog">
        {showYear && <BaseYearCard drafts={drafts} value={baseYear} onChange={setBaseYear} />}
        {drafts.some((d) => d.part === 'students') && <SchoolSystemCard value={schoolSystem} onChange={setSchoolSystem} />}
        {drafts.map((d, i) => (
          <DraftCard key={d.name} draft={d} index={i} year={year} primaryLastGrade={primaryLastGrade} problems={problems.get(d.name)} onChange={(next) => setDrafts(drafts.map((x, k) => (k === i ? next : x)))} />
        ))}
      </Space>
    </Modal>
  );
}
