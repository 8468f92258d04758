import { useRef } from 'preact/hooks';
import type { AddFeeder } from '../../domain/scenario';
import { t } from '../i18n';
import { catchment, radiusTo, withHeadwayMinutes, withRadius, withSpeed, withStation } from './addFeeder';
import { type EditorProps, newGestureKey, updater, useMapTool } from './editorProps';
import { HeadwaysField, Hint, NumberField, StationSelect } from './fields';
import { coordLookup } from './lineDefaults';
import { stationPoints } from './overlay';
import { beginGesture, endGesture } from './session';

const FEEDER_COLOR = '#0b7a75';

/**
 * A feeder bus to a station: click a station to serve, drag the handle on the circle to set the catchment,
 * then headways and speed. Zones inside the circle get a bus leg to and from the station.
 */
export function AddFeederEditor({ mod, modKey, network, issues }: EditorProps<AddFeeder>) {
  const update = updater<AddFeeder>(modKey);
  const at = coordLookup(network.stations)(mod.station);
  const circle = at ? catchment(at, mod.radiusMeters) : undefined;
  const drag = useRef('');
  useMapTool({
    lines: circle ? [{ coords: circle.ring, color: FEEDER_COLOR, width: 3 }] : [],
    points: [
      ...stationPoints(network, [mod.station], 'picked'),
      ...(circle ? [{ coord: circle.handle, role: 'end' as const, handle: 0, draggable: true }] : []),
    ],
    stations: network.stations,
    onClick: ({ station }) => station && update((m) => withStation(m, station.id)),
    onDragStart: () => {
      drag.current = newGestureKey();
      beginGesture();
    },
    onDrag: (_handle, coord) => at && update((m) => radiusTo(m, at, coord), drag.current),
    onDragEnd: endGesture,
  });
  return (
    <div class="mod-editor" data-testid="editor-add-feeder">
      <Hint>{t('ed.addFeeder.hint')}</Hint>
      <StationSelect
        label={t('ed.station')}
        stations={network.stations}
        value={mod.station}
        testid="feeder-station"
        onChange={(id) => update((m) => withStation(m, id))}
        issues={issues}
        field=".station"
      />
      <NumberField
        label={t('ed.feederRadius')}
        value={mod.radiusMeters / 1000}
        unit="km"
        min={0.1}
        max={30}
        step={0.1}
        testid="feeder-radius"
        onValue={(v, key) => v !== null && update((m) => withRadius(m, v * 1000), key)}
        issues={issues}
        field=".radiusMeters"
      />
      <HeadwaysField
        periods={network.periods}
        headways={mod.headways}
        issues={issues}
        field=".headways"
        testid="feeder-headways"
        onChange={(period, minutes, key) => update((m) => withHeadwayMinutes(m, period, minutes), key)}
      />
      <NumberField
        label={t('ed.feederSpeed')}
        value={mod.speedKmh}
        unit="km/h"
        min={1}
        max={120}
        step={1}
        testid="feeder-speed"
        onValue={(v, key) => v !== null && update((m) => withSpeed(m, v), key)}
        issues={issues}
        field=".speedKmh"
      />
    </div>
  );
}
