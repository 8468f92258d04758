/**
 * Jobs: an ESTIMATE (the data has no workplace employment below what commute-facts.md gives).
 *
 * 1. Employed residents per unit: the census long-form industry total (a ~10 % sample, used only as a
 *    share: jjj_county_census2020 SOURCE.md) scaled by LONG_FORM_RATE.
 * 2. District jobs: 朝阳 2.604 M, 海淀 2.397 M, 丰台 1.145 M (5th economic census 2023, commute-facts.md).
 *    东城 and 西城 (the core) get their employed residents × the jobs-per-employed-resident ratio of those
 *    three districts; every other district and town gets as many jobs as employed residents.
 * 3. Within a district, CLUSTER_SHARE of its jobs sit in its employment clusters (the seven of the
 *    2022 Beijing commute report: CBD, 中关村, 金融街, 上地, 望京, 亦庄, 丰台科技园), evenly over the land
 *    within CLUSTER_RADIUS_M of the cluster's metro station; the rest follow the resident population.
 */
import type { LonLat } from '../../src/domain/geo';
import { project } from './grid';
import type { Unit } from './population';
import type { SampleField } from './zones';

/** The 7th census long form sampled about one household in ten (assumption, stated). */
export const LONG_FORM_RATE = 10;
export const CLUSTER_SHARE = 0.4;
export const CLUSTER_RADIUS_M = 1500;

export const KNOWN_DISTRICT_JOBS: Record<string, number> = {
  '110105': 2_604_000,
  '110108': 2_397_000,
  '110106': 1_145_000,
};
const CORE = ['110101', '110102'];

export interface Cluster {
  id: string;
  name: { zh: string; en: string };
  /** Metro station names (timetable) whose mean position is the cluster's centre. */
  stations: string[];
}

export const CLUSTERS: Cluster[] = [
  { id: 'cbd', name: { zh: 'CBD(国贸)', en: 'CBD (Guomao)' }, stations: ['国贸'] },
  { id: 'zhongguancun', name: { zh: '中关村', en: 'Zhongguancun' }, stations: ['中关村'] },
  { id: 'financial-street', name: { zh: '金融街', en: 'Financial Street' }, stations: ['复兴门', '阜成门'] },
  { id: 'shangdi', name: { zh: '上地', en: 'Shangdi' }, stations: ['上地'] },
  { id: 'wangjing', name: { zh: '望京', en: 'Wangjing' }, stations: ['望京'] },
  { id: 'yizhuang', name: { zh: '亦庄(经开区)', en: 'Yizhuang (BDA)' }, stations: ['荣京东街'] },
  {
    id: 'fengtai-science-park',
    name: { zh: '丰台科技园', en: 'Fengtai Science Park' },
    stations: ['丰台科技园'],
  },
];

export function districtJobs(units: Unit[]): Map<string, number> {
  const employed = new Map(units.map((u) => [u.code, u.employed * LONG_FORM_RATE]));
  const knownJobs = Object.values(KNOWN_DISTRICT_JOBS).reduce((a, b) => a + b, 0);
  const knownEmployed = Object.keys(KNOWN_DISTRICT_JOBS).reduce((a, c) => a + employed.get(c)!, 0);
  const ratio = knownJobs / knownEmployed;
  const out = new Map<string, number>();
  for (const u of units) {
    if (KNOWN_DISTRICT_JOBS[u.code] !== undefined) out.set(u.code, KNOWN_DISTRICT_JOBS[u.code]!);
    else if (CORE.includes(u.code)) out.set(u.code, employed.get(u.code)! * ratio);
    else out.set(u.code, employed.get(u.code)!);
  }
  return out;
}

/** Jobs onto the sample field. Returns the cluster centres used and each district's total. */
export function placeJobs(
  field: SampleField,
  units: Unit[],
  clusterCentres: Map<string, LonLat>,
): { totals: Map<string, number>; ratio: number } {
  const totals = districtJobs(units);
  const { lattice, unit, population, jobs } = field;
  const unitPop = new Float64Array(units.length);
  for (let i = 0; i < lattice.size; i++) if (unit[i]! >= 0) unitPop[unit[i]!] += population[i]!;
  // Cluster land per unit.
  const clusterSamples = new Map<number, Map<string, number[]>>();
  for (const c of CLUSTERS) {
    const centre = clusterCentres.get(c.id)!;
    const [cx, cy] = project(centre);
    const j0 = Math.max(0, Math.floor((cy - CLUSTER_RADIUS_M - lattice.y0) / lattice.h));
    const j1 = Math.min(lattice.rows - 1, Math.ceil((cy + CLUSTER_RADIUS_M - lattice.y0) / lattice.h));
    const i0 = Math.max(0, Math.floor((cx - CLUSTER_RADIUS_M - lattice.x0) / lattice.h));
    const i1 = Math.min(lattice.cols - 1, Math.ceil((cx + CLUSTER_RADIUS_M - lattice.x0) / lattice.h));
    // The cluster belongs to the district its centre lies in.
    const ci =
      Math.floor((cy - lattice.y0) / lattice.h) * lattice.cols + Math.floor((cx - lattice.x0) / lattice.h);
    const home = unit[ci]!;
    if (home < 0) throw new Error(`cluster ${c.id} is outside every unit`);
    for (let j = j0; j <= j1; j++) {
      for (let i = i0; i <= i1; i++) {
        const idx = j * lattice.cols + i;
        if (unit[idx] !== home) continue;
        if (Math.hypot(lattice.x(i) - cx, lattice.y(j) - cy) > CLUSTER_RADIUS_M) continue;
        const m = clusterSamples.get(home) ?? clusterSamples.set(home, new Map()).get(home)!;
        (m.get(c.id) ?? m.set(c.id, []).get(c.id)!).push(idx);
      }
    }
  }
  units.forEach((u, k) => {
    const total = totals.get(u.code)!;
    const clusters = clusterSamples.get(k);
    const inClusters = clusters ? total * CLUSTER_SHARE : 0;
    if (clusters) {
      const each = inClusters / clusters.size;
      for (const list of clusters.values()) for (const idx of list) jobs[idx] += each / list.length;
    }
    const rest = total - inClusters;
    for (let i = 0; i < lattice.size; i++)
      if (unit[i] === k && unitPop[k]! > 0) jobs[i] += (rest * population[i]!) / unitPop[k]!;
  });
  const knownJobs = Object.values(KNOWN_DISTRICT_JOBS).reduce((a, b) => a + b, 0);
  const knownEmployed = Object.keys(KNOWN_DISTRICT_JOBS).reduce(
    (a, c) => a + units.find((u) => u.code === c)!.employed * LONG_FORM_RATE,
    0,
  );
  return { totals, ratio: knownJobs / knownEmployed };
}
