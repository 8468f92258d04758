import { describe, expect, it } from 'vitest';
import { formatClock, formatDay, parseDate, parseTime, weekdayOf } from './fields';

describe('GTFS values', () => {
  it('reads times past midnight and rejects malformed ones', () => {
    expect(parseTime('7:05:09')).toBe(7 * 3600 + 5 * 60 + 9);
    expect(parseTime(' 25:00:00 ')).toBe(25 * 3600);
    expect(parseTime('100:00:00')).toBe(100 * 3600);
    for (const bad of ['', '7:5:09', '07:60:00', '07:00', '07:00:00.5', 'aa:bb:cc', '-1:00:00'])
      expect(parseTime(bad)).toBeNaN();
    expect(formatClock(25 * 3600 + 61)).toBe('25:01:01');
  });

  it('reads real calendar dates only, and knows their weekday', () => {
    expect(formatDay(parseDate('20240229'))).toBe('2024-02-29');
    expect(parseDate('20230229')).toBeNaN();
    expect(parseDate('2024-01-01')).toBeNaN();
    expect(weekdayOf(parseDate('20240101'))).toBe(0);
    expect(weekdayOf(parseDate('19691231'))).toBe(2);
  });
});
