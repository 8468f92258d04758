import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { formatIssues } from '../domain/issue';
import { isLayerId, type LayerId } from '../domain/layer';
import { formatReport, type GtfsInput, type ImportOptions, importGtfs } from '../io/gtfs';
import { serializeNetwork } from '../io/network';

const USAGE = `usage: npm run import-gtfs -- <feed.zip | feed folder> --out <file.network.json> [options]

options:
  --out FILE            where to write the network (required)
  --zones FILE          zones GeoJSON (FeatureCollection with population and jobs); default a hexagonal grid
  --date YYYYMMDD       service day; default the busiest Tuesday–Thursday
  --route-type T=LAYER  map a route_type to trunk|intercity|suburban|metro|bus, or none (repeatable)
  --route ID=LAYER      map one route the same way (repeatable)
  --bus                 keep bus, trolleybus and coach routes as bus lines (default: the area-wide bus
                        of the surface modes stands for them)
  --id ID  --name NAME  network id and name
  --hex-spacing METRES  distance between hexagonal zone centres
  --same-name-hubs M    group stations of the same name within M metres into hubs (feeds without transfers.txt)
  --lenient             import what can be read even when rows have errors
  --quiet               print only problems`;

interface Args {
  feed: string;
  out: string;
  options: ImportOptions;
  zonesFile?: string;
  quiet: boolean;
}

/** Command line → arguments, or a message saying what is wrong. */
export function parseArgs(argv: readonly string[]): Args | string {
  const options: ImportOptions = {};
  let feed: string | undefined;
  let out: string | undefined;
  let zonesFile: string | undefined;
  let quiet = false;
  const layerOf = (text: string): { layer: LayerId | null } | { problem: string } => {
    if (text === 'none' || text === 'null') return { layer: null };
    return isLayerId(text)
      ? { layer: text }
      : { problem: `"${text}" is not a layer (trunk, intercity, suburban, metro, bus or none)` };
  };
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k]!;
    const value = () => {
      const v = argv[++k];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    try {
      if (a === '--out') out = value();
      else if (a === '--zones') zonesFile = value();
      else if (a === '--date') options.date = value();
      else if (a === '--id') options.id = value();
      else if (a === '--name') options.name = value();
      else if (a === '--hex-spacing') options.hexSpacingMeters = Number(value());
      else if (a === '--same-name-hubs') options.sameNameHubMeters = Number(value());
      else if (a === '--lenient') options.lenient = true;
      else if (a === '--bus') options.keepBuses = true;
      else if (a === '--quiet') quiet = true;
      else if (a === '--route-type' || a === '--route') {
        const [key, layerText] = value().split('=');
        const parsed = layerOf(layerText ?? '');
        if ('problem' in parsed) return `${a}: ${parsed.problem}`;
        const layer = parsed.layer;
        if (a === '--route') options.routes = { ...options.routes, [key!]: layer };
        else {
          const type = Number(key);
          if (!Number.isInteger(type)) return `${a}: "${key}" is not a route_type number`;
          options.routeTypes = { ...options.routeTypes, [type]: layer };
        }
      } else if (a.startsWith('--')) return `unknown option ${a}`;
      else if (feed === undefined) feed = a;
      else return `unexpected argument "${a}"`;
    } catch (e) {
      return (e as Error).message;
    }
  }
  if (!feed) return 'give the feed: a .zip or a folder of .txt files';
  if (!out) return 'give --out <file.network.json>';
  if (options.hexSpacingMeters !== undefined && !(options.hexSpacingMeters > 0))
    return '--hex-spacing must be a positive number of metres';
  return { feed, out, options, ...(zonesFile !== undefined && { zonesFile }), quiet };
}

/** A zip's bytes, or a folder's `.txt` files. */
async function readFeed(path: string): Promise<GtfsInput> {
  if ((await stat(path)).isDirectory()) {
    const names = (await readdir(path)).filter((n) => n.toLowerCase().endsWith('.txt')).sort();
    const files: Record<string, Uint8Array> = {};
    for (const n of names) files[n] = new Uint8Array(await readFile(join(path, n)));
    return { files };
  }
  return { zip: new Uint8Array(await readFile(path)) };
}

async function main(argv: readonly string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    console.error(`${args}\n\n${USAGE}`);
    return 2;
  }
  let input: GtfsInput;
  try {
    input = await readFeed(args.feed);
    if (args.zonesFile)
      args.options.zones = { file: basename(args.zonesFile), text: await readFile(args.zonesFile, 'utf8') };
  } catch (e) {
    console.error(`cannot read ${(e as NodeJS.ErrnoException).path ?? args.feed}: ${(e as Error).message}`);
    return 2;
  }
  const result = await importGtfs(input, { ...args.options, feedName: basename(args.feed) });
  if (!args.quiet || !result.ok) console.log(formatReport(result.report));
  if (!result.ok) {
    console.error(
      `\n${basename(args.feed)}: not imported, ${result.issues.length} problem${result.issues.length === 1 ? '' : 's'}:`,
    );
    console.error(formatIssues(result.issues));
    return 1;
  }
  await writeFile(args.out, serializeNetwork(result.network));
  console.log(`\nwrote ${args.out}`);
  return 0;
}

const isMain = process.argv[1] !== undefined && import.meta.url.endsWith(basename(process.argv[1]));
if (isMain) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
