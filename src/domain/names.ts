/** A name in Chinese and/or English; at least one is present. */
export interface LocalizedName {
  zh?: string;
  en?: string;
}

export type Language = 'zh' | 'en';

/** The name in `lang`, falling back to the other language. */
export function nameIn(name: LocalizedName, lang: Language): string {
  return (lang === 'zh' ? (name.zh ?? name.en) : (name.en ?? name.zh)) ?? '';
}
