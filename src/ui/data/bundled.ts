/** Networks and scenarios shipped with the app, as asset URLs (fetched when chosen, not bundled into code). */
const networkUrls = import.meta.glob('/networks/*.network.json', {
  query: '?url',
  import: 'default',
  eager: true,
}) as Record<string, string>;
const zonesUrls = import.meta.glob('/networks/*.zones.geojson', {
  query: '?url',
  import: 'default',
  eager: true,
}) as Record<string, string>;
const boundariesUrls = import.meta.glob('/networks/*.boundaries.geojson', {
  query: '?url',
  import: 'default',
  eager: true,
}) as Record<string, string>;
const scenarioUrls = import.meta.glob('/scenarios/*.scenario.json', {
  query: '?url',
  import: 'default',
  eager: true,
}) as Record<string, string>;

const base = (path: string) => path.split('/').pop()!;

export interface BundledNetwork {
  id: string;
  file: string;
  url: string;
  zones?: { file: string; url: string };
  /** Its districts and subdistricts (`<id>.boundaries.geojson`), when there is one. */
  boundaries?: { file: string; url: string };
}

export const bundledNetworks: BundledNetwork[] = Object.entries(networkUrls)
  .map(([path, url]) => {
    const file = base(path);
    const id = file.replace(/\.network\.json$/, '');
    const zonesPath = `/networks/${id}.zones.geojson`;
    const entry: BundledNetwork = { id, file, url };
    if (zonesUrls[zonesPath]) entry.zones = { file: base(zonesPath), url: zonesUrls[zonesPath]! };
    const boundariesPath = `/networks/${id}.boundaries.geojson`;
    if (boundariesUrls[boundariesPath])
      entry.boundaries = { file: base(boundariesPath), url: boundariesUrls[boundariesPath]! };
    return entry;
  })
  .sort((a, b) => a.id.localeCompare(b.id));

export const bundledScenarios: { file: string; url: string }[] = Object.entries(scenarioUrls)
  .map(([path, url]) => ({ file: base(path), url }))
  .sort((a, b) => a.file.localeCompare(b.file));

/** The network a new visitor sees: the Beijing–Tianjin–Hebei network when it is bundled. */
export const DEFAULT_NETWORK = bundledNetworks.some((n) => n.id === 'jjj')
  ? 'jjj'
  : (bundledNetworks[0]?.id ?? '');
