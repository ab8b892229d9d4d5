import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  worker: { format: 'es' },
  optimizeDeps: { include: ['comlink', 'papaparse', 'polyclip-ts', '@mapbox/shp-write', 'idb', 'echarts', 'shpjs', 'exceljs', '@tmcw/togeojson', '@xmldom/xmldom', 'gcoord', 'but-unzip'] },
  build: {
    chunkSizeWarningLimit: 2000,
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
