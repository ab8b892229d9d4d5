import { MAX_GRADE } from '../rules';
import type { HousingEstate } from '../dataset';
import type { ProjectionSettings } from '../scenarioRules';
import { estateRamp, type DemandCell } from './components';
import { normalFrom, seededRandom } from '../random';
import { TIERS, tierOf, type Tier, type WarningSpreads } from './settings';
import { ratioOf, type DemandRange, type WarningBase } from './warning';

/** The uncertain inputs of one draw. */
export interface DrawInputs {
  /** Factor on every entrant (the drawn entry rate ÷ the scenario's). */
  entry: number;
  /** Progression ratio of each grade g (index g, 2..9). */
  progression: Float64Array;
  /** Factor on pupils per new household. */
  perHousehold: number;
  /** Years each estate fills later (negative: earlier). */
  fillShift: Float64Array;
}

/**
 * Draws the inputs of one draw around the scenario's own values (see WarningSpreads): always the
 * same count of numbers from `random`, in the same order, so a seed fixes every draw.
 */
export function drawInputs(random: () => number, spreads: WarningSpreads, settings: ProjectionSettings, estates: number): DrawInputs {
  const entry = Math.max(0, 1 + spreads.entryRate * normalFrom(random));
  const progression = new Float64Array(MAX_GRADE + 1);
  for (let g = 2; g <= MAX_GRADE; g++) progression[g] = Math.max(0, (settings.progression[g] ?? 1) + spreads.progression * normalFrom(random));
  const perHousehold = Math.max(0, 1 + spreads.perHousehold * normalFrom(random));
  const fillShift = new Float64Array(estates);
  for (let h = 0; h < estates; h++) fillShift[h] = spreads.fillYears * normalFrom(random);
  return { entry, progression, perHousehold, fillShift };
}

/** The product of progression ratios from grade g0 to g (1 when g0 = g). */
function carried(progression: ArrayLike<number>, g0: number, g: number): number {
  let product = 1;
  for (let x = g0 + 1; x <= g; x++) product *= progression[x];
  return product;
}

/** What a draw multiplies each term by: computed once per draw, used for every cell. */
export interface DrawFactors {
  /** moveUp[g * GRADES + g0]: pupils of grade g0 reaching grade g, drawn ÷ the scenario's own. */
  moveUp: Float64Array;
  /** entrants[g]: entrants reaching grade g (entry factor × their progression from grade 1). */
  entrants: Float64Array;
  /** ramp[(year − firstYear) * H + h]: estate h's pupils in a year from `firstYear` on (household factor × the moved ramp). */
  ramp: Float64Array;
  firstYear: number;
}

const GRADES = MAX_GRADE + 1;

/** The factors of a draw for the years firstYear … lastYear (see DrawFactors). */
export function computeDrawFactors(draw: DrawInputs, own: ArrayLike<number>, estates: readonly HousingEstate[], firstYear: number, lastYear: number): DrawFactors {
  const moveUp = new Float64Array(GRADES * GRADES);
  const entrants = new Float64Array(GRADES);
  for (let g = 1; g <= MAX_GRADE; g++) {
    for (let g0 = 1; g0 <= g; g0++) {
      const mine = carried(own, g0, g);
      moveUp[g * GRADES + g0] = mine === 0 ? 0 : carried(draw.progression, g0, g) / mine;
    }
    entrants[g] = draw.entry * moveUp[g * GRADES + 1];
  }
  const H = estates.length;
  const ramp = new Float64Array((lastYear - firstYear + 1) * H);
  for (let y = firstYear; y <= lastYear; y++) {
    for (let h = 0; h < H; h++) ramp[(y - firstYear) * H + h] = draw.perHousehold * estateRamp(y, estates[h].firstYear + draw.fillShift[h], estates[h].rampYears);
  }
  return { moveUp, entrants, ramp, firstYear };
}

/**
 * A cell's demand in a draw (whole pupils, ≥ 0): each term of the projection scaled by the ratio of
 * the drawn to the scenario's own value of its input — pupils moving up by their progression from
 * their grade, entrants by the entry factor and their progression from grade 1, estates by the
 * household factor and their ramp with the fill year moved (DrawFactors) — then rounded, plus the
 * cell's adjustment. At the scenario's own values it is the projection's count.
 */
export function computeDrawDemand(cell: DemandCell, f: DrawFactors): number {
  const { terms, grade } = cell;
  let sum = terms.entrants * f.entrants[grade];
  const row = grade * GRADES;
  for (let g0 = 1; g0 <= grade; g0++) sum += terms.movingUp[g0] * f.moveUp[row + g0];
  const H = terms.estates.length;
  const at = (cell.year - f.firstYear) * H;
  for (let h = 0; h < H; h++) sum += terms.estates[h] * f.ramp[at + h];
  return Math.max(0, Math.round(sum) + terms.adjustment);
}

/** The scenario's own progression ratios by grade (index g; missing grades 1). */
export function ownProgression(settings: ProjectionSettings): Float64Array {
  const own = new Float64Array(MAX_GRADE + 1).fill(1);
  for (let g = 2; g <= MAX_GRADE; g++) own[g] = settings.progression[g] ?? 1;
  return own;
}

/** A ranges simulation in progress: `step` runs more draws, `finish` fills each row's range. */
export interface RangesRun {
  readonly total: number;
  readonly done: number;
  /** Runs up to `count` more draws; returns the draws done so far. */
  step(count: number): number;
  /** Puts the range on every row with places (after all draws). */
  finish(): void;
}

/**
 * The seeded simulation behind the warning's ranges: `draws` draws of the uncertain inputs
 * (drawInputs, seeded by `seed`), each giving every cell's demand (computeDrawDemand). Each row
 * then gets P10 / P50 / P90 of its demand (nearest rank: the ⌈p·n⌉-th smallest) and the share of
 * draws in each tier at its planned intake. Runs in steps, so a caller can report progress and stop.
 */
export function createRangesRun(base: WarningBase, settings: ProjectionSettings, estates: readonly HousingEstate[], spreads: WarningSpreads, draws: number, seed: number): RangesRun {
  const { cells } = base.components;
  const own = ownProgression(settings);
  const random = seededRandom(seed);
  const demand = new Float64Array(cells.length * draws);
  let done = 0;
  const years = cells.map((c) => c.year);
  const firstYear = Math.min(...years);
  const lastYear = Math.max(...years);
  return {
    total: draws,
    get done() {
      return done;
    },
    step(count) {
      const end = Math.min(draws, done + count);
      for (; done < end; done++) {
        const factors = computeDrawFactors(drawInputs(random, spreads, settings, estates.length), own, estates, firstYear, lastYear);
        for (let c = 0; c < cells.length; c++) demand[c * draws + done] = computeDrawDemand(cells[c], factors);
      }
      return done;
    },
    finish() {
      base.rows.forEach((row, c) => {
        const sorted = demand.slice(c * draws, c * draws + done).sort();
        const rank = (p: number) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)];
        const counts = [0, 0, 0];
        if (row.intake) {
          const places = row.intake.places;
          for (let i = 0; i < sorted.length; i++) counts[TIERS.indexOf(tierOf(ratioOf(sorted[i], places), base.settings))]++;
        }
        const likelihood = { green: counts[0] / sorted.length, yellow: counts[1] / sorted.length, red: counts[2] / sorted.length } satisfies Record<Tier, number>;
        row.range = { p10: rank(0.1), p50: rank(0.5), p90: rank(0.9), likelihood } satisfies DemandRange;
      });
    },
  };
}
