/**
 * The fast YAML path (the plain reader, no Document) must be indistinguishable from `parseYaml`:
 * whenever it answers, `parseYaml` gives the same value (types and key order included) and no
 * diagnostics. Checked here on real texts: every data file of the fixture organisation (also with
 * CRLF line ends), every text the bad-input fixtures write, a corpus of tricky scalars, and
 * thousands of deterministic random mutations of real files. tests/repo/plain-yaml.property.test.ts
 * checks it on documents generated from the reader's grammar.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { seededRandom, type Random } from '../../scripts/bench/prng.ts';
import { listDataFiles } from '../../scripts/repo/read-repository.ts';
import { splitFrontMatter } from '../../scripts/repo/front-matter.ts';
import { mayHoldTightComment, parseYamlFast } from '../../scripts/repo/lazy-yaml.ts';
import { isNode, visit, type Document } from 'yaml';
import { firstDifference } from '../../scripts/repo/first-difference.ts';
import { plainYamlValue } from '../../scripts/repo/plain-yaml.ts';
import { parseYaml } from '../../scripts/repo/parse-yaml.ts';
import { parsePostmortemBody, readPostmortemBody } from '../../scripts/postmortems/markdown.ts';
import { readSimpleBody } from '../../scripts/postmortems/simple-body.ts';
import { generateOrganisation, SCALES } from '../../scripts/bench/synthetic/organisation.ts';
import { DateTime } from 'luxon';
import { findPersonMentions, foldDiacritics, nameMatcher, usedAsPerson } from '../../scripts/incidents/person-mentions.ts';
import { rfc3339Millis } from '../../scripts/time/rfc3339.ts';
import { handoffClock } from '../../scripts/schedule/handoffs.ts';
import { wallClockInstant } from '../../scripts/schedule/local-time.ts';
import type { SchemaTypes } from '../../scripts/types/schema-types.ts';
import { loadFixtures } from '../validate/fixture-cases.ts';
import { FIXTURE_ROOT } from '../support/repo.ts';
import { loadRuleLibraries } from '../../scripts/check/rule-libraries.ts';

// Checked directly (not through the pipeline, which loads it when a post-mortem needs it).
await loadRuleLibraries({ markdown: true, secrets: true });

/** The YAML part of a data file (a post-mortem's front matter). */
function yamlOf(path: string, text: string): string {
  if (!path.endsWith('.md')) return text;
  return splitFrontMatter(text).frontMatter ?? '';
}

async function exampleTexts(): Promise<string[]> {
  const { paths } = await listDataFiles(FIXTURE_ROOT);
  return paths.map((path) => yamlOf(path, readFileSync(join(FIXTURE_ROOT, path), 'utf8')));
}

/** Every text the fixtures write or splice in: whole files, and example files with a replacement made. */
function fixtureTexts(example: Map<string, string>): string[] {
  const out: string[] = [];
  for (const folder of ['invalid', 'valid', 'pending'] as const) {
    for (const fixture of loadFixtures(folder)) {
      for (const edit of fixture.edits) {
        if ('content' in edit) out.push(yamlOf(edit.file, edit.content));
        if ('base64' in edit) out.push(yamlOf(edit.file, Buffer.from(edit.base64, 'base64').toString('utf8')));
        if ('replace' in edit) {
          const base = example.get(edit.file);
          if (base !== undefined) out.push(yamlOf(edit.file, base.replace(edit.replace, edit.with)));
        }
        if ('lineEnds' in edit) {
          const base = example.get(edit.file);
          if (base !== undefined) out.push(yamlOf(edit.file, base.replace(/\r?\n/g, edit.lineEnds === 'crlf' ? '\r\n' : '\r')));
        }
      }
    }
  }
  return out;
}

