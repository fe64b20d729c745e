/**
 * Builds the rendering bench page (bench/render/render.html) into bench/.build/render: the
 * editor's own network view and bare Cytoscape.js in one bundle, so both draw with the same
 * Cytoscape build. Run by the rendering suite; not part of the app's build.
 */
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = import.meta.dirname;

export default defineConfig({
  root: here,
  base: './',
  logLevel: 'warn',
  plugins: [react()],
  resolve: { alias: { '@server': path.resolve(here, '../../server') } },
  build: {
    outDir: path.resolve(here, '../.build/render'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 5000,
    rollupOptions: { input: path.resolve(here, 'render.html') },
  },
});
