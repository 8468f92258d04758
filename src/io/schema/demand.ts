import { z } from 'zod';
import { DEMAND_MODES } from '../../domain/demand';
import { ZONE_CLASSES } from '../../domain/surface';
import { employed, id } from './common';

/** A zone's employed residents: people, ≥ 0. */
export const workers = employed.optional();

/**
 * A rate per generalized minute, 1e-4 to 1: below 1e-4 cost no longer matters (an hour more changes a weight
 * by 0.6 %), so such a value is a unit error, not a model of commuting — and it would carry the logsum past
 * float32 (−ln Σ/θ).
 */
const perMinute = (what: string) =>
  z.number().min(1e-4).max(1).describe(`${what} per generalized minute, 1e-4 to 1.`);
const speedKmh = z.number().min(1).max(120).describe('km/h, 1–120.');
const terminalSeconds = z.number().min(0).max(3600).describe('Seconds, 0–3,600.');
const weight = z.number().positive().max(10).describe('Perceived weight, > 0 and ≤ 10.');
const byClass = (value: z.ZodNumber) =>
  z.strictObject(Object.fromEntries(ZONE_CLASSES.map((c) => [c, value.optional()])));

const car = z.strictObject({
  detour: z.number().min(1).max(3).optional().describe('Road length ÷ great-circle distance, 1–3.'),
  speedKmh: byClass(speedKmh)
    .optional()
    .describe('Congested door-to-door driving speed by zone class (half the distance at each end’s).'),
  accessSeconds: byClass(terminalSeconds)
    .optional()
    .describe('Home to the parked car, by the origin’s class.'),
  parkSeconds: byClass(terminalSeconds)
    .optional()
    .describe('Finding a space and walking to the door, by the destination’s class.'),
  parkingCostSeconds: byClass(terminalSeconds)
    .optional()
    .describe('The parking fee as perceived seconds (no physical time), by the destination’s class.'),
  driveWeight: weight.optional().describe('Perceived weight of a driven second.'),
  terminalWeight: weight.optional().describe('Perceived weight of reaching the car and parking.'),
  byPeriod: z
    .record(id, z.strictObject({ speedKmh: byClass(speedKmh).optional() }))
    .optional()
    .describe('Driving speeds per analysis period id.'),
});

export const demandSchema = z
  .strictObject({
    employmentRate: z
      .number()
      .positive()
      .max(1)
      .optional()
      .describe('Employed residents per resident, > 0 and ≤ 1, for zones without `workers`.'),
    tripsPerWorkday: z
      .number()
      .min(1)
      .max(4)
      .optional()
      .describe('One-way commutes per worker per working day, 1–4 (commuter-hours count them all).'),
    betaPerMinute: perMinute('Gravity β (used when no calibration is given)').optional(),
    calibration: z
      .strictObject({
        region: id.describe(
          'A region id of the network: its resident workers are the calibration population.',
        ),
        targetMinutes: z
          .number()
          .positive()
          .max(300)
          .describe('Their published mean one-way commute, minutes, > 0 and ≤ 300.'),
        source: z.string().min(1).describe('Where the target comes from.'),
      })
      .optional()
      .describe(
        'β is calibrated so that the modelled mean physical commute of this population equals the target.',
      ),
    netInflow: z
      .array(
        z.strictObject({
          region: id.describe('A region id of the network.'),
          commuters: z
            .number()
            .min(-1e8)
            .max(1e8)
            .describe('Commuters coming in less those going out, people, −100,000,000 to 100,000,000.'),
          source: z.string().min(1).describe('Where the figure comes from.'),
        }),
      )
      .max(64)
      .optional()
      .describe(
        "Regions whose jobs are scaled to total their resident workers plus this net inflow; the other zones' jobs share the rest of the workers' total.",
      ),
    thetaPerMinute: perMinute('Logit scale θ').optional(),
    constants: z
      .strictObject(
        Object.fromEntries(
          DEMAND_MODES.map((m) => [
            m,
            z.number().min(-20).max(20).optional().describe(`Constant of ${m}, utility units, −20 to 20.`),
          ]),
        ),
      )
      .optional()
      .describe('Mode constants of the logit (utility units).'),
    car: car.optional().describe('The car: distance × detour ÷ congested speed, access and parking.'),
  })
  .describe(
    'Demand (DESIGN.md §3.1): workers, gravity distribution and its calibration, mode choice and the car; defaults and sources in networks/README.md.',
  );
