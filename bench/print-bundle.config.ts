import path from 'node:path';
import { defineConfig, mergeConfig, type UserConfig } from 'vite';
import electron from '../vite.electron.config';

const root = path.resolve(import.meta.dirname, '..');

/**
 * The app's Node-side build (main and its workers, as the installed app ships them) with
 * printSchool as one more entry, into dist/bench-print: what `bench/print.bench.ts --bundled`
 * measures.
 */
export default defineConfig((env) => {
  const app: UserConfig = typeof electron === 'function' ? electron(env) : electron;
  return mergeConfig(app, {
    build: {
      outDir: path.join(root, 'dist', 'bench-print'),
      rollupOptions: {
        input: { 'print-school': path.join(root, 'src/core/documents/class-copy/print-school.ts') },
      },
    },
  });
});
