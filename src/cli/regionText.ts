import { TRIP_MODES } from '../domain/modes';
import { type LocalizedName, nameIn } from '../domain/names';
import type { Network } from '../domain/network';
import { regionZones } from '../domain/network';
import type { ZoneMetricsTable } from '../metrics/originMetrics';
import { DISTRIBUTION_MINUTES, regionFigures } from '../metrics/regions';

const pct = (part: number, whole: number) => `${whole > 0 ? ((100 * part) / whole).toFixed(1) : '0.0'} %`;
const people = (n: number) => Math.round(n).toLocaleString('en');

/**
 * Door-to-door figures of the whole network and of each of its regions, a few lines each: mean time to the
 * core (population-weighted), who has no path, how trips to the core travel, and the distribution of times.
 */
export function regionsText(network: Network, table: ZoneMetricsTable, label: string): string {
  const population = Float64Array.from(network.zones, (z) => z.population);
  const groups: { name: LocalizedName; zones: number[] }[] = [
    { name: { en: 'all zones' }, zones: network.zones.map((_, k) => k) },
    ...(network.regions ?? []).map((r) => ({ name: r.name, zones: regionZones(network, r) })),
  ];
  const bands = [
    `< ${DISTRIBUTION_MINUTES[0]}`,
    ...DISTRIBUTION_MINUTES.slice(1).map((m, k) => `${DISTRIBUTION_MINUTES[k]}–${m}`),
    `≥ ${DISTRIBUTION_MINUTES.at(-1)}`,
  ];
  return groups
    .map(({ name, zones }) => {
      const f = regionFigures(table, population, zones);
      const reached = f.population - f.withoutPath;
      const mean = f.meanTimeToCore === null ? '—' : `${(f.meanTimeToCore / 60).toFixed(1)} min`;
      return [
        `${label}, ${nameIn(name, 'en')} (${people(f.population)} people): mean time to the core ${mean}, no path ${people(f.withoutPath)}`,
        `  by ${TRIP_MODES.map((m, k) => `${m} ${pct(f.byMode[k]!, reached)}`).join(', ')}`,
        `  minutes to the core: ${bands.map((b, k) => `${b} ${pct(f.distribution[k]!, reached)}`).join(' · ')}`,
      ].join('\n');
    })
    .join('\n');
}
