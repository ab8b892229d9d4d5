import { lazy, Suspense, useCallback, useLayoutEffect, useState } from 'react';
import { MapView } from '../features/map/MapView';
import { preloadDrawing } from '../map/drawController';
import { useT } from '../store/selectors';
import { useAppStore } from '../store/store';

// The controls (antd, the tables, the dialogs, the drawing tools: most of the page's code) load
// once the map has drawn the dataset's zones, so that the first map does not wait for them.
const Panels = lazy(() => Promise.all([import('./Panels'), preloadDrawing()]).then(([m]) => ({ default: m.Panels })));

/** The planner's screen: header, map on the left, summary and tables on the right; the map first, the controls as soon as it shows. */
export function App() {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const [header, setHeader] = useState<HTMLElement | null>(null);
  const [mapSlot, setMapSlot] = useState<HTMLElement | null>(null);
  const [side, setSide] = useState<HTMLElement | null>(null);
  const [mapShown, setMapShown] = useState(false);
  const [panelsIn, setPanelsIn] = useState(false);
  const markPanelsIn = useCallback(() => setPanelsIn(true), []);
  const markMapShown = useCallback(() => setMapShown(true), []);
  const slots = header && mapSlot && side ? { header, map: mapSlot, side } : undefined;
  return (
    <div className="app" lang={locale}>
      <div className="slot" ref={setHeader}>
        {!panelsIn && (
          <header className="app-header">
            <h1>{t('appTitle')}</h1>
            <span className="subtitle">{t('appSubtitle')}</span>
          </header>
        )}
      </div>
      <div className="app-body">
        <div className="map-panel">
          <MapView onShown={markMapShown} />
          <div className="slot" ref={setMapSlot} />
        </div>
        <div className="side-panel" ref={setSide} aria-busy={!panelsIn} />
      </div>
      {mapShown && slots && (
        <Suspense fallback={null}>
          <PanelsIn onIn={markPanelsIn} />
          <Panels slots={slots} />
        </Suspense>
      )}
    </div>
  );
}

/** Tells the shell that the panels have come in (rendered inside the panels' Suspense boundary, so only once they have). */
function PanelsIn({ onIn }: { onIn: () => void }) {
  useLayoutEffect(onIn, [onIn]);
  return null;
}
