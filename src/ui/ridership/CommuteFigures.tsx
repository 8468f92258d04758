import { DEMAND_MODES, type DemandMode } from '../../domain/demand';
import { decimal, percent, signed } from '../format';
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

const FIGURES: FigureRow[] = [
  { key: 'meanCommute', value: (f) => f.meanCommuteMinutes, digits: 1, better: 'lower' },
  { key: 'within45', value: (f) => percent(f.shareWithin45), digits: 1, better: 'higher' },
  { key: 'over60', value: (f) => percent(f.shareOver60), digits: 1, better: 'lower' },
  ...DEMAND_MODES.map(modeShare),
  { key: 'railRiders', value: (f) => f.railRiders, digits: 0, better: 'higher' },
  // An area's jobs–housing balance (职住平衡): its jobs per resident worker, and how many of them work in it.
  { key: 'jobsPerWorker', value: (f) => f.jobsPerWorker ?? null, digits: 2, better: 'neither' },
  { key: 'workInside', value: (f) => percent(f.shareWorkingInside), digits: 1, better: 'neither' },
];

/** Rounded to `digits` decimals, as shown. */
const rounded = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * Commute-weighted figures of the area's resident workers before, after and their change, and
 * commuter-hours saved. The change shown is that of the figures as shown (a planner subtracts what is on the screen);
 * its exact value is its tooltip and data-value.
 */
export function CommuteFigures({ area }: { area: Area }) {
  const after = area.scenario;
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
          const shown = a === null || b === null ? null : rounded(a, f.digits) - rounded(b, f.digits);
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
              <td data-value={b ?? ''}>{decimal(b, f.digits)}</td>
              {after && <td data-value={a ?? ''}>{decimal(a, f.digits)}</td>}
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
