import { DEMAND_MODES, type DemandMode } from '../../domain/demand';
import { decimal, percent, rounded, roundedToTotal, signed } from '../format';
import { t } from '../i18n';
import type { Area, AreaSide } from './areas';

type FigureRow = {
  key: string;
  value: (f: AreaSide) => number | null;
  /** Decimals shown (of the figures and of their change). */
  digits: number;
  /** The change is a gain when it goes this way (colour); a mode's share is neither. */
  better: 'higher' | 'lower' | 'neither';
};

const modeShare = (mode: DemandMode): FigureRow => ({
  key: `${mode}Share`,
  value: (f) => percent(f.modeShares?.[mode]),
  digits: 1,
  better: mode === 'rail' ? 'higher' : mode === 'car' ? 'lower' : 'neither',
});

const MODE_ROWS = DEMAND_MODES.map(modeShare);

const FIGURES: FigureRow[] = [
  { key: 'meanCommute', value: (f) => f.meanCommuteMinutes, digits: 1, better: 'lower' },
  { key: 'within45', value: (f) => percent(f.shareWithin45), digits: 1, better: 'higher' },
  { key: 'over60', value: (f) => percent(f.shareOver60), digits: 1, better: 'lower' },
  ...MODE_ROWS,
  { key: 'railRiders', value: (f) => f.railRiders, digits: 0, better: 'higher' },
  // An area's jobs–housing balance (职住平衡): its jobs per resident worker, and how many of them work in it.
  { key: 'jobsPerWorker', value: (f) => f.jobsPerWorker ?? null, digits: 2, better: 'neither' },
  { key: 'workInside', value: (f) => percent(f.shareWorkingInside), digits: 1, better: 'neither' },
];

/**
 * A side's figures as shown: each rounded to its row's decimals, but the mode shares together, so that
 * the five shown add up to 100.0 (rounded alone they showed 100.1 or 99.9).
 */
function shownFigures(side: AreaSide): Map<string, number> {
  const shown = new Map<string, number>();
  for (const f of FIGURES) {
    const v = f.value(side);
    if (v !== null) shown.set(f.key, rounded(v, f.digits));
  }
  const modes = MODE_ROWS.map((f) => f.value(side));
  if (modes.every((v) => v !== null)) {
    const together = roundedToTotal(modes as number[], 1);
    MODE_ROWS.forEach((f, k) => {
      shown.set(f.key, together[k]!);
    });
  }
  return shown;
}

/**
 * Commute-weighted figures of the area's resident workers before, after and their change, and
 * commuter-hours saved. The change shown is that of the figures as shown (a planner subtracts what is on the screen);
 * its exact value is its tooltip and data-value.
 */
export function CommuteFigures({ area }: { area: Area }) {
  const after = area.scenario;
  const shownBefore = shownFigures(area.baseline);
  const shownAfter = after ? shownFigures(after) : undefined;
  const hours = (key: string, value: number) => (
    <tr data-testid={`ridership-${key}`} title={t(`ridership.${key}Title`)}>
      <th scope="row">{t(`ridership.${key}`)}</th>
      <td />
      <td />
      <td data-value={value} class={Math.round(value) ? (value > 0 ? 'good' : 'bad') : undefined}>
        {signed(value)}
      </td>
    </tr>
  );
  return (
    <table class="ridership-figures" data-testid="ridership-figures">
      <thead>
        <tr>
          <th title={t('ridership.commutesTitle')}>{t('ridership.commutes')}</th>
          <th>{t('ridership.before')}</th>
          {after && <th>{t('ridership.after')}</th>}
          {after && <th>{t('ridership.change')}</th>}
        </tr>
      </thead>
      <tbody>
        {/* Everyone's figures have no jobs–housing balance: those rows only for an area. */}
        {FIGURES.filter((f) => f.value(area.baseline) !== null).map((f) => {
          const b = f.value(area.baseline);
          const a = after ? f.value(after) : null;
          const change = a === null || b === null ? null : a - b;
          const sb = shownBefore.get(f.key) ?? null;
          const sa = shownAfter?.get(f.key) ?? null;
          const shown = sa === null || sb === null ? null : sa - sb;
          const sign = shown === null ? 0 : Math.round(shown * 10 ** f.digits);
          const colour =
            sign && f.better !== 'neither'
              ? sign > 0 === (f.better === 'higher')
                ? 'good'
                : 'bad'
              : undefined;
          return (
            <tr key={f.key} data-testid={`ridership-${f.key}`}>
              <th scope="row">{t(`ridership.${f.key}`)}</th>
              <td data-value={b ?? ''}>{decimal(sb, f.digits)}</td>
              {after && <td data-value={a ?? ''}>{decimal(sa, f.digits)}</td>}
              {after && (
                <td
                  data-value={change ?? ''}
                  data-shown={shown ?? ''}
                  title={
                    change === null
                      ? undefined
                      : t('ridership.exactChange', { change: signed(change, f.digits + 2) })
                  }
                  class={colour}
                >
                  {signed(shown, f.digits)}
                </td>
              )}
            </tr>
          );
        })}
        {area.delta && hours('perceivedHoursSaved', area.delta.perceivedHoursSaved)}
        {area.delta && hours('hoursSaved', area.delta.commuterHoursSaved)}
      </tbody>
    </table>
  );
}
