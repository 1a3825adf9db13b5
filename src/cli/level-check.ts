/**
 * What `convblocks check` proves about a level, as plain logic: which networks it trains on which
 * seeds, and the verdict on each run. The reference and every star's proof must win on every
 * checked seed (a proof also earning its star); every trap must lose on every one.
 */
import {
  inferShapes,
  type LayerSpec,
  type LevelSpec,
  type LimitBreach,
  levelNetworkTraining,
  levelTraining,
  limitBreaches,
  meetsStar,
  missedStarText,
  plural,
  provingSeeds,
  reachesGoal,
  type StarLimit,
  starLimit,
  starRuleText,
  type TrainingSpec,
} from '../spec';

/** One network the check trains on a level. */
export interface CheckedNetwork {
  readonly role: 'reference' | 'trap' | 'proof';
  /** How the table and the failures name it: "reference", `trap "..."`, "star 2 (at most 100 parameters)". */
  readonly name: string;
  readonly layers: readonly LayerSpec[];
  /** Its training settings; the seed is replaced by each checked seed. */
  readonly training: TrainingSpec;
  /** The star rule a proof must earn. */
  readonly rule?: StarLimit;
}

/** What one training run of a checked network did. */
export interface SeedRun {
  readonly seed: number;
  readonly testAccuracy: number;
  readonly trainAccuracy: number;
  /** Steps from fresh weights when the network was judged. */
  readonly steps: number;
  readonly diverged: boolean;
}

/** The verdict on one run. */
export interface RunVerdict {
  readonly ok: boolean;
  /** Why it failed, in words that follow the network's name ("reaches the goal on seed 3: ..."). */
  readonly why?: string;
}

/** The seeds a level is checked on: its own training seed and 1 to 5, in order, each once. */
export function checkedSeeds(level: LevelSpec): number[] {
  return provingSeeds(levelTraining(level).seed).sort((a, b) => a - b);
}

/** The networks the check trains on `level`: the reference, each star's proof, each trap. */
export function checkedNetworks(level: LevelSpec): CheckedNetwork[] {
  const networks: CheckedNetwork[] = [];
  if (level.reference) {
    networks.push({
      role: 'reference',
      name: 'reference',
      layers: level.reference.layers,
      training: level.reference.training,
    });
  }
  level.stars.forEach((star, i) => {
    if (!star.proof) return;
    const rule = starLimit(star);
    networks.push({
      role: 'proof',
      name: `star ${i + 2} (${starRuleText(rule)})`,
      layers: star.proof.layers,
      training: levelNetworkTraining(level, star.proof),
      rule,
    });
  });
  for (const trap of level.traps) {
    networks.push({
      role: 'trap',
      name: `trap "${trap.idea}"`,
      layers: trap.layers,
      training: levelNetworkTraining(level, trap),
    });
  }
  return networks;
}

const percent = (x: number) => `${(100 * x).toFixed(1)}%`;

/**
 * The level's limits a network breaks, in words, or null: a reference or a proof a player could not
 * build proves nothing about the game.
 */
export function limitProblem(level: LevelSpec, layers: readonly LayerSpec[]): string | null {
  const breaches = limitBreaches(layers, inferShapes(level.input, layers).totalParams, level.limits);
  const ofKind = <K extends LimitBreach['kind']>(kind: K) =>
    breaches.filter((b): b is Extract<LimitBreach, { kind: K }> => b.kind === kind);
  const [banned] = ofKind('not-allowed');
  if (banned) return `it uses a ${banned.type} block, which the level does not offer`;
  const [many] = ofKind('too-many-of-kind');
  if (many) return `it has ${plural(many.count, `${many.type} block`)}, more than the level's ${many.most}`;
  const big = ofKind('filter-too-big');
  if (big[0]) {
    // The largest filter over the cap: the one to shrink most.
    const largest = Math.max(...big.map((b) => b.size));
    return `it has a ${largest}x${largest} filter, larger than the level's ${big[0].cap}x${big[0].cap}`;
  }
  const [long] = ofKind('too-many-layers');
  if (long) return `it has ${plural(long.count, 'block')}, more than the level's ${long.most}`;
  const [heavy] = ofKind('too-many-params');
  if (heavy) return `it has ${heavy.params} parameters, more than the level's ${heavy.most}`;
  return null;
}

