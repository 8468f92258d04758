import type { Period } from '../../src/domain/network';

/** Analysis periods: minutes after midnight, [start, end). */
export const PERIODS: (Period & { from: number; to: number })[] = [
  { id: 'am-peak', name: { zh: '早高峰', en: 'AM peak' }, start: '07:00', end: '09:00', from: 420, to: 540 },
  { id: 'off-peak', name: { zh: '平峰', en: 'Off-peak' }, start: '10:00', end: '16:00', from: 600, to: 960 },
];

export const AM_PEAK = PERIODS[0]!;
