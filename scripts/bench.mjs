// `npm run bench`: the engine against its peers, one table (bench/bench.ts, bundled on first use).
import { bundleAndImport } from './bundle.mjs';

const { runBenchmark } = await bundleAndImport('bench/bench.ts', 'bench', ['src', 'bench', 'tests/fixtures']);
await runBenchmark(process.argv.slice(2));