/** The verdict on one run of `network`: whether it did what its role asks. */
export function runVerdict(level: LevelSpec, network: CheckedNetwork, run: SeedRun): RunVerdict {
  const won = !run.diverged && reachesGoal(level, run.testAccuracy);
  const scores = `test ${percent(run.testAccuracy)} (goal ${percent(level.goal.testAccuracy)}), train ${percent(run.trainAccuracy)}, ${run.steps} steps`;
  const where = `on seed ${run.seed}: ${scores}`;
  if (network.role === 'trap') {
    return won ? { ok: false, why: `reaches the goal ${where}: the wrong idea wins` } : { ok: true };
  }
  if (!won) {
    const what = run.diverged ? 'the loss blew up' : 'misses the goal';
    return { ok: false, why: `${what} ${where}` };
  }
  if (network.rule) {
    const attempt = {
      params: inferShapes(level.input, network.layers).totalParams,
      steps: run.steps,
      layers: network.layers.length,
    };
    if (!meetsStar(network.rule, attempt)) {
      return {
        ok: false,
        why: `reaches the goal but not the star ${where}: ${missedStarText(network.rule, attempt)}`,
      };
    }
  }
  return { ok: true };
}

/** What the verdict column says of a network's runs. */
function verdictWords(network: CheckedNetwork, runs: readonly SeedRun[], failed: number): string {
  const passed = runs.length - failed;
  if (network.role === 'trap')
    return failed ? `BAD wins ${failed}/${runs.length}` : `ok loses ${passed}/${runs.length}`;
  const what = network.role === 'proof' ? 'earns the star' : 'wins';
  return failed ? `BAD ${what} ${passed}/${runs.length}` : `ok ${what} ${passed}/${runs.length}`;
}

/** A level's table and the failures it found, each a line naming the level, the network, the seed and the accuracy. */
export interface LevelReport {
  readonly lines: readonly string[];
  readonly failures: readonly string[];
}

/**
 * The table of one level: a row per network (reference, each star's proof, each trap), a column per
 * checked seed with its hidden-test accuracy (and the steps, for a star on steps), and a verdict.
 * A cell that broke its network's rule is marked with "!", its verdict with "BAD" (stdout holds
 * results; the FAIL lines go to stderr).
 */
export function levelReport(
  level: LevelSpec,
  networks: readonly CheckedNetwork[],
  runs: readonly (readonly SeedRun[])[],
): LevelReport {
  const failures: string[] = [];
  const seeds = runs[0]?.map((r) => r.seed) ?? [];
  const nameWidth = Math.max(7, ...networks.map((n) => n.name.length));
  const cellWidth = 13;
  const header = [
    'network'.padEnd(nameWidth),
    ...seeds.map((s) => `seed ${s}`.padStart(cellWidth)),
    '  verdict',
  ];
  const rows = networks.map((network, i) => {
    const own = runs[i] ?? [];
    let failed = 0;
    const cells = own.map((run) => {
      const verdict = runVerdict(level, network, run);
      if (!verdict.ok) {
        failed++;
        failures.push(`${level.id}: ${network.name} ${verdict.why}`);
      }
      const steps = network.rule && 'maxSteps' in network.rule ? ` @${run.steps}` : '';
      const mark = verdict.ok ? ' ' : '!';
      return `${run.diverged ? 'blew up' : percent(run.testAccuracy)}${steps}${mark}`.padStart(cellWidth);
    });
    return [network.name.padEnd(nameWidth), ...cells, `  ${verdictWords(network, own, failed)}`].join('');
  });
  const title = `${level.id}: goal ${percent(level.goal.testAccuracy)} on ${plural(level.test.length, 'hidden test picture')}`;
  return { lines: [title, `  ${header.join('')}`, ...rows.map((row) => `  ${row}`)], failures };
}
