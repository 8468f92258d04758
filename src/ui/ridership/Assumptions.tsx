import type { DemandReport } from '../../demand/report';
import { resolveAssumptions } from '../../domain/assumptions';
import { DEMAND_MODES, DEMAND_SOURCES, type DemandAssumptions } from '../../domain/demand';
import { nameIn } from '../../domain/names';
import type { Network } from '../../domain/network';
import { decimal, whole } from '../format';
import { t } from '../i18n';
import { lang } from '../state/store';

const minutes = (seconds: number) => decimal(seconds / 60, 0);

export function regionName(network: Network, id: string | undefined): string {
  const region = network.regions?.find((r) => r.id === id);
  return region ? nameIn(region.name, lang.value) : (id ?? '');
}

/** One assumption: what, its value, where it comes from. */
function Item({ label, value, source }: { label: string; value: string; source?: string }) {
  return (
    <li>
      <strong>{label}</strong>: {value}
      {source && (
        <span class="source">
          {' '}
          — {t('ridership.source')}: {source}
        </span>
      )}
    </li>
  );
}

function carText(d: DemandAssumptions, period: string): string {
  const c = d.car;
  const speed = { ...c.speedKmh, ...c.byPeriod[period]?.speedKmh };
  return t('ridership.carValues', {
    detour: c.detour,
    urban: speed.urban,
    rural: speed.rural,
    period: t(`period.${period}`),
    accessU: minutes(c.accessSeconds.urban),
    accessR: minutes(c.accessSeconds.rural),
    parkU: minutes(c.parkSeconds.urban),
    parkR: minutes(c.parkSeconds.rural),
    feeU: minutes(c.parkingCostSeconds.urban),
    feeR: minutes(c.parkingCostSeconds.rural),
  });
}

/**
 * The demand model's assumptions behind every figure of the view, each with its source (or saying it is an
 * assumption): β and how well it was calibrated, the logit's θ and constants, the car, workers and trips.
 */
export function Assumptions({
  report,
  network,
  period,
}: {
  report: DemandReport;
  network: Network;
  period: string;
}) {
  const d = resolveAssumptions(network.assumptions).demand;
  const b = report.beta;
  const beta = decimal(b.perMinute, 4);
  return (
    <details class="assumptions" data-testid="ridership-assumptions">
      <summary>{t('ridership.assumptions')}</summary>
      <ul>
        <Item
          label={t('ridership.beta')}
          value={
            b.calibrated
              ? t('ridership.betaCalibrated', {
                  beta,
                  region: regionName(network, b.region),
                  mean: decimal(b.meanMinutes),
                  target: decimal(b.targetMinutes),
                  error: `${decimal(100 * (b.relativeError ?? 0), 2)} %`,
                  n: b.evaluations ?? 0,
                  source: b.source ?? '',
                })
              : t('ridership.betaGiven', { beta, source: DEMAND_SOURCES.betaPerMinute })
          }
        />
        <Item
          label="Furness"
          value={t('ridership.furness', {
            n: b.furnessIterations,
            rows: b.rowError.toExponential(1),
            columns: b.columnError.toExponential(1),
          })}
        />
        <Item
          label={t('ridership.theta')}
          value={t('ridership.perMinute', { value: d.thetaPerMinute })}
          source={DEMAND_SOURCES.thetaPerMinute}
        />
        <Item
          label={t('ridership.constants')}
          value={DEMAND_MODES.map((m) => `${t(`mode.${m}`)} ${decimal(d.constants[m], 1, 4)}`).join(
            t('ridership.listSeparator'),
          )}
          source={DEMAND_SOURCES.constants}
        />
        <Item label={t('ridership.car')} value={carText(d, period)} source={DEMAND_SOURCES.car} />
        <Item
          label={t('ridership.employment')}
          value={String(d.employmentRate)}
          source={DEMAND_SOURCES.employmentRate}
        />
        <Item
          label={t('ridership.tripsPerDay')}
          value={String(d.tripsPerWorkday)}
          source={DEMAND_SOURCES.tripsPerWorkday}
        />
        <li>
          {t(report.jobsScaleByRegion ? 'ridership.workersElsewhere' : 'ridership.workers', {
            workers: whole(report.workers),
            jobs: whole(report.jobs),
            scale: decimal(report.jobsScale, 3),
          })}
        </li>
        {Object.entries(report.jobsScaleByRegion ?? {}).map(([region, scale]) => {
          const inflow = network.assumptions?.demand?.netInflow?.find((x) => x.region === region);
          return (
            <li key={region}>
              {t('ridership.netInflow', {
                region: regionName(network, region),
                commuters: whole(inflow?.commuters ?? 0),
                scale: decimal(scale, 3),
              })}
              {inflow && <span class="source"> — {inflow.source}</span>}
            </li>
          );
        })}
        <li>{t(`ridership.term.${report.term}`)}</li>
      </ul>
    </details>
  );
}
