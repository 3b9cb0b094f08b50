/**
 * One size of the compile scenario, in a process of its own so its heap and peak memory
 * are its own: `compileChild.ts <forums> <runs> <generate|compile>`. Prints one JSON line.
 * `generate` only builds the input (the memory baseline); `compile` also compiles it,
 * once untimed (the JIT's warm-up), then `runs` times, with a previous meeting's
 * snapshot, as the compile job does. Each run records wall-clock and CPU time (user +
 * system of this process): on a shared machine CPU time is what the compile costs.
 */
import { compileLagesbild } from '../../src/domain/lagesbild/compile.js';
import { genInput, rng } from '../unit/domain/lagesbild/generators.js';

const [forumsArg, runsArg, mode] = process.argv.slice(2);
const forums = Number(forumsArg);
const runs = Number(runsArg ?? 5);
const size = { forums, districts: 10, questionsPerAnswer: 5, answerRate: 1, maxVersions: 1 };
const previousInput = genInput(rng(1), { ...size, meeting: { id: '2026-1', date: '2026-03-10' } });
const input = genInput(rng(2), size);

const cpuMs = (since: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1000;
};
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor((v.length - 1) / 2)] ?? NaN;

const wall: number[] = [];
const cpu: number[] = [];
const roundTrips: number[] = [];
if (mode === 'compile') {
  const full = { ...input, previous: compileLagesbild({ ...previousInput, forums: input.forums }) };
  compileLagesbild(full);
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const c = process.cpuUsage();
    compileLagesbild(full);
    cpu.push(cpuMs(c));
    wall.push(performance.now() - t);
    // Baseline: touch every byte of the same input once (serialise and parse it back).
    const r = process.cpuUsage();
    JSON.parse(JSON.stringify(full));
    roundTrips.push(cpuMs(r));
  }
}
console.log(
  JSON.stringify({
    forums,
    questions: input.answers.reduce((n, a) => n + a.answer.questions.length, 0),
    inputBytes: Buffer.byteLength(JSON.stringify(input)),
    cpuMs: median(cpu),
    wallMs: median(wall),
    cpuRunsMs: cpu,
    roundTripCpuMs: median(roundTrips),
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
  }),
);
