import type { ServiceDay } from './calendar';
import { plural } from './ids';
import { CHECK_RULES, COUNTING_RULE, type DroppedRoute } from './report';

/**
 * What a planner should read about an import, kept in the network's notes: where it came from, how
 * headways, runs and transfers were derived, and what the model could not take.
 */
export function importNotes(a: {
  feed: string;
  publisher: string;
  imported: number;
  routes: number;
  day: ServiceDay | undefined;
  hasTransfers: boolean;
  split: number;
  notPossible: number;
  raisedRuns: number;
  dropped: readonly DroppedRoute[];
}): string[] {
  const notes: string[] = [];
  if (a.day) {
    notes.push(
      `Imported from the GTFS feed ${a.feed}${a.publisher ? ` (${a.publisher})` : ''}: ${plural(a.imported, 'route')} of ${a.routes}, service day ${a.day.date} (${a.day.weekday}), ${a.day.reason}.`,
    );
  }
  notes.push(
    COUNTING_RULE,
    "Run and dwell times: medians over the pattern's trips in the periods.",
    CHECK_RULES,
  );
  notes.push(
    a.hasTransfers
      ? 'Transfers: min_transfer_time from transfers.txt is the walk (the median where several platform pairs fall on one station pair); elsewhere the layer-pair defaults apply. Processing between layers follows the network assumptions.'
      : 'Transfers: the feed has no transfers.txt; the layer-pair defaults apply.',
  );
  if (a.split > 0)
    notes.push(
      `${plural(a.split, 'parent station')} served by more than one layer became one station per layer, grouped as a hub.`,
    );
  if (a.notPossible > 0) {
    notes.push(
      `transfers.txt marks ${plural(a.notPossible, 'change')} as not possible (transfer_type 3): transfer rules cannot forbid a change, so the model allows them at default times.`,
    );
  }
  if (a.raisedRuns > 0)
    notes.push(
      `${plural(a.raisedRuns, 'run')} of 0 s (consecutive stops with the same time) were set to 1 s.`,
    );
  if (a.dropped.length > 0) {
    const reasons = new Map<string, number>();
    for (const d of a.dropped) {
      const key = d.reason.split(': ')[0]!;
      reasons.set(key, (reasons.get(key) ?? 0) + 1);
    }
    notes.push(
      `Not imported: ${[...reasons].map(([r, n]) => `${n} × ${r}`).join('; ')} (see the import report).`,
    );
  }
  return notes;
}
