import { describe, expect, it } from 'vitest';
import { expectApplies, scenarioWith, station, toy } from '../../../test/support/editorToy';
import { applyScenario } from '../../domain/applyScenario';
import { runSecondsFromSpeed } from '../../domain/patternOps';
import type { AddLine } from '../../domain/scenario';
import {
  type LineEnv,
  newAddLine,
  withBidirectional,
  withColor,
  withDwell,
  withExplicitRuns,
  withHeadwayMinutes,
  withLayer,
  withLineName,
  withRunMinutes,
  withSpeed,
  withStops,
} from './addLine';
import { groupIssues } from './issues';
import { placeStop, removeStop, type StopEnv } from './stops';

const lineEnv: LineEnv = { stations: toy.stations, routeFactor: 1.15 };
const stopEnv: StopEnv = {
  stations: toy.stations,
  taken: new Set(toy.stations.map((s) => s.id)),
  snapMeters: 150,
  idPrefix: 'new-suburban',
};
const rail = station('toyton-rail').coord;
/** Five clicks: on Toyton Railway Station, then four into the countryside to the south-east. */
const clicks: [number, number][] = [
  [rail[0] + 0.0004, rail[1] - 0.0002],
  [0.06, 44.95],
  [0.1, 44.94],
  [0.14, 44.93],
  [0.18, 44.95],
];

function drawn(): AddLine {
  let mod = newAddLine(toy, scenarioWith());
  for (const c of clicks) mod = withStops(mod, placeStop(mod.stops, c, stopEnv), lineEnv);
  return mod;
}

describe('add-line editor', () => {
  it('starts a suburban line with the network periods at the layer’s typical headway and speed', () => {
    expect(newAddLine(toy, scenarioWith())).toEqual({
      type: 'add-line',
      id: 'mod-1',
      line: {
        id: 'new-suburban',
        name: { en: 'New line 1', zh: '新线路1' },
        layer: 'suburban',
        color: '#e4007f',
      },
      stops: [],
      speedKmh: 100,
      headways: { 'am-peak': 600, 'off-peak': 600 },
    });
  });

  it('draws five stations by clicking (the first a transfer at an existing station) and sets headway and speed', () => {
    let mod = drawn();
    mod = withHeadwayMinutes(mod, 'am-peak', 7.5);
    mod = withHeadwayMinutes(mod, 'off-peak', null);
    mod = withSpeed(mod, 120);
    mod = withLineName(mod, 'en', 'S9 Airport Link');
    mod = withColor(mod, '#00aa55');
    expect(mod).toEqual({
      type: 'add-line',
      id: 'mod-1',
      line: {
        id: 'new-suburban',
        name: { en: 'S9 Airport Link', zh: '新线路1' },
        layer: 'suburban',
        color: '#00aa55',
      },
      stops: [
        'toyton-rail',
        { id: 'new-suburban-1', name: { en: 'New station 1', zh: '新站1' }, coord: [0.06, 44.95] },
        { id: 'new-suburban-2', name: { en: 'New station 2', zh: '新站2' }, coord: [0.1, 44.94] },
        { id: 'new-suburban-3', name: { en: 'New station 3', zh: '新站3' }, coord: [0.14, 44.93] },
        { id: 'new-suburban-4', name: { en: 'New station 4', zh: '新站4' }, coord: [0.18, 44.95] },
      ],
      speedKmh: 120,
      headways: { 'am-peak': 450 },
    });
    const net = expectApplies(mod);
    const added = net.lines.find((l) => l.id === 'new-suburban')!;
    expect(added.patterns.map((p) => p.direction)).toEqual([0, 1]);
    expect(added.patterns[0]!.runSeconds).toEqual(
      runSecondsFromSpeed([rail, [0.06, 44.95], [0.1, 44.94], [0.14, 44.93], [0.18, 44.95]], 120, 1.15),
    );
  });

  it('switches to explicit run times starting from what the speed gives, and back', () => {
    const mod = withExplicitRuns(drawn(), lineEnv);
    expect(mod).not.toHaveProperty('speedKmh');
    const bySpeed = runSecondsFromSpeed(
      mod.stops.map((s) => (typeof s === 'string' ? station(s).coord : s.coord)),
      100,
      1.15,
    );
    expect(mod.runSeconds).toEqual(bySpeed.map(Math.round));
    const edited = withRunMinutes(mod, 1, 2.5);
    expect(edited.runSeconds![1]).toBe(150);
    expectApplies(edited);
    const back = withSpeed(edited, 90);
    expect(back).not.toHaveProperty('runSeconds');
    expect(back.speedKmh).toBe(90);
  });

  it('keeps explicit run times of unchanged hops when a stop is removed, and estimates the new hop', () => {
    const mod = withRunMinutes(withRunMinutes(withExplicitRuns(drawn(), lineEnv), 0, 4), 3, 9);
    const fewer = withStops(mod, removeStop(mod.stops, 2), lineEnv);
    expect(fewer.runSeconds).toHaveLength(3);
    expect(fewer.runSeconds![0]).toBe(240);
    expect(fewer.runSeconds![2]).toBe(540);
    // The new hop 1 → 3 at the suburban default speed (100 km/h).
    const [a, b] = [fewer.stops[1], fewer.stops[2]].map((s) => (s as { coord: [number, number] }).coord);
    expect(fewer.runSeconds![1]).toBe(Math.round(runSecondsFromSpeed([a!, b!], 100, 1.15)[0]!));
    expectApplies(fewer);
  });

  it('sets layer, dwell and one direction, leaving defaults out of the file', () => {
    let mod = withLayer(drawn(), 'metro');
    mod = withDwell(mod, 45);
    mod = withBidirectional(mod, false);
    expect(mod).toMatchObject({ line: { layer: 'metro' }, dwellSeconds: 45, bidirectional: false });
    const net = expectApplies(mod);
    expect(net.lines.find((l) => l.id === 'new-suburban')!.patterns).toHaveLength(1);
    const back = withBidirectional(withDwell(mod, null), true);
    expect(back).not.toHaveProperty('dwellSeconds');
    expect(back).not.toHaveProperty('bidirectional');
  });

  it('explains a line with too few stops where it is edited (the stops field)', () => {
    const mod = withStops(newAddLine(toy, scenarioWith()), placeStop([], clicks[1]!, stopEnv), lineEnv);
    expect(mod.stops).toHaveLength(1);
    const applied = applyScenario(toy, scenarioWith(mod));
    const { byModification } = groupIssues(applied.ok ? [] : applied.issues);
    expect(byModification.get(0)).toEqual([{ field: '.stops', message: 'a line needs at least two stops' }]);
  });

  it('gives a second new line its own id and colour', () => {
    const first = drawn();
    const second = newAddLine(toy, scenarioWith(first), 'metro');
    expect(second).toMatchObject({ id: 'mod-2', line: { id: 'new-metro', color: '#0097e0' }, speedKmh: 35 });
    const third = newAddLine(toy, scenarioWith(first, second), 'suburban');
    expect(third.line.id).toBe('new-suburban-2');
  });
});