const SCALARS = [
  '0', '-0', '+0', '00', '007', '0o17', '0o8', '0x1F', '0X1F', '0xg', '0b101', '1_000', '1e3', '1E3', '1e+3', '1.', '.5', '-.5', '+.5e-2',
  '1.0', '3.14', '6.02e23', '.inf', '-.Inf', '+.INF', '.nan', '.NaN', 'nan', 'inf', '123456789012345678901234567890', '9007199254740993',
  'true', 'True', 'TRUE', 'tRUE', 'false', 'yes', 'no', 'on', 'off', 'y', 'n', 'null', 'Null', 'NULL', 'nULL', '~', '',
  '09:00', '9:00', '12:30:45', '2026-10-14', '2026-10-14T09:42:00+02:00', '2026-10-14 09:42:00', '1:2', 'a:b', 'a: b',
  '"quoted"', "'single'", '"esc \\t \\n \\\\ \\" \\u00e9 \\x41 \\U0001F600"', "'it''s'", '"line\\\n  continued"', '"\\N\\_\\L\\P"',
  'plain # comment', 'plain#nocomment', 'a  b', 'trailing ', '@at', '`tick', '%pct', '&anchor', '*alias', '!tag', '|', '>', '-', '--', '---', '...',
  'b: c', '&x b: c', '&x', '[1, 2]', '{a: 1}', '[a, [b, {c: [d]}]]', '{ "q": 1, \'s\': 2 }', '[]', '{}', '[a,]', '{a: }', 'é', 'ünïcødé', '日本語', '😀', '\u00a0nbsp',
  'a #tight', 'a #', 'a # spaced', '"q" #tight', '[a] #tight', '{a: b} #x', 'a#b', '"x #y"', "'x #y'", '#lead', '# lead',
  ' \u00a0lead', 'trail\u00a0', '\u3000ideographic', 'form\ffeed', 'v\vtab', '\ufeffbom',
];

function scalarCases(): string[] {
  const out: string[] = [];
  for (const s of SCALARS) {
    out.push(`key: ${s}\n`, `- ${s}\n`, `list: [${s}]\n`, `map: {k: ${s}}\n`, `${s}: value\n`, `outer:\n  inner: ${s}\n  other: x\n`);
    out.push(`...\nkey: ${s}\n`, `---\nkey: ${s}\n`, `key: ${s}\n...\n`, `key: ${s}\n---\nother: x\n`);
    out.push(`text: |\n  ${s}\n  second line\n`, `text: >-\n  ${s}\n  folded\n\n  para\n`, `multi: first\n  ${s}\n  third\n`);
  }
  return out;
}

const ALPHABET = [' #x', '#y', ' ', '  ', '\n', '\n  ', ':', ': ', '- ', '-', '#', ' #', '"', "'", '[', ']', '{', '}', ',', '|', '>', '&a ', '*a', '!', '?', '%', '@', '`', '\\', '.', '~', '0', '1', 'x', 'é', '\t', '\r\n', '\r', '<<: ', '---\n', '...\n', '\u2028', '\u0085', '\ufeff', '\u00a0', '\f', '\v', '\u3000'];

function mutate(random: Random, text: string): string {
  let out = text;
  const edits = random.int(1, 3);
  for (let e = 0; e < edits; e++) {
    const at = random.int(0, out.length);
    switch (random.int(0, 5)) {
      case 0:
        out = out.slice(0, at) + random.pick(ALPHABET) + out.slice(at);
        break;
      case 1:
        out = out.slice(0, at) + out.slice(at + random.int(1, 4));
        break;
      case 2:
        out = out.slice(0, at) + random.pick(ALPHABET) + out.slice(at + 1);
        break;
      case 3: {
        // Duplicate a line: duplicate keys, repeated list items.
        const lines = out.split('\n');
        const i = random.int(0, lines.length - 1);
        lines.splice(i, 0, lines[i]!);
        out = lines.join('\n');
        break;
      }
      case 4: {
        // Re-indent a line.
        const lines = out.split('\n');
        const i = random.int(0, lines.length - 1);
        lines[i] = random.chance(0.5) ? ` ${lines[i]}` : lines[i]!.replace(/^ /, '');
        out = lines.join('\n');
        break;
      }
      default:
        out = out.slice(0, at);
    }
  }
  return out;
}

/** Every comment line of the Document that starts right after its "#" (what yaml-comment-in-text looks at). */
function tightComments(doc: Document): string[] {
  const found: string[] = [];
  const note = (comment: string | null | undefined) => {
    for (const line of comment?.split('\n') ?? []) if (line !== '' && !/^\s/.test(line)) found.push(line);
  };
  note(doc.comment);
  note(doc.commentBefore);
  visit(doc, (_key, node) => {
    if (isNode(node)) {
      note(node.comment);
      note(node.commentBefore);
    }
  });
  return found;
}

