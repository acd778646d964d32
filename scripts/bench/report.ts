/**
 * The benchmark's table: each figure's median, its ratio to the floor of the same run, its peak
 * memory and the target it is held to, as Markdown for the terminal and for BENCHMARKS.md (where
 * each scale has its own section between markers, and everything else is kept as written).
 */
import type { ScaleName } from './synthetic/organisation.ts';
import type { SyntheticTree } from './synthetic/tree.ts';

export interface Figure {
  /** Stable id: floor, peer, cold, warm, changed, docs, now, now-after-load, calendar, approvals, pagerduty-plan, help. */
  id: string;
  name: string;
  /** Median seconds. */
  seconds: number;
  /** Largest peak RSS of the runs, in MB. */
  peakMb?: number;
  runs: number;
  /** Measured inside a process (no start-up, no loading), not as a process of its own. */
  inProcess?: boolean;
  /** Exit codes that are not failures (approvals exits 1 when approvals are missing). */
  exitCodesAllowed?: number[];
}

export interface Machine {
  cores: number;
  memoryGb: number;
  cpu: string;
  node: string;
  platform: string;
}

interface Target {
  text: string;
  met: boolean;
}

/** Memory every command of the toolkit stays under, at any scale. */
const MEMORY_MB = 400;

function targetsOf(figure: Figure, scale: ScaleName, floor: number, peer: number | undefined): Target[] {
  const ratio = figure.seconds / floor;
  const out: Target[] = [];
  const large = scale === 'large';
  switch (figure.id) {
    case 'cold':
      if (large) out.push({ text: '<= 0.7x floor', met: ratio <= 0.7 });
      else out.push({ text: '< 0.5 s', met: figure.seconds < 0.5 });
      break;
    case 'warm':
      if (large) out.push({ text: '< 0.1x floor', met: ratio < 0.1 });
      else out.push({ text: '< 0.5 s', met: figure.seconds < 0.5 });
      if (peer !== undefined) out.push({ text: '< peer', met: figure.seconds < peer });
      break;
    case 'changed':
      if (large) out.push({ text: '< 0.05x floor', met: ratio < 0.05 });
      if (peer !== undefined) out.push({ text: '< peer', met: figure.seconds < peer });
      break;
    case 'docs':
      if (large) out.push({ text: '< 1.5x floor', met: ratio < 1.5 });
      break;
    case 'now-after-load':
      out.push({ text: '< 50 ms', met: figure.seconds < 0.05 });
      break;
    case 'help':
      out.push({ text: '< 200 ms', met: figure.seconds < 0.2 });
      break;
    case 'pagerduty-plan':
      // Within PagerDuty's rate limit: fewer than 960 requests, all sent within the minute.
      out.push({ text: '< 60 s (one rate-limit minute)', met: figure.seconds < 60 });
      break;
  }
  if (large && figure.peakMb !== undefined && !['floor', 'peer'].includes(figure.id)) out.push({ text: `< ${MEMORY_MB} MB`, met: figure.peakMb < MEMORY_MB });
  return out;
}

const START = (scale: ScaleName) => `<!-- bench:${scale}:start -->`;
const END = (scale: ScaleName) => `<!-- bench:${scale}:end -->`;

export function renderBenchmarks(input: {
  scale: ScaleName;
  seed: string;
  tree: SyntheticTree;
  figures: readonly Figure[];
  machine: Machine;
  command: string;
  date: string;
  reps: number;
}): { text: string; into: (document: string) => string } {
  const floor = input.figures.find((f) => f.id === 'floor')!.seconds;
  const peer = input.figures.find((f) => f.id === 'peer')?.seconds;
  const rows = input.figures.map((figure) => {
    const targets = targetsOf(figure, input.scale, floor, peer);
    const verdict = targets.map((t) => `${t.met ? 'met' : '**missed**'} (${t.text})`).join(', ');
    const ratio = figure.inProcess ? '-' : `${(figure.seconds / floor).toFixed(3)}x`;
    const seconds = figure.seconds < 1 ? figure.seconds.toFixed(3) : figure.seconds.toFixed(2);
    return `| ${figure.name} | ${seconds} | ${ratio} | ${figure.peakMb !== undefined ? figure.peakMb.toFixed(0) : '-'} | ${verdict || '-'} |`;
  });
  const m = input.machine;
  const lines = [
    START(input.scale),
    `### Scale ${input.scale}: ${input.tree.files.toLocaleString('en')} files, ${(input.tree.bytes / 1e6).toFixed(1)} MB (seed ${input.seed})`,
    '',
    `Measured ${input.date} on ${m.cores} cores (${m.cpu}), ${m.memoryGb.toFixed(1)} GB memory, Node.js ${m.node} (${m.platform}); median of ${input.reps} runs, each its own process. Command: \`${input.command}\`.`,
    '',
    '| figure | median s | vs floor | peak MB | target |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    END(input.scale),
  ];
  const text = lines.join('\n');
  return {
    text,
    into(document: string) {
      const start = document.indexOf(START(input.scale));
      const end = document.indexOf(END(input.scale));
      if (start >= 0 && end > start) return `${document.slice(0, start)}${text}${document.slice(end + END(input.scale).length)}`;
      return `${document.trimEnd()}\n\n${text}\n`;
    },
  };
}
