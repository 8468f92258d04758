/**
 * `npm run build:cli`: the headless commands as plain Node ES modules in dist-cli/ (simulate.mjs, merge.mjs
 * and the routing worker routing-worker.mjs), every dependency bundled in: they run with `node` alone, no
 * node_modules, no tsx (the Docker image ships just this folder and the data).
 */
import { defineConfig } from 'vite';

export default defineConfig({
  define: { __CLI_BUNDLE__: 'true' },
  ssr: { noExternal: true, target: 'node' },
  build: {
    ssr: true,
    target: 'node20',
    outDir: 'dist-cli',
    emptyOutDir: true,
    minify: false,
    sourcemap: true,
    rollupOptions: {
      input: {
        simulate: 'src/cli/simulate.ts',
        merge: 'src/cli/merge.ts',
        'routing-worker': 'src/workers/nodeRoutingWorker.ts',
      },
      output: { format: 'es', entryFileNames: '[name].mjs', chunkFileNames: 'chunks/[name]-[hash].mjs' },
    },
  },
});
