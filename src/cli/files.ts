import { access, readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Network } from '../domain/network';
import type { Scenario } from '../domain/scenario';
import { type Boundaries, loadBoundaries } from '../io/boundaries';
import { loadNetwork } from '../io/network';
import { failed, type LoadResult } from '../io/result';
import { loadScenarioFor } from '../io/scenario';

async function readText(file: string): Promise<string | Error> {
  try {
    return await readFile(file, 'utf8');
  } catch (e) {
    return e instanceof Error ? e : new Error(String(e));
  }
}

/** A network file and, when it names one, its sibling zones file. */
export async function readNetwork(file: string): Promise<LoadResult<Network>> {
  const text = await readText(file);
  if (text instanceof Error)
    return failed(file, [{ path: '$', message: `cannot read the file: ${text.message}` }]);
  const zonesName = /"zonesFile"\s*:\s*"([^"]+)"/.exec(text)?.[1];
  if (!zonesName) return loadNetwork({ file, text });
  const zonesFile = join(dirname(file), basename(zonesName));
  const zonesText = await readText(zonesFile);
  if (zonesText instanceof Error)
    return failed(zonesFile, [{ path: '$', message: `cannot read the zones file: ${zonesText.message}` }]);
  return loadNetwork({ file, text, zones: { file: zonesFile, text: zonesText } });
}

/** A scenario file, checked in full against the network it will be applied to. */
export async function readScenario(file: string, network: Network): Promise<LoadResult<Scenario>> {
  const text = await readText(file);
  if (text instanceof Error)
    return failed(file, [{ path: '$', message: `cannot read the file: ${text.message}` }]);
  return loadScenarioFor(network, file, text);
}

/** `<id>.boundaries.geojson` beside `<id>.network.json`, where there is one. */
export async function siblingBoundaries(networkFile: string): Promise<string | undefined> {
  const file = networkFile.replace(/\.network\.json$/i, '.boundaries.geojson');
  if (file === networkFile) return undefined;
  try {
    await access(file);
    return file;
  } catch {
    return undefined;
  }
}

/** A boundaries file (districts, subdistricts and their zones), checked against the network. */
export async function readBoundaries(file: string, network: Network): Promise<LoadResult<Boundaries>> {
  const text = await readText(file);
  if (text instanceof Error)
    return failed(file, [{ path: '$', message: `cannot read the file: ${text.message}` }]);
  return loadBoundaries(file, text, network);
}
