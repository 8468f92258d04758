import { nameIn } from '../../domain/names';
import type { SetTransfer } from '../../domain/scenario';
import type { TransferPlace, TransferSide } from '../../domain/transfer';
import { t } from '../i18n';
import { lang } from '../state/store';
import { type EditorProps, updater, useMapTool } from './editorProps';
import {
  FieldIssues,
  Hint,
  LayerSelect,
  LineSelect,
  OptionalMinutesField,
  Segmented,
  StationSelect,
} from './fields';
import { stationPoints } from './overlay';
import {
  type PlaceKind,
  pickStation,
  placeKind,
  withPlace,
  withPlaceKind,
  withProcessingMinutes,
  withSide,
  withWalkMinutes,
} from './setTransfer';

type SideKind = 'any' | 'layer' | 'line';
const sideKind = (s: TransferSide | undefined): SideKind =>
  s === undefined ? 'any' : 'layer' in s ? 'layer' : 'line';

function SideField(props: EditorProps<SetTransfer> & { which: 'from' | 'to' }) {
  const update = updater<SetTransfer>(props.modKey);
  const side = props.mod[props.which];
  const kind = sideKind(side);
  const firstLine = props.network.lines[0]?.id ?? '';
  return (
    <fieldset class="side" data-testid={`transfer-${props.which}`}>
      <legend>{t(`ed.transfer.${props.which}`)}</legend>
      <select
        value={kind}
        aria-label={t(`ed.transfer.${props.which}`)}
        data-testid={`transfer-${props.which}-kind`}
        onChange={(e) => {
          const k = (e.target as HTMLSelectElement).value as SideKind;
          const next: TransferSide | undefined =
            k === 'any' ? undefined : k === 'layer' ? { layer: 'trunk' } : { line: firstLine };
          update((m) => withSide(m, props.which, next));
        }}
      >
        <option value="any">{t('ed.transfer.any')}</option>
        <option value="layer">{t('ed.layer')}</option>
        <option value="line">{t('ed.line')}</option>
      </select>
      {side && 'layer' in side && (
        <LayerSelect
          label={t('ed.layer')}
          visibleLabel={false}
          value={side.layer}
          testid={`transfer-${props.which}-layer`}
          onChange={(layer) => update((m) => withSide(m, props.which, { layer }))}
        />
      )}
      {side && 'line' in side && (
        <LineSelect
          label={t('ed.line')}
          lines={props.network.lines}
          value={side.line}
          testid={`transfer-${props.which}-line`}
          onChange={(id) => update((m) => withSide(m, props.which, { line: id }))}
        />
      )}
      <FieldIssues issues={props.issues} field={`.${props.which}`} />
    </fieldset>
  );
}

function placeStations(props: EditorProps<SetTransfer>): string[] {
  const at = props.mod.at;
  if ('station' in at) return [at.station];
  if ('stations' in at) return [...at.stations];
  return props.network.hubs.find((h) => h.id === at.hub)?.stations ?? [];
}

/** Walk and/or processing time of changes at a station, a station pair or a hub: e.g. security mutual recognition. */
export function SetTransferEditor(props: EditorProps<SetTransfer>) {
  const { mod, modKey, network, issues } = props;
  const update = updater<SetTransfer>(modKey);
  const kind = placeKind(mod.at);
  useMapTool({
    lines: [],
    points: stationPoints(network, placeStations(props), 'picked'),
    stations: network.stations,
    onClick: ({ station }) => station && update((m) => pickStation(m, station.id, network)),
  });
  const setAt = (at: TransferPlace) => update((m) => withPlace(m, at));
  return (
    <div class="mod-editor" data-testid="editor-set-transfer">
      <Hint>{t('ed.setTransfer.hint')}</Hint>
      <Segmented
        legend={t('ed.where')}
        name="transfer-place"
        options={['station', 'stations', 'hub'] as PlaceKind[]}
        value={kind}
        label={(k) => t(`ed.place.${k}`)}
        disabled={(k) => k !== 'station' && network.hubs.length === 0}
        onChange={(k) => update((m) => withPlaceKind(m, k, network))}
      />
      {'station' in mod.at && (
        <StationSelect
          label={t('ed.station')}
          stations={network.stations}
          value={mod.at.station}
          testid="transfer-station"
          onChange={(id) => setAt({ station: id })}
          issues={issues}
          field=".at"
        />
      )}
      {'stations' in mod.at && (
        <div class="row">
          <StationSelect
            label={t('ed.from')}
            stations={network.stations}
            value={mod.at.stations[0]}
            testid="transfer-station-a"
            onChange={(id) => 'stations' in mod.at && setAt({ stations: [id, mod.at.stations[1]] })}
          />
          <StationSelect
            label={t('ed.to')}
            stations={network.stations}
            value={mod.at.stations[1]}
            testid="transfer-station-b"
            onChange={(id) => 'stations' in mod.at && setAt({ stations: [mod.at.stations[0], id] })}
          />
        </div>
      )}
      {'hub' in mod.at && (
        <label class="field">
          <span>{t('ed.hub')}</span>
          <select
            value={mod.at.hub}
            data-testid="transfer-hub"
            onChange={(e) => setAt({ hub: (e.target as HTMLSelectElement).value })}
          >
            {network.hubs.map((h) => (
              <option key={h.id} value={h.id}>
                {nameIn(h.name, lang.value)} ({h.id})
              </option>
            ))}
          </select>
        </label>
      )}
      {!('station' in mod.at) && <FieldIssues issues={issues} field=".at" />}
      <div class="row">
        <SideField {...props} which="from" />
        <SideField {...props} which="to" />
      </div>
      <OptionalMinutesField
        label={t('ed.walk')}
        seconds={mod.walkSeconds}
        placeholder={t('ed.unchanged')}
        testid="transfer-walk"
        onMinutes={(v, key) => update((m) => withWalkMinutes(m, v), key)}
        issues={issues}
        field=".walkSeconds"
      />
      <OptionalMinutesField
        label={t('ed.processing')}
        seconds={mod.processingSeconds}
        placeholder={t('ed.unchanged')}
        testid="transfer-processing"
        onMinutes={(v, key) => update((m) => withProcessingMinutes(m, v), key)}
        issues={issues}
        field=".processingSeconds"
      />
      <button
        type="button"
        data-testid="transfer-mutual"
        onClick={() => update((m) => withProcessingMinutes(m, 0))}
      >
        {t('ed.mutualRecognition')}
      </button>
    </div>
  );
}
