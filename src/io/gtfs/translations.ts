import type { LocalizedName } from '../../domain/names';
import type { Row, TableSpec } from './fields';

/**
 * translations.txt (the current form: table_name, field_name, language, translation and record_id or
 * field_value): the other language of station and line names, so a Chinese feed's stations get their
 * English names too and the other way round.
 */
export class Translations {
  private readonly byRecord = new Map<string, string>();
  private readonly byValue = new Map<string, string>();

  private oldForm = false;

  readonly spec: TableSpec = {
    file: 'translations.txt',
    // Nothing required: names only get better with it, so a file in the old Google form (trans_id, lang)
    // is skipped with one warning rather than failing the import.
    required: [],
    optional: ['table_name', 'field_name', 'language', 'translation', 'record_id', 'field_value'],
    row: (r: Row) => {
      if (!r.has('table_name') || !r.has('field_name') || !r.has('language') || !r.has('translation')) {
        if (!this.oldForm)
          r.warn(
            undefined,
            'not in the current GTFS form (table_name, field_name, language, translation); ignored',
          );
        this.oldForm = true;
        return 'skip';
      }
      const lang = languageOf(r.text('language'));
      const translation = r.text('translation');
      if (lang === undefined || translation === '') return 'skip';
      const key = `${r.text('table_name')}\u0000${r.text('field_name')}\u0000${lang}\u0000`;
      const record = r.text('record_id');
      const value = r.text('field_value');
      if (record !== '') this.byRecord.set(key + record, translation);
      else if (value !== '') this.byValue.set(key + value, translation);
      else return 'skip';
      return true;
    },
  };

  /** The name in the feed's language, with the other language added where translations.txt has it. */
  name(primary: 'zh' | 'en', table: string, field: string, recordId: string, text: string): LocalizedName {
    const other = primary === 'zh' ? 'en' : 'zh';
    const key = `${table}\u0000${field}\u0000${other}\u0000`;
    const translated = this.byRecord.get(key + recordId) ?? this.byValue.get(key + text);
    const name: LocalizedName = { [primary]: text };
    if (translated !== undefined && translated !== text) name[other] = translated;
    return name;
  }
}

/** zh, zh-CN, zh-Hans … → zh; en, en-GB … → en; other languages are not kept. */
function languageOf(tag: string): 'zh' | 'en' | undefined {
  const t = tag.toLowerCase();
  if (t === 'zh' || t.startsWith('zh-')) return 'zh';
  if (t === 'en' || t.startsWith('en-')) return 'en';
  return undefined;
}

/** Names in the feed's language, with translations.txt's other language where it has one. */
export interface Names {
  stop(id: string, text: string): LocalizedName;
  route(route: { id: string; shortName: string; longName: string }): LocalizedName;
  headsign(text: string): LocalizedName;
}

export function namesIn(lang: 'zh' | 'en', t: Translations): Names {
  return {
    stop: (id, text) => t.name(lang, 'stops', 'stop_name', id, text),
    route: (route) =>
      route.shortName
        ? t.name(lang, 'routes', 'route_short_name', route.id, route.shortName)
        : t.name(lang, 'routes', 'route_long_name', route.id, route.longName || route.id),
    headsign: (text) => t.name(lang, 'trips', 'trip_headsign', '', text),
  };
}