/** The failure message for a text the fast path answers differently from parseYaml, or undefined. */
function disagreement(text: string): string | undefined {
  const fast = plainYamlValue(text);
  if (fast === undefined) return undefined;
  const full = parseYaml(text, 'file.yaml');
  if (full.diagnostics.length > 0) return `fast path accepted a text parseYaml reports: ${JSON.stringify(full.diagnostics.map((d) => d.message))}\n${JSON.stringify(text)}`;
  const difference = firstDifference(fast, full.value);
  if (difference) return `values differ at ${JSON.stringify(difference.path)}:\nfast ${JSON.stringify(difference.left)}\nfull ${JSON.stringify(difference.right)}\n${JSON.stringify(text)}`;
  // A text the fast path says has no comment starting right after its "#" must have none.
  if (!mayHoldTightComment(parseYamlFast(text, 'file.yaml'))) {
    const tight = tightComments(full.doc!);
    if (tight.length > 0) return `fast path missed comments ${JSON.stringify(tight)}\n${JSON.stringify(text)}`;
  }
  return undefined;
}

describe('the fast YAML path', () => {
  it('agrees with parseYaml on every fixture data file, and reads every one', async () => {
    const texts = await exampleTexts();
    expect(texts.length).toBeGreaterThan(10);
    for (const text of texts) {
      expect(disagreement(text)).toBeUndefined();
      expect(plainYamlValue(text), text.slice(0, 80)).toBeDefined();
    }
  });

  it('reads a CRLF checkout as it reads the LF one, and leaves lone CRs to yaml', async () => {
    const texts = await exampleTexts();
    for (const text of texts) {
      const crlf = text.replace(/\n/g, '\r\n');
      expect(disagreement(crlf)).toBeUndefined();
      const lf = plainYamlValue(text);
      if (lf !== undefined) expect(firstDifference(plainYamlValue(crlf), lf), text.slice(0, 80)).toBeUndefined();
      expect(plainYamlValue(text.replace(/\n/g, '\r'))).toBeUndefined();
    }
  });

  it('reads every file of the synthetic organisation', async () => {
    const { paths } = await listDataFiles(FIXTURE_ROOT);
    const example = new Map(paths.map((p) => [p, readFileSync(join(FIXTURE_ROOT, p), 'utf8')]));
    const synthetic = generateOrganisation(example, 'fast-path', SCALES.small);
    expect(synthetic.files.size).toBeGreaterThan(500);
    for (const [path, text] of synthetic.files) expect(plainYamlValue(yamlOf(path, text)), path).toBeDefined();
  });

  it('agrees with parseYaml on every text the bad-input fixtures write', async () => {
    const { paths } = await listDataFiles(FIXTURE_ROOT);
    const example = new Map(paths.map((p) => [p, readFileSync(join(FIXTURE_ROOT, p), 'utf8')]));
    const texts = fixtureTexts(example);
    expect(texts.length).toBeGreaterThan(40);
    for (const text of texts) expect(disagreement(text)).toBeUndefined();
  });

  it('agrees with parseYaml on tricky scalars in every position', () => {
    let taken = 0;
    for (const text of scalarCases()) {
      expect(disagreement(text)).toBeUndefined();
      if (plainYamlValue(text) !== undefined) taken++;
    }
    // The path must still be a fast path: many of these are ordinary YAML (those with document markers, block scalars or several lines are not taken).
    expect(taken).toBeGreaterThan(scalarCases().length * 0.2);
  });

  it('agrees with parseYaml on thousands of random mutations of real files', async () => {
    const texts = await exampleTexts();
    const random = seededRandom('fast-path-fuzz');
    const failures: string[] = [];
    let taken = 0;
    for (let i = 0; i < 4000; i++) {
      const text = mutate(random, random.pick(texts));
      const problem = disagreement(text);
      if (problem) failures.push(problem);
      if (plainYamlValue(text) !== undefined) taken++;
    }
    expect(failures.slice(0, 3)).toEqual([]);
    expect(taken).toBeGreaterThan(500);
  });

  it('refuses what parseYaml refuses before parsing: deep brackets and deep indentation', () => {
    const deepFlow = `a: ${'['.repeat(300)}${']'.repeat(300)}\n`;
    const deepBlock = `a:\n${Array.from({ length: 150 }, (_, i) => `${'  '.repeat(i + 1)}k${i}:`).join('\n')} x\n`;
    for (const text of [deepFlow, deepBlock]) expect(disagreement(text)).toBeUndefined();
  });

  it('builds the Document only when asked, with the positions parseYaml gives', () => {
    const text = 'id: x\nlist:\n  - a\n  - b\n';
    const lazy = parseYamlFast(text, 'f.yaml', { lineOffset: 1 });
    const full = parseYaml(text, 'f.yaml', { lineOffset: 1 });
    expect(lazy.value).toEqual(full.value);
    expect(lazy.diagnostics).toEqual([]);
    expect(lazy.doc?.toJS()).toEqual(full.doc?.toJS());
    expect(lazy.lineCounter.linePos(10)).toEqual(full.lineCounter.linePos(10));
  });
});

