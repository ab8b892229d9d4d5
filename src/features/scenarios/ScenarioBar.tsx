import { CopyOutlined, DeleteOutlined, EditOutlined, ImportOutlined, LineChartOutlined, PlusOutlined, SettingOutlined, AlertOutlined, ControlOutlined } from '@ant-design/icons';
import { App, Button, Input, Select, Space, Tooltip, Typography } from 'antd';
import { useRef, useState } from 'react';
import { createScenario, deleteScenario, duplicateScenario, renameScenario, switchScenario } from '../../app/scenarioActions';
import { useT } from '../../store/selectors';
import { useAppStore, type ScenarioDoc } from '../../store/store';
import { useScenarioImport } from './useScenarioImport';
import { RulesEditor } from './RulesEditor';
import { ExportMenu } from '../exports/ExportMenu';
import { openWarning } from '../../app/warningActions';
import { openBalance } from '../../app/balanceActions';

const hasRules = (d: ScenarioDoc) =>
  d.rules.phaseIn !== undefined || d.rules.openings.length + d.rules.classroomAdditions.length + d.rules.privateShares.length + d.rules.diversions.length > 0;

/** The scenario being edited, and new / duplicate / rename / delete / import / rules / compare. */
export function ScenarioBar() {
  const t = useT();
  const { modal } = App.useApp();
  const scenarios = useAppStore((s) => s.scenarios);
  const activeId = useAppStore((s) => s.activeScenarioId);
  const [renaming, setRenaming] = useState<string>();
  const [rulesOpen, setRulesOpen] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const importFile = useScenarioImport();
  const active = scenarios.find((d) => d.id === activeId);
  if (!active) return null;

  const confirmDelete = () =>
    modal.confirm({
      title: t('deleteScenario'),
      content: t('deleteScenarioConfirm', { name: active.name }),
      okButtonProps: { danger: true, 'data-testid': 'confirm-delete' },
      onOk: () => deleteScenario(active.id),
    });

  return (
    <div className="scenario-bar" data-testid="scenario-bar">
      <Typography.Text strong>{t('scenario')}</Typography.Text>
      {renaming === undefined ? (
        <Select
          data-testid="scenario-select"
          style={{ minWidth: 160 }}
          value={activeId}
          options={scenarios.map((d) => ({ value: d.id, label: d.name }))}
          onChange={(id) => void switchScenario(id)}
        />
      ) : (
        <Input
          data-testid="scenario-name"
          autoFocus
          style={{ width: 180 }}
          value={renaming}
          onChange={(e) => setRenaming(e.target.value)}
          onPressEnter={() => {
            renameScenario(active.id, renaming);
            setRenaming(undefined);
          }}
          onBlur={() => {
            renameScenario(active.id, renaming);
            setRenaming(undefined);
          }}
        />
      )}
      <Space.Compact>
        <Tooltip title={t('newScenario')}><Button data-testid="scenario-new" icon={<PlusOutlined />} onClick={() => void createScenario()} /></Tooltip>
        <Tooltip title={t('duplicateScenario')}><Button data-testid="scenario-duplicate" icon={<CopyOutlined />} onClick={() => void duplicateScenario(active.id)} /></Tooltip>
        <Tooltip title={t('renameScenario')}><Button data-testid="scenario-rename" icon={<EditOutlined />} onClick={() => setRenaming(active.name)} /></Tooltip>
        <Tooltip title={t('deleteScenario')}><Button data-testid="scenario-delete" icon={<DeleteOutlined />} disabled={scenarios.length < 2} onClick={confirmDelete} /></Tooltip>
        <Tooltip title={t('importScenario')}><Button data-testid="scenario-import" icon={<ImportOutlined />} onClick={() => fileInput.current?.click()} /></Tooltip>
      </Space.Compact>
      <Button data-testid="scenario-rules" icon={<SettingOutlined />} onClick={() => setRulesOpen(true)}>{t('rules')}</Button>
      <Button data-testid="open-compare" type="primary" icon={<LineChartOutlined />} onClick={() => useAppStore.setState({ compareOpen: true })}>{t('compare')}</Button>
      <Button data-testid="open-warning" icon={<AlertOutlined />} onClick={() => openWarning(true)}>{t('warningButton')}</Button>
      <Button data-testid="open-balance" icon={<ControlOutlined />} onClick={() => openBalance(true)}>{t('balanceButton')}</Button>
      <ExportMenu />
      <input
        ref={fileInput}
        data-testid="scenario-file"
        type="file"
        accept=".json,application/json"
        hidden
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void importFile(file);
        }}
      />
      {hasRules(active) && <Typography.Text type="secondary" className="scenario-note" data-testid="rules-note">{t('rulesNote')}</Typography.Text>}
      {rulesOpen && <RulesEditor doc={active} onClose={() => setRulesOpen(false)} />}
    </div>
  );
}
