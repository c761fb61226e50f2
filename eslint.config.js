import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

/** A relative import that climbs out to the given folder of src/ (a package like @mantine/core never matches). */
const upTo = (folder) => `^(\\.\\./)+${folder}(/|$)`;

/**
 * Which layer may import which: each folder of src/ runs in one process, and an import across a
 * forbidden boundary would pull the wrong code into it (the core into the window's bundle, the
 * window into main). The tsconfig files split the same way: the window sees the DOM, not Node.
 */
const layer = {
  core: {
    regex: upTo('core'),
    message:
      'Only the Node side (main, cli, dev-server) uses the core; the window reaches it through the contract in shared/.',
  },
  main: {
    regex: upTo('main'),
    message: 'Electron main is an entry point: nothing imports it.',
  },
  preload: {
    regex: upTo('preload'),
    message: 'The preload is an entry point: nothing imports it.',
  },
  renderer: {
    regex: upTo('renderer'),
    message: 'The window is its own bundle: what both sides need lives in shared/.',
  },
  cli: {
    regex: upTo('cli'),
    message: 'The command line is an entry point of its own.',
  },
  devServer: {
    regex: upTo('dev-server'),
    message: 'The dev server is an entry point of its own.',
  },
  network: {
    regex: upTo('network'),
    message:
      'The network host and its client run on the Node side only (main, cli): the core never knows how it is reached.',
  },
  electron: {
    group: ['electron', 'electron-updater'],
    message: 'Only main and preload run inside Electron.',
  },
  ui: {
    group: ['react', 'react-dom', 'react-dom/*', '@mantine/*', 'i18next', 'react-i18next'],
    message: 'Only the window draws.',
  },
  node: { group: ['node:*'], message: 'The window and the contract run without Node.' },
};

/** Forbids imports of the given layers in the given files. */
function boundary(files, ...forbidden) {
  return { files, rules: { 'no-restricted-imports': ['error', { patterns: forbidden }] } };
}

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'release', 'demo-output', 'coverage', 'tests/e2e/screenshots'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  boundary(
    ['src/shared/**'],
    layer.core,
    layer.main,
    layer.preload,
    layer.renderer,
    layer.cli,
    layer.devServer,
    layer.network,
    layer.electron,
    layer.ui,
    layer.node,
  ),
  boundary(
    ['src/core/**'],
    layer.network,
    layer.main,
    layer.preload,
    layer.renderer,
    layer.cli,
    layer.devServer,
    layer.electron,
    layer.ui,
  ),
  boundary(['src/main/**'], layer.renderer, layer.preload, layer.cli, layer.devServer, layer.ui),
  boundary(
    ['src/preload/**'],
    layer.core,
    layer.main,
    layer.renderer,
    layer.cli,
    layer.devServer,
    layer.ui,
    layer.node,
  ),
  boundary(
    ['src/renderer/**'],
    layer.network,
    layer.core,
    layer.main,
    layer.preload,
    layer.cli,
    layer.devServer,
    layer.electron,
    layer.node,
  ),
  boundary(
    ['src/network/**'],
    layer.main,
    layer.preload,
    layer.renderer,
    layer.cli,
    layer.electron,
    layer.ui,
  ),
  boundary(
    ['src/cli/**', 'src/dev-server/**'],
    layer.main,
    layer.preload,
    layer.renderer,
    layer.electron,
    layer.ui,
  ),
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked },
  prettier,
);
