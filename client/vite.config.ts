import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));
const apiPort = process.env.PORT ?? '3000';

export default defineConfig({
  root: here,
  plugins: [react()],
  resolve: { alias: { '@server': path.resolve(here, '../server') } },
  build: { outDir: path.resolve(here, '../dist/client'), emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  server: {
    port: Number(process.env.CLIENT_PORT ?? 5173),
    proxy: { '/api': { target: `http://127.0.0.1:${apiPort}`, changeOrigin: false } },
  },
});
