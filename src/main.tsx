import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { loadDataset } from './app/engineClient';
import { useAppStore } from './store/store';
import { startAutosave } from './app/workspace';
import './app/app.css';

declare global {
  interface Window {
    /** The store, for end-to-end tests that wait on app state. */
    __planner?: { store: typeof useAppStore; map?: import('maplibre-gl').Map };
  }
}
window.__planner = { store: useAppStore };

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
startAutosave();
void loadDataset('default');
