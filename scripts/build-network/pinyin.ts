import { pinyin } from 'pinyin-pro';

/**
 * A Chinese place name in Hanyu Pinyin, written as one word (GB/T 16159, as Beijing's own station names
 * are): syllables joined without tones, an apostrophe before a syllable that starts with a, o or e where
 * it could join the one before (上岸 Shang'an, 西安门 Xi'anmen), the first letter a capital (十八里店
 * Shibalidian). The syllables come from pinyin-pro's word dictionary, which reads a character as the word
 * around it does (长阳 Changyang, 重庆 Chongqing).
 */
export function romanized(zh: string): string {
  const syllables = pinyin(zh, { toneType: 'none', type: 'array' }).filter((s) => s.trim() !== '');
  const word = syllables.map((s, k) => (k > 0 && /^[aoe]/.test(s) ? `'${s}` : s)).join('');
  return word.charAt(0).toUpperCase() + word.slice(1);
}
