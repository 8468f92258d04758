/**
 * Ids that are safe in the graph's node keys (`#` and `|` separate parts there; a line id with `#` would
 * be split into the wrong line) and unique within their list.
 */
export class Ids {
  private readonly used = new Set<string>();

  make(raw: string): string {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
    const base = raw.replace(/[#|\u0000-\u001f]/g, '_') || '_';
    let id = base;
    for (let k = 2; this.used.has(id); k++) id = `${base}~${k}`;
    this.used.add(id);
    return id;
  }
}

/** A network id from a feed or file name: `nyc_subway.zip` → `nyc-subway`; `gtfs` when nothing is left. */
export function networkId(text: string): string {
  const slug = text
    .replace(/\.zip$/i, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'gtfs';
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
