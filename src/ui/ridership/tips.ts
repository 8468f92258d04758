import { type Language, nameIn } from '../../domain/names';
import { loadChange } from '../../io/lineLoads';
import { signed, whole } from '../format';
import { t } from '../i18n';
import type { MapSide } from '../map/view';
import { demandMatchesBefore, ridershipOpen, shownDemand } from './state';

/** "before → after (change)", or the one figure without a scenario side. */
function beforeAfter(
  before: number | null,
  after: number | null | undefined,
  change?: number | null,
): string {
  if (after === undefined) return whole(before);
  return `${whole(before)} → ${whole(after)} (${signed(change ?? (after ?? 0) - (before ?? 0))})`;
}

/** A station's estimated boardings (before → after) and entries, exits and transfers on the side shown. */
export function stationRidershipLines(id: string, side: MapSide): string[] {
  const open = ridershipOpen.value && (demandMatchesBefore.value || side === 'after');
  const d = open ? shownDemand.value : null;
  const s = d?.report.stations.find((x) => x.station === id);
  if (!s) return [];
  const after = s.scenario === undefined ? undefined : (s.scenario?.boardings ?? null);
  const shown = side === 'before' || s.scenario === undefined ? s.baseline : s.scenario;
  return [
    t('ridership.tipLine', {
      label: t('ridership.tipBoardings'),
      value: beforeAfter(s.baseline?.boardings ?? null, after),
    }),
    ...(shown
      ? [
          t(s.scenario === undefined ? 'ridership.tipFlows' : 'ridership.tipFlowsOf', {
            entries: whole(shown.entries),
            exits: whole(shown.exits),
            transfers: whole(shown.transfers),
            // Which side's flows these are, where the tip shows both sides' boardings.
            side: t(shown === s.baseline ? 'ridership.before' : 'ridership.after'),
          }),
        ]
      : []),
  ];
}

/** A load band: its line and stops, and its estimated riders before → after. */
export function loadTipLines(index: number, l: Language): string[] {
  const load = shownDemand.value?.loads[index];
  if (!load) return [];
  return [
    `${nameIn(load.name, l)} · ${t('ridership.tipSegment', { from: nameIn(load.from.name, l), to: nameIn(load.to.name, l) })}`,
    t('ridership.tipLine', {
      label: t('ridership.tipRiders'),
      value: beforeAfter(load.baseline, load.scenario, loadChange(load)),
    }),
  ];
}
