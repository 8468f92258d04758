import { keepBusRoutes } from '../data/gtfs';
import { t } from '../i18n';
import './strings';

/**
 * The GTFS import's one choice the planner makes before opening a feed: keep its bus routes as a bus
 * layer. `explained`: the explanation written out (the GTFS panel); otherwise on hover (the header).
 */
export function KeepBuses({ testId, explained = false }: { testId: string; explained?: boolean }) {
  return (
    <>
      <label class="check keep-buses" title={explained ? undefined : t('gtfs.keepBusesExplain')}>
        <input
          type="checkbox"
          data-testid={testId}
          checked={keepBusRoutes.value}
          onChange={(e) => (keepBusRoutes.value = (e.target as HTMLInputElement).checked)}
        />
        {t('gtfs.keepBuses')}
      </label>
      {explained && <p class="note">{t('gtfs.keepBusesExplain')}</p>}
    </>
  );
}
