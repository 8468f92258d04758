import { afterEach, describe, expect, it } from 'vitest';
import { metricOf } from '../../domain/metrics';
import { lang } from '../state/store';
import { classify, formatValue, jobsFormat, NO_PATH, scaleFor } from './classes';

const metric = (id: string) => metricOf(id)!;

afterEach(() => {
  lang.value = 'en';
});

describe('time classes', () => {
  it('go on past 90 min, upper bounds included', () => {
    const s = scaleFor(metric('time-to-core'), 'before');
    expect(s.labels).toEqual([
      '≤ 15 min',
      '15–30 min',
      '30–45 min',
      '45–60 min',
      '60–75 min',
      '75–90 min',
      '90–120 min',
      '120–150 min',
      '> 150 min',
    ]);
    expect([15, 15.01, 60, 95, 100, 120, 150.5].map((m) => classify(m, s))).toEqual([0, 1, 3, 6, 6, 6, 8]);
    expect(classify(Number.POSITIVE_INFINITY, s)).toBe(NO_PATH);
  });
});

describe('difference classes', () => {
  it('time: quicker on the green side, an unchanged zone neutral, each side counted outward', () => {
    const s = scaleFor(metric('time-to-core'), 'difference');
    const neutral = s.colors.indexOf('#f7f7f7');
    expect(s.labels[neutral]).toBe('within ±1 min');
    // Exactly 0 and anything under a minute either way are neutral; a change of 5 min is "5–10".
    expect([0, -0.99, 0.99].map((d) => classify(d, s))).toEqual([neutral, neutral, neutral]);
    expect(s.labels[classify(-5, s)]).toBe('5–10 min quicker');
    expect(s.labels[classify(-20, s)]).toBe('≥ 20 min quicker');
    expect(s.labels[classify(-19.9, s)]).toBe('10–20 min quicker');
    expect(s.labels[classify(1, s)]).toBe('1–5 min slower');
    expect(s.labels[classify(10, s)]).toBe('≥ 10 min slower');
    expect(s.colors.slice(0, neutral)).toEqual(['#00441b', '#1b7837', '#5aae61', '#a6dba0']);
  });

  it('jobs: no change is neutral (not a gain colour), losses say fewer, gains more, each in its class', () => {
    // Baseline zone values whose 90 % quantile is 50,000: steps top = 10,000 → 200, 2,000, 5,000, 10,000.
    const baseline = Float64Array.from({ length: 100 }, (_, k) => (k < 90 ? 1000 : 50_000));
    const s = scaleFor(metric('jobs-45'), 'difference', baseline);
    const neutral = s.colors.indexOf('#f7f7f7');
    expect(classify(0, s)).toBe(neutral);
    expect(s.labels).toEqual([
      '≥ 5k fewer jobs',
      '2k–5k fewer jobs',
      '200–2k fewer jobs',
      'within ±200 jobs',
      '200–2k more jobs',
      '2k–5k more jobs',
      '5k–10k more jobs',
      '≥ 10k more jobs',
    ]);
    expect(s.labels[classify(-199, s)]).toBe('within ±200 jobs');
    expect(s.labels[classify(-200, s)]).toBe('200–2k fewer jobs');
    expect(s.labels[classify(-2500, s)]).toBe('2k–5k fewer jobs');
    expect(s.labels[classify(-80_000, s)]).toBe('≥ 5k fewer jobs');
    expect(s.labels[classify(7000, s)]).toBe('5k–10k more jobs');
    // Losses purple, gains green.
    expect(s.colors[0]).toBe('#762a83');
    expect(s.colors.at(-1)).toBe('#00441b');
  });
});

describe('tooltip values', () => {
  it('a change that rounds to nothing reads 0, never −0.0 or +0.0; others keep their sign', () => {
    const time = scaleFor(metric('time-to-core'), 'difference');
    // −0.04 min rounds to −0.0 by toFixed(1): it is no change.
    expect([-0.04, 0, 0.04, -0].map((x) => formatValue(x, time))).toEqual([
      '0.0 min',
      '0.0 min',
      '0.0 min',
      '0.0 min',
    ]);
    expect(formatValue(-0.05001, time)).toBe('-0.1 min');
    expect(formatValue(2.26, time)).toBe('+2.3 min');
    const jobs = scaleFor(metric('jobs-45'), 'difference', Float64Array.from([1000, 50_000]));
    expect([-0.3, 0.4].map((x) => formatValue(x, jobs))).toEqual(['0 jobs', '0 jobs']);
    expect(formatValue(1234.6, jobs)).toBe(`+${(1235).toLocaleString()} jobs`);
    expect(formatValue(Number.POSITIVE_INFINITY, jobs)).toBe('No path');
  });
});

describe('in Chinese', () => {
  it('labels, units and job counts read in Chinese', () => {
    lang.value = 'zh';
    expect(scaleFor(metric('time-to-core'), 'before').labels[0]).toBe('≤ 15 分钟');
    expect(scaleFor(metric('time-to-core'), 'difference').labels[0]).toBe('快 ≥ 20 分钟');
    const jobs = scaleFor(metric('jobs-45'), 'difference', Float64Array.from([1000, 50_000]));
    expect(jobs.labels.join(' ')).not.toMatch(/[a-z]/);
    expect(jobsFormat(50_000)).toBe('5万');
    expect(jobsFormat(1_500_000)).toBe('150万');
    expect(formatValue(12.34, scaleFor(metric('time-to-core'), 'before'))).toBe('12.3 分钟');
  });

  it('English job counts in k and M', () => {
    expect([200, 2000, 2500, 1_000_000, 1_500_000].map(jobsFormat)).toEqual([
      '200',
      '2k',
      '2.5k',
      '1M',
      '1.5M',
    ]);
  });
});
