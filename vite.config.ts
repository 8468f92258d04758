import { defineConfig, type Plugin } from 'vite';

/** Whether a browser window can be opened here (a desktop, or a Linux session with a display). */
const hasDisplay =
  process.platform === 'darwin' ||
  process.platform === 'win32' ||
  Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

/**
 * `npm start` opens the app in a browser where there is one; on a machine without a display (a server,
 * a container) it says where the app is and how to reach it from elsewhere, after Vite's address lines.
 */
function whereTheAppIs(): Plugin {
  return {
    name: 'commuteshed-where',
    configureServer(server) {
      if (hasDisplay) return;
      server.httpServer?.once('listening', () =>
        setTimeout(() => {
          const local = server.resolvedUrls?.local[0] ?? 'http://localhost:5173/';
          const network = server.resolvedUrls?.network[0];
          server.config.logger.info(
            `\n  No display here, so no browser was opened. Commuteshed is at ${local}` +
              (network
                ? ` (from another machine: ${network})`
                : '\n  From another machine: npm start -- --host, then open the Network address it prints.'),
          );
        }, 50),
      );
    },
  };
}

export default defineConfig({
  plugins: [whereTheAppIs()],
  // MapLibre ships its own worker; pre-bundling it breaks that worker in dev.
  optimizeDeps: { exclude: ['maplibre-gl'] },
  worker: { format: 'es' },
  server: { port: 5173, strictPort: false, open: hasDisplay },
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 2000 },
});
