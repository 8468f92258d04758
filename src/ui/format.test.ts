import { describe, expect, it } from 'vitest';
import { countTick, decimal, roundedToTotal, signed, whole } from './format';

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

  it('signs a change, and a change that rounds to nothing is 0 to the same decimals', () => {
    expect(signed(0.44, 1)).toBe('+0.4');
    expect(signed(-5153.2)).toBe('\u22125,153');
    expect(signed(-0.04, 1)).toBe('0.0');
    expect(signed(0.2)).toBe('0');
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

  it('rounds shares so that they add up to the whole, by the largest remainders', () => {
    // Each alone: 5.7 + 19.2 + 32.1 + 20.1 + 23.0 = 100.1. Floors 5.6 + 19.1 + 32.1 + 20.0 + 22.9 = 99.7:
    // three tenths go to the largest remainders, 0.8 (22.98), then 0.6 of 5.66 and 19.16 (20.06's 0.6
    // is the last of the ties).
    const parts = [5.66, 19.16, 32.14, 20.06, 22.98];
    expect(parts.map((p) => Math.round(p * 10) / 10).reduce((s, x) => s + x, 0)).toBeCloseTo(100.1, 9);
    const shown = roundedToTotal(parts, 1);
    expect(shown).toEqual([5.7, 19.2, 32.1, 20.0, 23.0]);
    expect(shown.reduce((s, x) => s + x, 0)).toBeCloseTo(100, 9);
  });
});
