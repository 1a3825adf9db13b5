/**
 * Runs the storage and link corpus and the second corpus of issue 18, and prints the table the
 * issue asks for: inputs tried, refused with a message, safely opened, hung, data lost. "Hung" is
 * an input that took over HUNG_MS to be answered (reported, not asserted: the machine may be busy;
 * a real hang would hold the test past its time-out and fail it).
 */
import { describe, expect, it } from 'vitest';
import { LONG_TEST_MS } from '../fixtures/long-test';
import { type HostileCase, type Outcome, STORAGE_CORPUS } from '../storage/hostile-corpus';
import { MORE_CORPUS } from './more-corpus';
import { PACK_CORPUS } from './pack-corpus';

const HUNG_MS = 10_000;

interface Row {
  readonly corpus: string;
  readonly name: string;
  readonly outcome: Outcome;
  readonly ms: number;
}

async function tryAll(corpus: string, cases: readonly HostileCase[]): Promise<Row[]> {
  const rows: Row[] = [];
  for (const hostile of cases) {
    const started = performance.now();
    const outcome = await hostile.run();
    rows.push({ corpus, name: hostile.name, outcome, ms: performance.now() - started });
  }
  return rows;
}

function table(rows: readonly Row[]): string {
  const groups = [...new Set(rows.map((r) => r.corpus)), 'all'];
  const lines = [
    '| corpus | inputs tried | refused with a message | safely opened | hung | data lost | slowest |',
  ];
  lines.push('|---|---|---|---|---|---|---|');
  for (const group of groups) {
    const of = rows.filter((r) => group === 'all' || r.corpus === group);
    const count = (kind: Outcome['kind']) => of.filter((r) => r.outcome.kind === kind).length;
    const slowest = Math.max(...of.map((r) => r.ms));
    lines.push(
      `| ${group} | ${of.length} | ${count('refused')} | ${count('kept')} | ${of.filter((r) => r.ms > HUNG_MS).length} | ${count('lost')} | ${(slowest / 1000).toFixed(1)} s |`,
    );
  }
  return lines.join('\n');
}

describe('the hostile corpora', { timeout: LONG_TEST_MS }, () => {
  it('refuse every input with a message or open it safely, losing nothing', async () => {
    const rows = [
      ...(await tryAll('storage and links (on main)', STORAGE_CORPUS)),
      ...(await tryAll('second corpus (this file)', MORE_CORPUS)),
      ...(await tryAll('packs and result files', PACK_CORPUS)),
    ];
    console.log(`${table(rows)}\n`);
    for (const row of rows) {
      console.log(
        `${row.corpus} | ${row.name} | ${row.outcome.kind} | ${Math.round(row.ms)} ms | ${'message' in row.outcome ? row.outcome.message.slice(0, 160) : row.outcome.detail}`,
      );
    }
    expect(MORE_CORPUS.length).toBeGreaterThanOrEqual(40);
    expect(rows.filter((r) => r.outcome.kind === 'lost')).toEqual([]);
  });
});
