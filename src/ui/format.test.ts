import { describe, expect, it } from 'vitest';
import { countTick, decimal, signed, whole } from './format';

describe('the tables’ number formats', () => {
  it('keeps the decimals asked for, and writes a true minus', () => {
    expect(decimal(81.97, 1)).toBe('82.0');
    expect(decimal(-0.24, 1)).toBe('\u22120.2');
    expect(decimal(null)).toBe('—');
    expect(whole(-26287.4)).toBe('\u221226,287');
    // An assumption as given: one decimal at least, more where it has them.
    expect(decimal(-1.25, 1, 4)).toBe('\u22121.25');
    expect(decimal(0, 1, 4)).toBe('0.0');
  });

  it('signs a change, and a change that rounds to nothing is 0', () => {
    expect(signed(0.44, 1)).toBe('+0.4');
    expect(signed(-5153.2)).toBe('\u22125,153');
    expect(signed(-0.04, 1)).toBe('0');
    expect(signed(undefined)).toBe('—');
  });

  it('writes counts on an axis in the language’s own units', () => {
    const en = countTick('en');
    const zh = countTick('zh');
    expect([0, 500, 200_000, 1_500_000].map(en)).toEqual(['0', '500', '200k', '1.5M']);
    expect([0, 5_000, 200_000, 1_500_000, 350_000_000].map(zh)).toEqual([
      '0',
      '5,000',
      '20万',
      '150万',
      '3.5亿',
    ]);
  });
});
