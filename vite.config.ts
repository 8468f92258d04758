import { defineConfig } from 'vite';

export default defineConfig({
  // MapLibre ships its own worker; pre-bundling it breaks that worker in dev.
  optimizeDeps: { exclude: ['maplibre-gl'] },
  worker: { format: 'es' },
  server: { port: 5173, strictPort: false },
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 2000 },
});
