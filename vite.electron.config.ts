import path from 'node:path';
import { defineConfig } from 'vite';

const root = import.meta.dirname;

/**
 * Electron's two Node-side bundles. `--mode preload`: the sandboxed preload, one CommonJS file that
 * may require only 'electron'. Otherwise: main and its three workers as ES modules next to each
 * other (the job runner finds job-worker.js beside main.js, the printing pool print-worker.js, a
 * backup integrity-worker.js), with packages left to node_modules.
 */
export default defineConfig(({ mode }) =>
  mode === 'preload'
    ? {
        build: {
          ssr: path.join(root, 'src/preload/preload.ts'),
          outDir: path.join(root, 'dist/preload'),
          emptyOutDir: true,
          target: 'node20',
          rollupOptions: { external: ['electron'], output: { format: 'cjs', entryFileNames: 'preload.cjs' } },
        },
        ssr: { noExternal: true },
      }
    : {
        build: {
          ssr: true,
          outDir: path.join(root, 'dist/main'),
          emptyOutDir: true,
          target: 'node20',
          rollupOptions: {
            input: {
              main: path.join(root, 'src/main/main.ts'),
              'job-worker': path.join(root, 'src/core/app/jobs/job-worker.ts'),
              // Printing several classes renders their workbooks on print-worker.js, beside main.js.
              'print-worker': path.join(root, 'src/core/documents/class-copy/print-worker.ts'),
              // A backup checks its snapshot on integrity-worker.js while it encrypts.
              'integrity-worker': path.join(root, 'src/core/backup/integrity-worker.ts'),
              // The command line as plain Node can run it from the unpacked app (the packaging smoke test).
              cli: path.join(root, 'src/cli/main.ts'),
            },
            // Shared chunks beside the entries too: a worker script is found next to the module
            // that starts it (its import.meta.url), wherever rollup puts that module.
            output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
          },
        },
      },
);