/** The body as the rules read it: everything but the syntax tree. */
function outline(body: ReturnType<typeof parsePostmortemBody>) {
  return {
    headings: body.headings,
    sections: body.sections.map((s) => ({ heading: s.heading, endLine: s.endLine, text: s.text })),
    startLine: body.startLine,
    endLine: body.endLine,
  };
}

function bodyDisagreement(text: string, startLine: number): string | undefined {
  const simple = readSimpleBody(text, startLine);
  if (!simple) return undefined;
  const full = outline(parsePostmortemBody(text, startLine));
  return isDeepStrictEqual(simple, full) ? undefined : `bodies differ:\nsimple ${JSON.stringify(simple)}\nfull ${JSON.stringify(full)}\n${JSON.stringify(text)}`;
}

const MARKDOWN_ALPHABET = [' ', '  ', '\n', '\n\n', '- ', '-', '#', '## ', '|', '| ', ' |', '*', '_', '`', '[', ']', '(', ')', '<', '>', '&', '\\', '1. ', '2)', '=', '===', '---', '    ', 'x', 'é', ':', '!', '~', '"', "'", '@', 'www.example.com', 'http://x.example', '\u00a0', '\t', '\r\n'];

describe('the simple Markdown reader', () => {
  async function bodies(): Promise<{ body: string; bodyStartLine: number }[]> {
    const { paths } = await listDataFiles(FIXTURE_ROOT);
    const example = new Map(paths.map((p) => [p, readFileSync(join(FIXTURE_ROOT, p), 'utf8')]));
    const synthetic = generateOrganisation(example, 'fast-path', SCALES.small);
    const texts = [...example.entries(), ...synthetic.files.entries()].filter(([p]) => p.endsWith('.md')).map(([, t]) => t);
    return texts.map((t) => splitFrontMatter(t));
  }

  it('agrees with the Markdown parser on every example and synthetic post-mortem, and takes the plain ones', async () => {
    const all = await bodies();
    expect(all.length).toBeGreaterThan(100);
    let taken = 0;
    for (const { body, bodyStartLine } of all) {
      expect(bodyDisagreement(body, bodyStartLine)).toBeUndefined();
      if (readSimpleBody(body, bodyStartLine)) taken++;
    }
    expect(taken).toBeGreaterThan(all.length * 0.9);
  });

  it('agrees with the Markdown parser on thousands of random mutations', async () => {
    const all = await bodies();
    const random = seededRandom('simple-body-fuzz');
    const failures: string[] = [];
    let taken = 0;
    for (let n = 0; n < 3000; n++) {
      const { body, bodyStartLine } = random.pick(all);
      let out = body;
      for (let e = random.int(1, 3); e > 0; e--) {
        const at = random.int(0, out.length);
        const lines = out.split('\n');
        switch (random.int(0, 4)) {
          case 0:
            out = out.slice(0, at) + random.pick(MARKDOWN_ALPHABET) + out.slice(at);
            break;
          case 1:
            out = out.slice(0, at) + out.slice(at + random.int(1, 3));
            break;
          case 2:
            lines.splice(random.int(0, lines.length - 1), 1);
            out = lines.join('\n');
            break;
          case 3:
            lines.splice(random.int(0, lines.length - 1), 0, random.pick(lines));
            out = lines.join('\n');
            break;
          default:
            out = out.slice(0, at);
        }
      }
      const problem = bodyDisagreement(out, bodyStartLine);
      if (problem) failures.push(problem);
      if (readSimpleBody(out, bodyStartLine)) taken++;
    }
    expect(failures.slice(0, 3)).toEqual([]);
    expect(taken).toBeGreaterThan(500);
  });

  it('still gives the syntax tree of a section when asked', () => {
    const text = '\n## Summary\n\nAll good.\n\n## Impact\n\n- One client\n';
    const body = readPostmortemBody(text, 10);
    expect(readSimpleBody(text, 10)).toBeDefined();
    expect(body.sections[1]!.content.map((node) => node.type)).toEqual(['list']);
    expect(outline(body)).toEqual(outline(parsePostmortemBody(text, 10)));
  });
});

