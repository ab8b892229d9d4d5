import { Alert, Button, Card, Select, Space, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { assignPendingArea, setDrawing } from '../../app/editActions';
import { cancelPendingAssignmentPreview, currentPendingFigures, previewPendingAssignment } from '../../app/pendingFigures';
import { describeEditProblem } from '../../core/editProblems';
import { teachesLevel } from '../../core/rules';
import { formatNumber } from '../../i18n/format';
import { displayName, useSchoolName, useT } from '../../store/selectors';
import { SchoolSelect } from './SchoolSelect';
import { useAppStore } from '../../store/store';
import type { School } from '../../core/dataset';
import { EditFigures } from './EditFigures';
import { useHeldPress } from './heldPress';

// A stable empty list: a selector returning a new [] each call would re-render forever.
const NO_SCHOOLS: School[] = [];

/** The drawn area: the pupils inside by grade and school, and the school (or schools sharing it, 多校划片) to give it to. */
export function PendingArea() {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const level = useAppStore((s) => s.level);
  const pending = useAppStore((s) => s.pendingArea);
  const drawing = useAppStore((s) => s.drawing);
  const preview = useAppStore((s) => s.preview);
  const error = useAppStore((s) => s.editError);
  const schools = useAppStore((s) => s.dataset?.schools ?? NO_SCHOOLS);
  const nameOf = useSchoolName();
  const selected = useAppStore((s) => s.selectedSchoolId);
  const [target, setTarget] = useState<string | undefined>(undefined);
  // Schools that share the area with the chosen one: a new area starts with none (reset as it
  // renders, so that its figures are not first asked for with the last area's list).
  const [also, setAlso] = useState<string[]>([]);
  const [alsoFor, setAlsoFor] = useState(pending);
  const press = useHeldPress();
  if (alsoFor !== pending) {
    setAlsoFor(pending);
    setAlso([]);
    press.reset();
  }
  const purpose = useAppStore((s) => s.drawPurpose);
  // Figures are made against the scenario as it is: an undo, another scenario or level asks for them again.
  const result = useAppStore((s) => s.result);
  const candidates = schools.filter((s) => s.ownership === 'public' && teachesLevel(s.level, level));
  // The selected school is the default, unless the area's pupils already go to it (giving it its own area changes nothing).
  const holder = preview && preview.bySchool.length > 0 && preview.bySchool.every((b) => b.schoolId === selected) ? selected : undefined;
  const chosen = target ?? (selected !== holder && candidates.some((s) => s.id === selected) ? selected : undefined);
  const sharing = also.filter((id) => id !== chosen);
  const givenTo = chosen ? [chosen, ...sharing] : [];
  const choice = JSON.stringify(givenTo);
  useEffect(() => {
    if (pending && chosen) previewPendingAssignment(JSON.parse(choice) as string[]);
  }, [pending, chosen, choice, level, result]);
  const shown = useAppStore((s) => currentPendingFigures(s, givenTo));
  if (!pending && !drawing && !error) return null;
  // A preview still waiting would only delay the edit in the worker.
  const give = () => {
    cancelPendingAssignmentPreview();
    press.until(assignPendingArea(givenTo));
  };
  const givenNames = givenTo.map(nameOf).join(locale === 'en' ? ', ' : '、') + (sharing.length > 0 ? t('sharedSuffix') : '');
  return (
    <Card size="small" title={t('pendingTitle')} data-testid="pending-area">
      {error && <Alert type="error" showIcon title={`${t('editRefused')}: ${describeEditProblem(error.code, error.params, locale)}`} data-testid="edit-error" style={{ marginBottom: 8 }} />}
      {drawing && <div style={{ marginBottom: 8 }}>{purpose === 'units' ? t('lassoUnits') : purpose === 'split' ? t('splitHint') : t('drawHint')}</div>}
      {preview && (
        <div data-testid="area-preview" style={{ marginBottom: 8 }}>
          <div>{t('pupilsInArea', { n: formatNumber(locale, preview.total), level: t(level) })}</div>
          <Space wrap size={4}>
            {Object.entries(preview.byGrade).map(([g, n]) => <Tag key={g}>{t('gradeN', { n: g })}: {formatNumber(locale, n)}</Tag>)}
          </Space>
          <div style={{ marginTop: 4 }}>
            {t('currentlyAt')}: {preview.bySchool.slice(0, 5).map((b) => `${nameOf(b.schoolId)} ${formatNumber(locale, b.count)}`).join(locale === 'en' ? ', ' : '，')}
          </div>
        </div>
      )}
      {pending && (
        <Space wrap>
          <span>{t('assignTo')}</span>
          <SchoolSelect testId="assign-school" schools={candidates} value={chosen} onChange={setTarget} placeholder={t('chooseSchool')} width={220} />
          <Select
            data-testid="share-schools"
            mode="multiple"
            allowClear
            style={{ minWidth: 220 }}
            placeholder={t('shareWith')}
            value={sharing}
            onChange={setAlso}
            optionFilterProp="label"
            options={candidates.filter((s) => s.id !== chosen).map((s) => ({ value: s.id, label: displayName(s, locale) }))}
          />
          <Button type="primary" data-testid="assign-area" disabled={!chosen} onClick={give} {...press.props}>{sharing.length > 0 ? t('sharedZone') : t('assign')}</Button>
          <Button onClick={() => setDrawing(false)}>{t('cancel')}</Button>
        </Space>
      )}
      {pending && shown && (
        <div data-testid="pending-figures" className="pending-figures">
          {shown.ok ? (
            <>
              <div className="live-figures-title">{t('liveAreaTitle', { school: givenNames })}</div>
              <EditFigures figures={shown} />
            </>
          ) : (
            <div data-testid="pending-refused">{t('liveAreaRefused', { school: givenNames, why: describeEditProblem(shown.problem.code, shown.problem.params, locale) })}</div>
          )}
        </div>
      )}
    </Card>
  );
}
