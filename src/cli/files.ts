import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Network } from '../domain/network';
import type { Scenario } from '../domain/scenario';
import { loadNetwork } from '../io/network';
import { failed, type LoadResult } from '../io/result';
import { loadScenario } from '../io/scenario';

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

export async function readScenario(file: string): Promise<LoadResult<Scenario>> {
  const text = await readText(file);
  if (text instanceof Error)
    return failed(file, [{ path: '$', message: `cannot read the file: ${text.message}` }]);
  return loadScenario(file, text);
}
