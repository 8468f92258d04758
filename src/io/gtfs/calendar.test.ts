import { describe, expect, it } from 'vitest';
import { ServiceCalendar } from './calendar';
import { CsvStream } from './csv';
import { parseDate, TableReader } from './fields';
import { IssueLog } from './issues';

function calendar(calendarTxt: string, datesTxt = 'service_id,date,exception_type\n'): ServiceCalendar {
  const c = new ServiceCalendar();
  const log = new IssueLog();
  for (const [spec, text] of [
    [c.calendarSpec, calendarTxt],
    [c.datesSpec, datesTxt],
  ] as const) {
    const csv = new CsvStream(new TableReader(spec, log));
    csv.push(text);
    csv.end();
  }
  expect(log.errors).toEqual([]);
  return c;
}

const HEADER = 'service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,end_date';

describe('ServiceCalendar', () => {
  it('applies calendar_dates removals and additions to the calendar', () => {
    const c = calendar(
      `${HEADER}\nWK,1,1,1,1,1,0,0,20240101,20240131`,
      'service_id,date,exception_type\nWK,20240102,2\nXTRA,20240102,1\n',
    );
    expect([...c.activeOn(parseDate('20240102'))]).toEqual(['XTRA']);
    expect([...c.activeOn(parseDate('20240103'))]).toEqual(['WK']);
    expect([...c.activeOn(parseDate('20240106'))]).toEqual([]);
    expect(c.range()).toEqual([parseDate('20240101'), parseDate('20240131')]);
  });

  it('prefers the busiest Tuesday–Thursday, the earliest of equals', () => {
    // Fridays have an extra service, so Friday is busier; the Tuesday–Thursday tier still wins.
    const c = calendar(`${HEADER}\nWK,1,1,1,1,1,0,0,20240101,20240131\nFRI,0,0,0,0,1,0,0,20240101,20240131`);
    const trips = (s: string) => (s === 'WK' ? 10 : 5);
    expect(c.representativeDay(trips)).toEqual({
      day: parseDate('20240102'),
      date: '2024-01-02',
      weekday: 'Tuesday',
      trips: 10,
      reason: 'the busiest Tuesday–Thursday in the feed (10 trips, the first of 14 equally busy dates)',
    });
  });

  it('finds the busier day among exceptions, and falls back to Monday/Friday, then weekends', () => {
    const extra = calendar(
      `${HEADER}\nWK,1,1,1,1,1,0,0,20240101,20240131`,
      'service_id,date,exception_type\nEVENT,20240117,1\n',
    );
    expect(extra.representativeDay((s) => (s === 'WK' ? 10 : 3))?.date).toBe('2024-01-17');
    const fridays = calendar(`${HEADER}\nFRI,0,0,0,0,1,0,0,20240101,20240131`);
    expect(fridays.representativeDay(() => 4)).toMatchObject({
      date: '2024-01-05',
      weekday: 'Friday',
      reason: 'the busiest Monday or Friday in the feed (4 trips, the first of 4 equally busy dates)',
    });
    const sundays = calendar(`${HEADER}\nSU,0,0,0,0,0,0,1,20240101,20240131`);
    expect(sundays.representativeDay(() => 4)?.weekday).toBe('Sunday');
    expect(calendar(HEADER).representativeDay(() => 4)).toBeUndefined();
  });

  it('handles calendar_dates-only feeds and century-long calendars quickly', () => {
    const onlyDates = calendar(
      HEADER,
      'service_id,date,exception_type\nA,20240105,1\nA,20240109,1\nB,20240109,1\n',
    );
    expect(onlyDates.representativeDay(() => 1)?.date).toBe('2024-01-09');
    const long = calendar(`${HEADER}\nWD,1,1,1,1,1,0,0,19700101,21000101`);
    // 1970-01-01 was a Thursday.
    expect(long.representativeDay(() => 7)?.date).toBe('1970-01-01');
  });
});
