import { describe, expect, it } from 'vitest';
import { ok, problems, run } from '../../../test/support/modules';
import { toyNetwork } from '../../../test/support/toy';
import type { SetTransfer } from '../scenario';
import { setTransfer } from './setTransfer';

const rule = (extra: Partial<SetTransfer> = {}): SetTransfer => ({
  type: 'set-transfer',
  at: { hub: 'H' },
  from: { layer: 'trunk' },
  to: { line: 'M1', direction: 0 },
  processingSeconds: 60,
  ...extra,
});

describe('set-transfer', () => {
  it('adds a transfer rule after the network rules (so it wins ties)', () => {
    const base = toyNetwork();
    base.transfers = [{ at: { station: 'B' }, walkSeconds: 90 }];
    const net = ok(setTransfer, base, rule({ walkSeconds: 45 }));
    expect(net.transfers).toEqual([
      { at: { station: 'B' }, walkSeconds: 90 },
      {
        at: { hub: 'H' },
        from: { layer: 'trunk' },
        to: { line: 'M1', direction: 0 },
        walkSeconds: 45,
        processingSeconds: 60,
      },
    ]);
    expect(
      ok(setTransfer, base, { type: 'set-transfer', at: { stations: ['R2', 'C'] }, walkSeconds: 0 })
        .transfers[1],
    ).toEqual({
      at: { stations: ['R2', 'C'] },
      walkSeconds: 0,
    });
  });

  it('problems: the place, the sides, the times', () => {
    const base = toyNetwork();
    expect(problems(setTransfer, base, rule({ at: { stations: ['A', 'B'] } }))).toEqual([
      {
        path: '$.modifications[0].at.stations',
        message: '"A" and "B" are not in one hub, so riders cannot change between them',
      },
    ]);
    expect(problems(setTransfer, base, rule({ at: { stations: ['C', 'C'] } }))).toEqual([
      {
        path: '$.modifications[0].at.stations',
        message: 'both ends are "C": for changes within one station use {"station": "C"}',
      },
    ]);
    expect(problems(setTransfer, base, rule({ at: { hub: 'X' } }))).toEqual([
      { path: '$.modifications[0].at.hub', message: 'unknown hub "X"' },
    ]);
    expect(problems(setTransfer, base, rule({ at: { station: 'Q' } }))).toEqual([
      { path: '$.modifications[0].at.station', message: 'unknown station "Q"' },
    ]);
    expect(problems(setTransfer, base, rule({ at: {} as SetTransfer['at'] }))).toEqual([
      {
        path: '$.modifications[0].at',
        message: 'say where: {"station": id}, {"stations": [from, to]} or {"hub": id}',
      },
    ]);
    expect(
      problems(
        setTransfer,
        base,
        rule({ from: { layer: 'tram' as 'metro' }, to: { line: 'M9', direction: 3 as 0 }, walkSeconds: -1 }),
      ),
    ).toEqual([
      {
        path: '$.modifications[0].from.layer',
        message: 'unknown layer "tram" (trunk, intercity, suburban or metro)',
      },
      { path: '$.modifications[0].to.line', message: 'unknown line "M9"' },
      { path: '$.modifications[0].to.direction', message: 'direction must be 0 or 1' },
      { path: '$.modifications[0].walkSeconds', message: 'must be a number of seconds ≥ 0, got -1' },
    ]);
    expect(problems(setTransfer, base, rule({ processingSeconds: undefined }))).toEqual([
      { path: '$.modifications[0].walkSeconds', message: 'set walkSeconds, processingSeconds or both' },
    ]);
  });

  it('a side naming a line removed earlier says so', () => {
    const { issues } = run(setTransfer, toyNetwork(), rule({ to: { line: 'M4' } }), {
      removedLines: new Map([['M4', 'modification 0 (remove-line)']]),
    });
    expect(issues).toEqual([
      {
        path: '$.modifications[0].to.line',
        message: 'line "M4" was removed by modification 0 (remove-line)',
      },
    ]);
  });
});
