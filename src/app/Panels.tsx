import { App as AntApp, ConfigProvider } from 'antd';
import { lazy, Suspense, useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import 'antd/dist/antd.css';
import { AppHeader } from '../features/header/AppHeader';
import { LoadStatus } from '../features/load/LoadStatus';
import { DropZone } from '../features/load/DropZone';
import { MapControls } from '../features/map/MapControls';
import { CountySummary } from '../features/summary/CountySummary';
import { RejectedRows } from '../features/summary/RejectedRows';
import { SchoolDetail } from '../features/schools/SchoolDetail';
import { SchoolTable } from '../features/schools/SchoolTable';
import { DistancePanel } from '../features/distance/DistancePanel';
import { useAppStore } from '../store/store';
import { MovedPupils } from '../features/edit/MovedPupils';
import { ComplianceCard } from '../features/standards/ComplianceCard';
import { PendingArea } from '../features/edit/PendingArea';
import { useEditShortcuts } from '../features/edit/useEditShortcuts';
import { ScenarioBar } from '../features/scenarios/ScenarioBar';
import { EngineNotice } from '../features/engine/EngineNotice';
import { WarningPanel } from '../features/warning/WarningPanel';
import { CommitMark } from './CommitMark';
import { BalancePanel } from '../features/balance/BalancePanel';

// Components take their styles from antd's prebuilt stylesheet (imported above, loaded with this
// chunk): made at run time, the first render of the panels spent most of its ~0.7 s generating CSS.
const THEME = { zeroRuntime: true, token: { colorPrimary: '#0b6aa2', borderRadius: 4, motion: false } };

// The compare drawer (its tables, charts and projections) loads when first opened, then stays.
const ComparePanel = lazy(() => import('../features/compare/ComparePanel').then((m) => ({ default: m.ComparePanel })));

function CompareOnDemand() {
  const open = useAppStore((s) => s.compareOpen);
  const [wanted, setWanted] = useState(open);
  useEffect(() => {
    if (open) setWanted(true);
  }, [open]);
  return wanted ? <Suspense fallback={null}><ComparePanel /></Suspense> : null;
}

/** Where the shell (App) has room for the panels: the header bar, over the map, the side column. */
export interface PanelSlots {
  header: HTMLElement;
  map: HTMLElement;
  side: HTMLElement;
}

/** The planner's controls, each put into its place in the shell: header, map controls, summary and tables, dialogs. */
export function Panels({ slots }: { slots: PanelSlots }) {
  const locale = useAppStore((s) => s.locale);
  useEditShortcuts();
  return (
    <ConfigProvider locale={locale === 'en' ? enUS : zhCN} theme={THEME} wave={{ disabled: true }}>
      <AntApp component={false}>
        {createPortal(<AppHeader />, slots.header)}
        {createPortal(<MapControls />, slots.map)}
        {createPortal(
          <>
            <EngineNotice />
            <ScenarioBar />
            <PendingArea />
            <CountySummary />
            <MovedPupils />
            <ComplianceCard />
            <SchoolDetail />
            <SchoolTable />
            <DistancePanel />
            <RejectedRows />
          </>,
          slots.side,
        )}
        <CompareOnDemand />
        <WarningPanel />
        <BalancePanel />
        <LoadStatus />
        <DropZone />
        <CommitMark />
      </AntApp>
    </ConfigProvider>
  );
}
