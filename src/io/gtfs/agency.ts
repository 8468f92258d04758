import type { Attribution } from '../../domain/network';
import type { Row, TableSpec } from './fields';

/**
 * agency.txt, feed_info.txt and attributions.txt: who published the feed (the network's attribution) and
 * in which language its names are.
 */
export class Publishers {
  readonly agencies: { name: string; url: string; lang: string }[] = [];
  feed:
    | { publisher: string; url: string; lang: string; version: string; start: string; end: string }
    | undefined;
  readonly organizations: { name: string; url: string }[] = [];

  readonly agencySpec: TableSpec = {
    file: 'agency.txt',
    required: [],
    optional: ['agency_name', 'agency_url', 'agency_lang'],
    row: (r: Row) => {
      const name = r.text('agency_name');
      if (name === '') r.warn('agency_name', 'agency without a name');
      this.agencies.push({ name, url: r.text('agency_url'), lang: r.text('agency_lang') });
      return true;
    },
  };

  readonly feedInfoSpec: TableSpec = {
    file: 'feed_info.txt',
    required: [],
    optional: [
      'feed_publisher_name',
      'feed_publisher_url',
      'feed_lang',
      'feed_version',
      'feed_start_date',
      'feed_end_date',
    ],
    row: (r: Row) => {
      this.feed ??= {
        publisher: r.text('feed_publisher_name'),
        url: r.text('feed_publisher_url'),
        lang: r.text('feed_lang'),
        version: r.text('feed_version'),
        start: r.text('feed_start_date'),
        end: r.text('feed_end_date'),
      };
      return true;
    },
  };

  readonly attributionsSpec: TableSpec = {
    file: 'attributions.txt',
    required: [],
    optional: ['organization_name', 'attribution_url'],
    row: (r: Row) => {
      const name = r.text('organization_name');
      if (name !== '') this.organizations.push({ name, url: r.text('attribution_url') });
      return true;
    },
  };

  /** Language of the feed's names: feed_lang, else the first agency_lang; zh… is Chinese, anything else English. */
  language(): 'zh' | 'en' {
    const lang = (this.feed?.lang || this.agencies.find((a) => a.lang !== '')?.lang || '').toLowerCase();
    return lang.startsWith('zh') ? 'zh' : 'en';
  }

  /** Agencies, publisher and credited organizations, each once. */
  attribution(feedLabel: string): Attribution[] {
    const out: Attribution[] = [];
    const seen = new Set<string>();
    const add = (text: string, url: string) => {
      if (text === '' || seen.has(text)) return;
      seen.add(text);
      out.push(url === '' ? { text } : { text, url });
    };
    for (const a of this.agencies) add(`${a.name} (GTFS feed ${feedLabel})`, a.url);
    if (this.feed?.publisher)
      add(
        `${this.feed.publisher} (feed publisher${this.feed.version ? `, version ${this.feed.version}` : ''})`,
        this.feed.url,
      );
    for (const o of this.organizations) add(o.name, o.url);
    if (out.length === 0) out.push({ text: `GTFS feed ${feedLabel} (publisher not stated)` });
    return out;
  }

  /** A name for the network: the publisher, else the agencies. */
  name(): string {
    const names = [...new Set(this.agencies.map((a) => a.name).filter((n) => n !== ''))];
    return this.feed?.publisher || names.join(', ');
  }
}
