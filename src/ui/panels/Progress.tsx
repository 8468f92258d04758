import { t } from '../i18n';
import { progress } from '../state/store';

/** Shown while results are computed: how far, and a way to stop. */
export function Progress() {
  const p = progress.value;
  if (!p) return null;
  const pct = p.total > 0 ? Math.floor((100 * p.done) / p.total) : 0;
  return (
    <div class="progress" role="status" aria-live="polite" data-testid="progress">
      <span>{p.label ?? t('progress.computing')}</span>
      <progress max={100} value={pct} aria-label={t('progress.computing')} />
      <span>{pct} %</span>
      <button type="button" onClick={p.cancel}>
        {t('progress.cancel')}
      </button>
    </div>
  );
}
