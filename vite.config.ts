import react from '@vitejs/plugin-react';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import { DEFAULT_SNAPSHOT_PATH } from './src/app/defaultDataset.ts';
import { CSP_META, SECURITY_HEADERS } from './src/app/securityHeaders.ts';

/**
 * Reads data/shouguang once per build (and per change, under the dev server) into the snapshot the
 * app opens at start, in a child process (data/generator/snapshot.ts), so the config loads no app
 * code; stored gzip-compressed (the worker unpacks it when the server has not: src/io/snapshot/fetchSnapshot.ts).
 */
function defaultDatasetSnapshot(): Plugin {
  const build = async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xuequ-snapshot-'));
    try {
      const out = join(dir, 'shouguang.snapshot');
      await promisify(execFile)(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'data/generator/snapshot.ts'), out]);
      return gzipSync(readFileSync(out), { level: 9 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  let served: Promise<Uint8Array> | undefined;
  return {
    name: 'default-dataset-snapshot',
    async generateBundle() {
      this.emitFile({ type: 'asset', fileName: DEFAULT_SNAPSHOT_PATH, source: await build() });
    },
    configureServer(server) {
      server.watcher.on('change', () => (served = undefined));
      server.middlewares.use(`/${DEFAULT_SNAPSHOT_PATH}`, (_req, res, next) => {
        served ??= build();
        served.then((bytes) => {
          res.setHeader('Content-Type', 'application/gzip');
          res.end(bytes);
        }, next);
      });
    },
  };
}

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
  plugins: [react(), cspMeta(), defaultDatasetSnapshot()],
  worker: { format: 'es' },
  preview: { headers: SECURITY_HEADERS },
  optimizeDeps: { include: ['comlink', 'papaparse', 'polyclip-ts', '@mapbox/shp-write', 'idb', 'echarts', 'shpjs', 'exceljs', '@tmcw/togeojson', '@xmldom/xmldom', 'gcoord', 'but-unzip'] },
  build: {
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // React on its own: in antd's chunk it made the first map wait for all of antd.
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 2 },
            { name: 'maplibre', test: /node_modules[\\/]maplibre-gl/ },
            { name: 'antd', test: /node_modules[\\/](antd|@ant-design|rc-|@rc-component)/ },
          ],
        },
      },
    },
  },
});
