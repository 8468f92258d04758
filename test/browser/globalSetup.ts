import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type PreviewServer, preview } from 'vite';
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

/**
 * The tests drive the production build (what `npm run build` ships), served by `vite preview`: built once
 * in a few seconds, it loads much faster per page than the dev server's on-demand transforms.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  ensureChromium();
  const configFile = new URL('../../vite.config.ts', import.meta.url).pathname;
  const outDir = mkdtempSync(join(tmpdir(), 'commuteshed-build-'));
  await build({ configFile, logLevel: 'warn', build: { outDir, emptyOutDir: true, sourcemap: true } });
  const server: PreviewServer = await preview({
    configFile,
    logLevel: 'warn',
    build: { outDir },
    preview: { port: 0, host: '127.0.0.1' },
  });
  const address = server.resolvedUrls?.local[0];
  if (!address) throw new Error('vite preview did not report its address');
  project.provide('baseUrl', address);
  return async () => {
    await server.close();
    rmSync(outDir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
