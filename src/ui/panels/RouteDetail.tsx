import { useMemo } from 'preact/hooks';
import { nameIn } from '../../domain/names';
import type { Network } from '../../domain/network';
import type { Leg, SurfaceLeg, TripDetail } from '../../workers/protocol';
import { t } from '../i18n';
import { destinationZone, lang, network, scenarioNetwork, selectedZone, trips } from '../state/store';

const min = (s: number) => `${(s / 60).toFixed(1)} min`;

const km = (m: number) => `${(m / 1000).toFixed(1)} km`;

/** "Bus 6.2 km · walk 4.4 min · wait 5.0 min · 24.3 min on board = 33.7 min"; "Bike 2.1 km · 11.2 min". */
function SurfaceLegText({ leg, from, to }: { leg: SurfaceLeg; from: string; to: string }) {
  const head = `${leg.feeder ? `${t('route.feeder')} ${leg.feeder}` : t(`route.${leg.kind}`)} ${km(leg.meters)}: ${from} → ${to}`;
  if (leg.kind !== 'bus') return <>{`${head} · ${min(leg.seconds)}`}</>;
  return (
    <>{`${head} · ${t('route.walk').toLowerCase()} ${min(leg.walkSeconds)} · ${t('route.wait')} ${min(leg.waitSeconds)} · ${t('route.onBoard')} ${min(leg.busSeconds)} = ${min(leg.seconds)}`}</>
  );
}

function LegText({ leg, n }: { leg: Leg; n: Network }) {
  const station = (id: string) => {
    const s = n.stations.find((x) => x.id === id);
    return s ? nameIn(s.name, lang.value) : id;
  };
  const zone = (id: string) => {
    const z = n.zones.find((x) => x.id === id);
    return z?.name ? nameIn(z.name, lang.value) : `${t('tooltip.zone')} ${id}`;
  };
  const place = (p: { zone: string } | { station: string }) =>
    'zone' in p ? zone(p.zone) : station(p.station);
  switch (leg.kind) {
    case 'walk':
    case 'bike':
    case 'bus':
      return <SurfaceLegText leg={leg} from={place(leg.from)} to={place(leg.to)} />;
    case 'enter':
      return <>{`${t('route.enter')} ${station(leg.station)} · ${min(leg.seconds)}`}</>;
    case 'exit':
      return <>{`${t('route.exit')} ${station(leg.station)} · ${min(leg.seconds)}`}</>;
    case 'transfer':
      return (
        <>{`${t('route.change')} ${station(leg.from)}${leg.to !== leg.from ? ` → ${station(leg.to)}` : ''} · ${min(leg.walkSeconds)}${leg.processingSeconds ? ` + ${t('route.security')} ${min(leg.processingSeconds)}` : ''}`}</>
      );
    case 'ride': {
      const line = n.lines.find((l) => l.id === leg.line);
      return (
        <>
          <span class="line-chip" style={{ background: line?.color ?? '#333' }} aria-hidden="true" />
          {`${t('route.ride')} ${line ? nameIn(line.name, lang.value) : leg.line}${leg.towards ? ` ${t('route.towards')} ${station(leg.towards)}` : ''}: ${station(leg.from)} → ${station(leg.to)}, ${leg.stops} ${t('route.stops')} · ${t('route.wait')} ${min(leg.waitSeconds)} (${t('route.every')} ${min(leg.headwaySeconds)}) · ${min(leg.rideSeconds)}`}
        </>
      );
    }
  }
}

function TripView({ trip, title, n }: { trip: TripDetail | null | undefined; title: string; n: Network }) {
  return (
    <div class="trip" data-testid={`trip-${title}`}>
      <h3>{title}</h3>
      {!trip ? (
        <p>{t('route.noPath')}</p>
      ) : (
        <>
          <p class="total" data-minutes={(trip.time / 60).toFixed(2)}>
            <strong>
              {t('route.total')} {min(trip.time)}
            </strong>{' '}
            <span class="parts">
              {t('route.parts', {
                mode: t(`mode.${trip.mode}`),
                walk: min(trip.walk),
                bike: min(trip.bike),
                bus: min(trip.bus),
                wait: min(trip.wait),
                ride: min(trip.ride),
                transfer: min(trip.transfer),
                processing: min(trip.processing),
                boardings: trip.boardings,
              })}
            </span>
          </p>
          <ol class="legs">
            {trip.legs.map((leg, k) => (
              <li key={`${k}-${leg.kind}`} class={`leg ${leg.kind}`}>
                <LegText leg={leg} n={n} />
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}

function ZonePicker({
  label,
  value,
  onChange,
  testid,
}: {
  label: string;
  value: number | null;
  onChange: (z: number | null) => void;
  testid: string;
}) {
  const n = network.value?.network;
  if (!n) return null;
  return (
    <label class="field">
      <span>{label}</span>
      <input
        list="zone-ids"
        data-testid={testid}
        value={value === null ? '' : n.zones[value]!.id}
        placeholder={t('zone.none')}
        onChange={(e) => {
          const id = (e.target as HTMLInputElement).value.trim();
          const z = n.zones.findIndex((x) => x.id === id);
          onChange(z >= 0 ? z : null);
        }}
      />
    </label>
  );
}

/**
 * Zone ids to pick from by keyboard. Its own component reading only the network and language, so a zone
 * selection does not re-render thousands of options.
 */
function ZoneList() {
  const n = network.value?.network;
  const language = lang.value;
  return useMemo(
    () => (
      <datalist id="zone-ids">
        {n?.zones.map((z) => (
          <option key={z.id} value={z.id} label={z.name ? nameIn(z.name, language) : undefined} />
        ))}
      </datalist>
    ),
    [n, language],
  );
}

/** Origin and destination (also by keyboard), and both routes as legs with times. */
export function RouteDetail() {
  const n = network.value?.network;
  if (!n) return null;
  const tr = trips.value;
  const after = scenarioNetwork.value?.network ?? n;
  return (
    <section class="panel route" aria-label={t('route.title')} data-testid="route-detail">
      <h2>{t('route.title')}</h2>
      <p class="note">{t('route.hint')}</p>
      <ZoneList />
      <ZonePicker
        label={t('route.origin')}
        value={selectedZone.value}
        onChange={(z) => (selectedZone.value = z)}
        testid="origin-input"
      />
      <ZonePicker
        label={t('route.destination')}
        value={destinationZone.value}
        onChange={(z) => (destinationZone.value = z)}
        testid="destination-input"
      />
      {(selectedZone.value !== null || destinationZone.value !== null) && (
        <button
          type="button"
          onClick={() => {
            selectedZone.value = null;
            destinationZone.value = null;
          }}
        >
          {t('route.clear')}
        </button>
      )}
      {tr && <TripView trip={tr.baseline} title={t('route.before')} n={n} />}
      {tr && 'scenario' in tr && <TripView trip={tr.scenario} title={t('route.after')} n={after} />}
    </section>
  );
}
