import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { loadDataset } from './app/loadActions';
import { shownState, useAppStore } from './store/store';
import { startAutosave } from './app/workspace';
import { injectFault } from './app/engineRecovery';
import { livePreviewStats } from './app/livePreview';
import './app/app.css';

declare global {
  interface Window {
    /**
     * The store, for end-to-end tests that wait on app state; `testFaults.inject` (test-only, never
     * used by the app) injects a fault into the engine's worker: 'hang', 'crash', 'exit', 'throwInEdit';
     * `livePreviewStats`, the live figures computed and dropped, for the browser benchmark; `shown`,
     * the store as the panels show it (held while the map draws an edit).
     */
    __planner?: { store: typeof useAppStore; shown: typeof shownState; map?: import('maplibre-gl').Map; testFaults: { inject: typeof injectFault }; livePreviewStats: typeof livePreviewStats };
  }
}
window.__planner = { store: useAppStore, shown: shownState, testFaults: { inject: injectFault }, livePreviewStats };

// The embedded dataset is asked for first, and the panels' first render runs as a transition, which
// yields to the browser: done in one piece (half a second here), it held back the dataset's arrival
// in the worker and so the first map.
void loadDataset('default');
const root = createRoot(document.getElementById('root')!);
startTransition(() => {
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
startAutosave();