describe('finding people named in text', () => {
  it('finds exactly what running every name form over the text finds', () => {
    const people = [
      { id: 'amara-okafor', name: 'Amara Okafor', github: 'amara-ok', timezone: 'UTC', team: 't', contacts: { slack: '@amara' } },
      { id: 'sam-osei', name: 'Sam Osei', github: 'SamO', timezone: 'UTC', team: 't', contacts: { slack: '@sam.o' } },
      { id: 'zoe-laurent', name: 'Zoë Laurent', github: 'zlaurent', timezone: 'UTC', team: 't', contacts: {} },
      { id: 'kai-strauss', name: 'Kai Strauß', github: 'kai-s', timezone: 'UTC', team: 't', contacts: { slack: '@kai' } },
    ];
    const matcher = nameMatcher(people as never);
    // Every form over the text without diacritics, single words only where used as a person, positions mapped back.
    const naive = (text: string) => {
      const folded = foldDiacritics(text);
      const back = (i: number) => (folded.origin.length === 0 ? i : folded.origin[i]!);
      const found: { person: string; text: string; index: number }[] = [];
      for (const form of matcher) {
        for (const m of folded.text.matchAll(form.regex)) {
          const at = m.index ?? 0;
          if (form.ambiguous && !usedAsPerson(folded.text, at, at + m[0].length)) continue;
          found.push({ person: form.person, text: text.slice(back(at), back(at + m[0].length)), index: back(at) });
        }
      }
      found.sort((a, b) => a.index - b.index || b.text.length - a.text.length);
      const kept: typeof found = [];
      for (const mention of found) {
        const last = kept[kept.length - 1];
        if (last && mention.index < last.index + last.text.length) continue;
        kept.push(mention);
      }
      return kept;
    };
    const pieces = ['forgot', 'the', 'by', 'Amara', 'amara', 'AMARA OKAFOR', 'Amara\u00a0Okafor', 'amara-okafor', '@amara', '@amara.', 'SAMO', 'samo', 'Sam', 'Sam Osei', '@sam.o', 'Zoë', 'zoë laurent', 'ZLAURENT', 'Kai', 'kai strauss', 'KAI STRAUß', 'ſam', '\u212aai', 'x', ' ', ', ', '-', '_', '@', 'é', '.', '\n'];
    const random = seededRandom('mentions');
    for (let n = 0; n < 3000; n++) {
      const text = Array.from({ length: random.int(1, 8) }, () => random.pick(pieces)).join(random.pick(['', ' ', '-', '. ']));
      const fast = findPersonMentions(text, matcher);
      const slow = naive(text);
      expect(fast, JSON.stringify(text)).toEqual(slow);
    }
  });
});

describe('reading record instants', () => {
  const luxon = (text: string) => {
    const parsed = DateTime.fromISO(text, { setZone: true });
    return parsed.isValid ? parsed.toMillis() : undefined;
  };

  it('gives the instant luxon gives, whenever it answers', () => {
    const fixed = [
      '2026-10-14T09:42:00+02:00', '2026-10-14T09:42+02:00', '2026-10-14T07:42:00Z', '2024-02-29T12:00:00Z', '2023-02-29T12:00:00Z',
      '2026-12-31T23:59:59-14:00', '2026-01-01T00:00:00+14:00', '2026-01-01T00:00:00+15:00', '2026-01-01T24:00:00Z', '2026-01-01T23:59:60Z',
      '2026-13-01T00:00:00Z', '2026-00-10T00:00:00Z', '2026-04-31T00:00:00Z', '0999-01-01T00:00:00Z', '2026-01-01t00:00:00z',
      '2026-01-01 00:00:00Z', '2026-01-01T00:00:00.5Z', '2026-01-01T00:00:00+0200', '2026-01-01T00:00:00-00:00', '2026-01-01', '1900-02-29T00:00:00Z', '2000-02-29T00:00:00Z',
    ];
    const random = seededRandom('instants');
    const pad = (n: number, w: number) => String(n).padStart(w, '0');
    const generated = Array.from({ length: 20_000 }, () => {
      const offset = random.pick(['Z', `+${pad(random.int(0, 16), 2)}:${pad(random.pick([0, 15, 30, 45, 59, 60]), 2)}`, `-${pad(random.int(0, 16), 2)}:${pad(random.int(0, 60), 2)}`]);
      const seconds = random.chance(0.8) ? `:${pad(random.int(0, 61), 2)}` : '';
      return `${pad(random.int(990, 2100), 4)}-${pad(random.int(0, 13), 2)}-${pad(random.int(0, 32), 2)}T${pad(random.int(0, 25), 2)}:${pad(random.int(0, 61), 2)}${seconds}${offset}`;
    });
    let answered = 0;
    for (const text of [...fixed, ...generated]) {
      const fast = rfc3339Millis(text);
      if (fast === undefined) continue;
      answered++;
      expect(fast, text).toBe(luxon(text));
    }
    expect(answered).toBeGreaterThan(5000);
  });
});

