import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type ViteDevServer } from 'vite';
import type { TestProject } from 'vitest/node';

export const CHROMIUM = '/usr/bin/chromium';

/**
 * Browser tests need the system Chromium. On a fresh Debian/Ubuntu machine run as root (CI, containers)
 * it is installed here; elsewhere the message says how.
 */
function ensureChromium(): void {
  if (existsSync(CHROMIUM)) return;
  const root = process.getuid?.() === 0;
  if (!root || !existsSync('/usr/bin/apt-get')) {
    throw new Error(
      `Browser tests need Chromium at ${CHROMIUM}: install it with "sudo apt-get install -y chromium fonts-noto-cjk".`,
    );
  }
  console.log('installing chromium and fonts-noto-cjk for the browser tests (apt-get)…');
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-noto-cjk'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

let server: ViteDevServer | undefined;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  ensureChromium();
  server = await createServer({
    configFile: new URL('../../vite.config.ts', import.meta.url).pathname,
    server: { port: 0, host: '127.0.0.1' },
    logLevel: 'warn',
  });
  await server.listen();
  const address = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${server.config.server.port}/`;
  project.provide('baseUrl', address);
  return async () => {
    await server?.close();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
