import type { StyleSpecification } from 'maplibre-gl';
import { t } from '../i18n';
import { basemapUrl, report } from '../state/store';
import { offlineStyle } from './style';

const BASEMAP_KEY = 'commuteshed.basemap';
/** A style that has not loaded by then is given up (a URL that never answers must not blank the map). */
export const BASEMAP_TIMEOUT_MS = 15_000;

export function restoreBasemap(): void {
  basemapUrl.value = localStorage.getItem(BASEMAP_KEY) ?? '';
}

/** The style a map starts with or switches to: the basemap URL, or the offline style. */
export function styleFor(url: string): string | StyleSpecification {
  return url || offlineStyle();
}

/** The basemap loaded: kept for the next visit (only a style that loaded is ever saved). */
export function basemapLoaded(url: string): void {
  if (url) localStorage.setItem(BASEMAP_KEY, url);
  else localStorage.removeItem(BASEMAP_KEY);
}

/**
 * The basemap did not load (unreachable, not a style, too slow): say so, forget it, and fall back to the
 * offline map, which needs nothing from the network.
 */
export function basemapFailed(url: string, reason: string): void {
  if (basemapUrl.peek() !== url) return;
  localStorage.removeItem(BASEMAP_KEY);
  report({ level: 'error', title: t('basemap.failed'), detail: `${url}\n${reason}` });
  basemapUrl.value = '';
}
