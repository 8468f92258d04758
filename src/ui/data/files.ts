import { zonesFileOf } from '../../io/network';
import { decodeUtf8 } from '../../io/text';
import { t } from '../i18n';
import { report } from '../state/store';
import { reportFailure, reportProblems } from './failure';
import { importGtfsFiles } from './gtfs';
import { openBoundaries, openNetwork, openScenario } from './load';

type Kind = 'network' | 'zones' | 'boundaries' | 'scenario' | 'gtfs' | 'unknown';

/** What a file is, from its name or, failing that, its `format` field. */
export function kindOf(name: string, head: string): Kind {
  if (/\.network\.json$/i.test(name)) return 'network';
  if (/\.boundaries\.geo(json)?$/i.test(name) || head.includes('"commuteshed.boundaries/'))
    return 'boundaries';
  if (/\.zones\.geo(json)?$/i.test(name)) return 'zones';
  if (/\.scenario\.json$/i.test(name)) return 'scenario';
  if (/\.zip$/i.test(name) || /\.txt$/i.test(name)) return 'gtfs';
  if (head.includes('"commuteshed.network/')) return 'network';
  if (head.includes('"commuteshed.scenario/')) return 'scenario';
  if (head.includes('"FeatureCollection"')) return 'zones';
  return 'unknown';
}

/** A picked file as text (UTF-8 checked; GTFS files are read by the importer), or undefined once reported. */
async function readPicked(file: File): Promise<{ file: File; text: string; kind: Kind } | undefined> {
  if (/\.(zip|txt)$/i.test(file.name)) return { file, text: '', kind: 'gtfs' };
  const decoded = decodeUtf8(new Uint8Array(await file.arrayBuffer()));
  if (!decoded.ok) {
    reportProblems(file.name, decoded.issues);
    return undefined;
  }
  return { file, text: decoded.text, kind: kindOf(file.name, decoded.text.slice(0, 400)) };
}

/** Runs one step of opening `name`; whatever it throws becomes a message naming the file. */
async function step(name: string, f: () => Promise<unknown>): Promise<void> {
  try {
    await f();
  } catch (e) {
    reportFailure(name, e);
  }
}

/**
 * Open files the planner picked or dropped: a network (with its zones file), scenarios, or a GTFS feed.
 * Networks first, so scenarios dropped with them are checked against the new network. Nothing replaces
 * the current view unless it loads without problems, and every failure is a message naming its file.
 */
export async function openFiles(files: File[]): Promise<void> {
  const read: { file: File; text: string; kind: Kind }[] = [];
  for (const file of files) {
    await step(file.name, async () => {
      const r = await readPicked(file);
      if (r) read.push(r);
    });
  }
  const zones = read.filter((r) => r.kind === 'zones');
  const areas = read.filter((r) => r.kind === 'boundaries');
  const networks = read.filter((x) => x.kind === 'network');
  for (const r of networks) {
    const named = zonesFileOf(r.text);
    const z = zones.find((x) => x.file.name === named) ?? (zones.length === 1 ? zones[0] : undefined);
    // Its boundaries: `<id>.boundaries.geojson` beside `<id>.network.json`, or the only one given.
    const stem = r.file.name.replace(/\.network\.json$/i, '');
    const b =
      areas.find((x) => x.file.name.replace(/\.boundaries\.geo(json)?$/i, '') === stem) ??
      (areas.length === 1 && networks.length === 1 ? areas[0] : undefined);
    await step(r.file.name, () =>
      openNetwork(
        { file: r.file.name, text: r.text, ...(z && { zones: { file: z.file.name, text: z.text } }) },
        r.file.name,
        b && { file: b.file.name, text: b.text },
        true,
      ),
    );
  }
  // Boundaries opened without a network: for the current one.
  if (networks.length === 0)
    for (const b of areas) await step(b.file.name, () => openBoundaries({ file: b.file.name, text: b.text }));
  for (const r of read.filter((x) => x.kind === 'scenario'))
    await step(r.file.name, () => openScenario(r.file.name, r.text));
  // A GTFS feed: one .zip, or the .txt files of a feed folder.
  const feed = read.filter((x) => x.kind === 'gtfs').map((x) => x.file);
  if (feed.length > 0) await importGtfsFiles(feed);
  for (const r of read.filter((x) => x.kind === 'unknown')) {
    report({ level: 'error', title: `${t('files.errors')} ${r.file.name}`, detail: t('files.hint') });
  }
  if (zones.length > 0 && !read.some((r) => r.kind === 'network')) {
    report({
      level: 'error',
      title: `${t('files.errors')} ${zones.map((z) => z.file.name).join(', ')}`,
      detail: t('files.hint'),
    });
  }
}