describe('the hand-off clock', () => {
  /** The clock as luxon's calendar arithmetic gives it (before hand-offs were plain arithmetic). */
  function referenceClock(rotation: SchemaTypes['rotation']) {
    const zone = rotation.timezone;
    const [hour = 0, minute = 0] = rotation.handoff.time.split(':').map(Number);
    const periodDays = rotation.cadence.unit === 'week' ? 7 * (rotation.cadence.every ?? 1) : (rotation.cadence.every ?? 1);
    const [y = 1970, m = 1, d = 1] = rotation.start.split('-').map(Number);
    let anchor = DateTime.utc(y, m, d);
    const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
    if (rotation.cadence.unit === 'week' && rotation.handoff.weekday) anchor = anchor.plus({ days: (weekdays.indexOf(rotation.handoff.weekday) + 1 - anchor.weekday + 7) % 7 });
    const dateAt = (k: number) => anchor.plus({ days: k * periodDays });
    return {
      handoffAt: (k: number) => {
        const date = dateAt(k);
        return wallClockInstant({ year: date.year, month: date.month, day: date.day }, hour, minute, zone).toMillis();
      },
      handoffDate: (k: number) => {
        const date = dateAt(k);
        return { year: date.year, month: date.month, day: date.day };
      },
      firstIndexOnOrAfter: (date: { year: number; month: number; day: number }) => Math.ceil(Math.round(DateTime.utc(date.year, date.month, date.day).diff(anchor, 'days').days) / periodDays),
    };
  }

  it('gives the hand-offs and dates luxon gives, across zones, cadences and DST changes', () => {
    const random = seededRandom('handoff-clock');
    const zones = ['Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata', 'UTC', 'America/Santiago', 'Pacific/Chatham', 'Europe/London'];
    const pad = (n: number) => String(n).padStart(2, '0');
    for (let r = 0; r < 60; r++) {
      const weekly = random.chance(0.6);
      const rotation = {
        timezone: random.pick(zones),
        cadence: { unit: weekly ? 'week' : 'day', every: random.int(1, 3) },
        handoff: { time: `${pad(random.pick([0, 1, 2, 3, 9, 23]))}:${pad(random.pick([0, 30, 59]))}`, ...(weekly && random.chance(0.7) ? { weekday: random.pick(['monday', 'wednesday', 'sunday']) } : {}) },
        start: `${random.int(1999, 2030)}-${pad(random.int(1, 12))}-${pad(random.int(1, 28))}`,
      } as unknown as SchemaTypes['rotation'];
      const clock = handoffClock(rotation);
      const reference = referenceClock(rotation);
      for (let i = 0; i < 200; i++) {
        const k = random.int(-600, 600);
        expect(clock.handoffAt(k), `${JSON.stringify(rotation)} k=${k}`).toBe(reference.handoffAt(k));
        expect(clock.handoffDate(k)).toEqual(reference.handoffDate(k));
        const date = { year: random.int(1990, 2040), month: random.int(1, 12), day: random.int(1, 31) };
        if (DateTime.utc(date.year, date.month, date.day).isValid) expect(clock.firstIndexOnOrAfter(date), JSON.stringify(date)).toBe(reference.firstIndexOnOrAfter(date));
        const t = reference.handoffAt(k) + random.int(-3, 3) * 3_600_000;
        const at = clock.indexAt(t);
        expect(reference.handoffAt(at) <= t && t < reference.handoffAt(at + 1)).toBe(true);
      }
    }
  });
});
