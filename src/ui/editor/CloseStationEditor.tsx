import type { CloseStation } from '../../domain/scenario';
import { t } from '../i18n';
import { withStation } from './closeStation';
import { type EditorProps, updater, useMapTool } from './editorProps';
import { Hint, StationSelect } from './fields';
import { stationPoints } from './overlay';

/** A station closed: trains pass it, riders cannot use it. Closures apply first: the network's own stations. */
export function CloseStationEditor({ mod, modKey, base, issues }: EditorProps<CloseStation>) {
  const update = updater<CloseStation>(modKey);
  useMapTool({
    lines: [],
    points: stationPoints(base, [mod.station], 'closed'),
    stations: base.stations,
    onClick: ({ station }) => station && update((m) => withStation(m, station.id)),
  });
  return (
    <div class="mod-editor" data-testid="editor-close-station">
      <Hint>{t('ed.pickStation.hint')}</Hint>
      <StationSelect
        label={t('ed.station')}
        stations={base.stations}
        value={mod.station}
        testid="close-station"
        onChange={(id) => update((m) => withStation(m, id))}
        issues={issues}
        field=".station"
      />
    </div>
  );
}
