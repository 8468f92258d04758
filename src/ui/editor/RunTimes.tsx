import { t } from '../i18n';
import { FieldIssues, NumberField } from './fields';
import type { FieldIssue } from './issues';
import { secondsToMinutes } from './units';

interface RunTimesProps {
  speedKmh: number | undefined;
  runSeconds: number[] | undefined;
  dwellSeconds: number | undefined;
  /** Labels of the hops, "A → B". */
  hops: string[];
  issues: readonly FieldIssue[];
  testid: string;
  onSpeed(kmh: number, undoKey: string): void;
  onUseSpeed(): void;
  onUseRuns(): void;
  onRun(k: number, minutes: number, undoKey: string): void;
  onDwell(seconds: number | null, undoKey: string): void;
  defaultDwell: number;
}

/** Either a commercial speed (run times from the geometry) or explicit run times per hop; dwell. */
export function RunTimes(props: RunTimesProps) {
  const explicit = props.runSeconds !== undefined;
  return (
    <fieldset class="run-times" data-testid={props.testid}>
      <legend>{t('ed.runTimes')}</legend>
      <label>
        <input
          type="radio"
          name={`${props.testid}-mode`}
          checked={!explicit}
          onChange={props.onUseSpeed}
          data-testid={`${props.testid}-use-speed`}
        />
        {t('ed.bySpeed')}
      </label>
      <label>
        <input
          type="radio"
          name={`${props.testid}-mode`}
          checked={explicit}
          onChange={props.onUseRuns}
          data-testid={`${props.testid}-use-runs`}
        />
        {t('ed.byRuns')}
      </label>
      {!explicit && (
        <NumberField
          label={t('ed.speed')}
          value={props.speedKmh}
          unit="km/h"
          min={1}
          max={600}
          testid={`${props.testid}-speed`}
          onValue={(v, key) => v !== null && props.onSpeed(v, key)}
          issues={props.issues}
          field=".speedKmh"
        />
      )}
      {explicit && (
        <ol class="runs">
          {props.hops.map((label, k) => (
            <li key={label}>
              <NumberField
                label={label}
                value={
                  props.runSeconds?.[k] === undefined ? undefined : secondsToMinutes(props.runSeconds[k]!)
                }
                unit={t('ed.min')}
                min={0.01}
                testid={`${props.testid}-run-${k}`}
                onValue={(v, key) => v !== null && props.onRun(k, v, key)}
                issues={props.issues}
                field={`.runSeconds[${k}]`}
              />
            </li>
          ))}
        </ol>
      )}
      {explicit && <FieldIssues issues={props.issues.filter((i) => i.field === '.runSeconds')} />}
      <NumberField
        label={t('ed.dwell')}
        value={props.dwellSeconds}
        unit="s"
        optional
        min={0}
        placeholder={String(props.defaultDwell)}
        testid={`${props.testid}-dwell`}
        onValue={(v, key) => props.onDwell(v, key)}
        issues={props.issues}
        field=".dwellSeconds"
      />
    </fieldset>
  );
}
