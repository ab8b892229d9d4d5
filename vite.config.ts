import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { CSP_META, SECURITY_HEADERS } from './securityHeaders.ts';

/**
 * Puts the Content-Security-Policy in the built index.html, first in its head, so the page is
 * protected on any static host. Only in the build: the dev server's inline React refresh preamble
 * and its websocket would be refused.
 */
const cspMeta = (): Plugin => ({
  name: 'csp-meta',
  apply: 'build',
  transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP_META }, injectTo: 'head-prepend' }],
});

export default defineConfig({
  plugins: [react(), cspMeta()],
  worker: { format: 'es' },
  preview: { headers: SECURITY_HEADERS },
  optimizeDeps: { include: ['comlink', 'papaparse', 'polyclip-ts', '@mapbox/shp-write', 'idb', 'echarts', 'shpjs', 'exceljs', '@tmcw/togeojson', '@xmldom/xmldom', 'gcoord', 'but-unzip'] },
  build: {
    chunkSizeWarningLimit: 2000,
    // The embedded dataset's files are fetched, and the policy lets the page fetch only from its
    // own origin: small ones stay files rather than becoming data: URLs.
    assetsInlineLimit: (file) => (/[\\/]data[\\/]/.test(file) ? false : undefined),
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'maplibre', test: /node_modules[\\/]maplibre-gl/ },
            { name: 'antd', test: /node_modules[\\/](antd|@ant-design|rc-|@rc-component)/ },
          ],
        },
      },
    },
  },
});
