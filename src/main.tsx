import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { loadDataset } from './app/loadActions';
import { useAppStore } from './store/store';
import { startAutosave } from './app/workspace';
import { injectFault } from './app/engineRecovery';
import 'antd/dist/antd.css';
import './app/app.css';

declare global {
  interface Window {
    /**
     * The store, for end-to-end tests that wait on app state; `testFaults.inject` (test-only, never
     * used by the app) injects a fault into the engine's worker: 'hang', 'crash', 'exit', 'throwInEdit'.
     */
    __planner?: { store: typeof useAppStore; map?: import('maplibre-gl').Map; testFaults: { inject: typeof injectFault } };
  }
}
window.__planner = { store: useAppStore, testFaults: { inject: injectFault } };

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
startAutosave();
void loadDataset('default');
