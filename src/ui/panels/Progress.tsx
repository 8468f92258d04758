import { t } from '../i18n';
import { ridershipFolded, ridershipOpen } from '../ridership/state';
import { progress } from '../state/store';

/**
 * Shown while results are computed: how far, and a way to stop. Over the map, or — while the Ridership view
 * is open over the map — at the top of that view (`inPanel`), above its own progress, not on its header.
 */
export function Progress({ inPanel = false }: { inPanel?: boolean }) {
  const p = progress.value;
  if (!p) return null;
  if (inPanel !== (ridershipOpen.value && !ridershipFolded.value)) return null;
  const pct = p.total > 0 ? Math.floor((100 * p.done) / p.total) : 0;
  return (
    <div
      class={`progress${inPanel ? ' in-panel' : ''}`}
      role="status"
      aria-live="polite"
      data-testid="progress"
    >
      <span>{p.label ?? t('progress.computing')}</span>
      <progress max={100} value={pct} aria-label={t('progress.computing')} />
      <span>{pct} %</span>
      <button type="button" onClick={p.cancel}>
        {t('progress.cancel')}
      </button>
    </div>
  );
}
