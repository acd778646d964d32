import { describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import type { AnySchemaObject, ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parseYaml } from '../../scripts/repo/parse-yaml.ts';
import type { ParsedYaml } from '../../scripts/repo/parse-yaml.ts';
import { splitFrontMatter } from '../../scripts/repo/front-matter.ts';
import { didYouMean, formatPath, pointerToPath, translateAjvErrors } from '../../scripts/schema/translate-errors.ts';
import type { TranslateOptions } from '../../scripts/schema/translate-errors.ts';

// ajv-formats is CommonJS; depending on the loader its function is the default import or its `.default`.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => Ajv;

const DURATION = {
  type: 'string',
  pattern: '^[0-9]{1,5}(m|h|d|w|bh|bd)$',
  description: 'A duration such as 15m, 2h, 2d, 1w; 8bh / 2bd are business hours/days',
};

const SCHEMA: AnySchemaObject = {
  $defs: {
    duration: DURATION,
    // Contains a $ref, so ajv compiles it on its own and reports paths relative to it ("#/required").
    pageStep: {
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'after'],
      properties: { kind: { const: 'page' }, after: { $ref: '#/$defs/duration' }, who: { type: 'string' } },
    },
    mailStep: {
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'to'],
      properties: { kind: { const: 'mail' }, to: { type: 'string', format: 'email' }, within: { $ref: '#/$defs/duration' } },
    },
  },
  type: 'object',
  additionalProperties: false,
  required: ['id', 'timezone', 'tiers'],
  properties: {
    id: { type: 'string', description: 'Rotation id, e.g. platform-primary.' },
    timezone: { type: 'string', description: 'IANA time zone, e.g. Europe/Berlin.' },
    active: { type: 'boolean' },
    severity: { type: 'string', enum: ['sev1', 'sev2', 'sev3'] },
    handover: { type: 'string' },
    after: { $ref: '#/$defs/duration' },
    starts: { type: 'string', format: 'date-time' },
    day: { type: 'string', format: 'date' },
    retries: { type: 'integer', minimum: 0, maximum: 5 },
    labels: { type: 'object', additionalProperties: { type: 'string' } },
    tiers: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name'],
        properties: {
          name: { type: 'string', minLength: 1 },
          participants: { type: 'array', uniqueItems: true, items: { type: 'string' } },
        },
      },
    },
    escalation: { type: 'object', properties: { after: { $ref: '#/$defs/duration' } } },
    holder: {
      description: 'Named people, a rotation, or per-incident.',
      oneOf: [
        { type: 'object', additionalProperties: false, required: ['primary'], properties: { primary: { type: 'string' }, backup: { type: 'string' } } },
        { type: 'object', additionalProperties: false, required: ['rotation'], properties: { rotation: { type: 'string' } } },
        { const: 'per-incident' },
      ],
    },
    target: { description: 'A duration (15m, 2h) or next-sprint.', oneOf: [{ $ref: '#/$defs/duration' }, { const: 'next-sprint' }] },
    steps: { type: 'array', items: { oneOf: [{ $ref: '#/$defs/pageStep' }, { $ref: '#/$defs/mailStep' }] } },
    contact: { anyOf: [{ type: 'string', format: 'email' }, { type: 'string', format: 'uri' }] },
    mode: { type: 'string', if: { const: 'manual' }, then: { not: { const: 'manual' } } },
    window: { type: 'object', if: { properties: { kind: { const: 'fixed' } }, required: ['kind'] }, then: { required: ['start'] } },
  },
};

const ajv = new Ajv({ allErrors: true, verbose: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(SCHEMA);

const VALID = 'id: platform\ntimezone: Europe/Berlin\ntiers:\n  - name: first\n';

function run(yaml: string, opts: TranslateOptions = {}, parseOpts?: { lineOffset: number }): { parsed: ParsedYaml; errors: ErrorObject[] } {
  const parsed = parseYaml(yaml, 'rotations/r.yaml', parseOpts);
  expect(parsed.diagnostics).toEqual([]);
  validate(parsed.value);
  return { parsed, errors: [...(validate.errors ?? [])] };
}

interface Expected {
  ruleId: string;
  line: number;
  column: number;
  message?: string | RegExp;
  hint?: string | RegExp | null;
}

const cases: { name: string; yaml: string; expected: Expected[] }[] = [
  {
    name: 'unknown field with did-you-mean, at the key (and no separate "timezone is required")',
    yaml: 'id: platform\ntmezone: Europe/Berlin\ntiers:\n  - name: first\n',
    expected: [{ ruleId: 'schema-unknown-field', line: 2, column: 1, message: '(top level): unknown field "tmezone".', hint: 'Did you mean "timezone"?' }],
  },
  {
    name: 'unknown field without a near miss lists the allowed fields',
    yaml: `${VALID}  - name: second\n    rota: x\n`,
    expected: [{ ruleId: 'schema-unknown-field', line: 6, column: 5, message: 'tiers[1]: unknown field "rota".', hint: 'Allowed fields: name, participants.' }],
  },
  {
    name: '__proto__ and constructor keys are unknown fields',
    yaml: `${VALID}__proto__: {polluted: true}\nconstructor: 1\n`,
    expected: [
      { ruleId: 'schema-unknown-field', line: 5, column: 1, message: '(top level): unknown field "__proto__".' },
      { ruleId: 'schema-unknown-field', line: 6, column: 1, message: '(top level): unknown field "constructor".' },
    ],
  },
  {
    name: 'missing required field at the top level: the first line of the mapping',
    yaml: '# A rotation\ntimezone: Europe/Berlin\ntiers:\n  - name: first\n',
    expected: [{ ruleId: 'schema-required', line: 2, column: 1, message: '(top level): "id" is required.', hint: 'id: Rotation id, e.g. platform-primary.' }],
  },
  {
    name: 'missing required field in a list item: the item',
    yaml: `${VALID}  - participants: [a]\n`,
    expected: [{ ruleId: 'schema-required', line: 5, column: 5, message: 'tiers[1]: "name" is required.' }],
  },
  {
    name: 'boolean written as no: YAML 1.2 hint',
    yaml: `${VALID}active: no\n`,
    expected: [
      {
        ruleId: 'schema-type',
        line: 5,
        column: 9,
        message: 'active: expected true or false but found text "no".',
        hint: 'YAML 1.2 reads "no" as text; write false (or true).',
      },
    ],
  },
  {
    name: 'boolean written as on',
    yaml: `${VALID}active: on\n`,
    expected: [{ ruleId: 'schema-type', line: 5, column: 9, hint: 'YAML 1.2 reads "on" as text; write true (or false).' }],
  },
  {
    name: 'time written as 0900: quote it',
    yaml: `${VALID}handover: 0900\n`,
    expected: [{ ruleId: 'schema-type', line: 5, column: 11, message: 'handover: expected text but found the number 0900.', hint: /put it in quotes, e\.g\. "0900"/ }],
  },
  {
    name: 'list where a mapping is expected',
    yaml: `${VALID}escalation:\n  - after: 5m\n`,
    expected: [{ ruleId: 'schema-type', line: 6, column: 3, message: 'escalation: expected a mapping but found a list.', hint: /This is a list/ }],
  },
  {
    name: 'mapping where a list is expected',
    yaml: 'id: platform\ntimezone: Europe/Berlin\ntiers:\n  name: first\n',
    expected: [{ ruleId: 'schema-type', line: 4, column: 3, message: 'tiers: expected a list but found a mapping.', hint: /one entry per line/ }],
  },
  {
    name: 'enum near miss (case)',
    yaml: `${VALID}severity: Sev2\n`,
    expected: [{ ruleId: 'schema-enum', line: 5, column: 11, message: 'severity: "Sev2" is not one of: sev1, sev2, sev3.', hint: 'Did you mean "sev2"?' }],
  },
  {
    name: 'enum near miss (typo)',
    yaml: `${VALID}severity: sve3\n`,
    expected: [{ ruleId: 'schema-enum', line: 5, column: 11, hint: 'Did you mean "sev3"?' }],
  },
  {
    name: 'enum far miss has no hint',
    yaml: `${VALID}severity: critical\n`,
    expected: [{ ruleId: 'schema-enum', line: 5, column: 11, message: 'severity: "critical" is not one of: sev1, sev2, sev3.', hint: null }],
  },
  {
    name: 'enum with the wrong type gives one type error, not two',
    yaml: `${VALID}severity: 2\n`,
    expected: [{ ruleId: 'schema-type', line: 5, column: 11, message: 'severity: expected text but found the number 2.' }],
  },
  {
    name: 'duration pattern: the hint is the schema description',
    yaml: `${VALID}after: 15 min\n`,
    expected: [
      {
        ruleId: 'schema-pattern',
        line: 5,
        column: 8,
        message: 'after: "15 min" does not match the expected form.',
        hint: 'A duration such as 15m, 2h, 2d, 1w; 8bh / 2bd are business hours/days',
      },
    ],
  },
  {
    name: 'date-time without offset',
    yaml: `${VALID}starts: 2026-10-14T08:12:00\n`,
    expected: [
      {
        ruleId: 'datetime-offset',
        line: 5,
        column: 9,
        message: 'starts: "2026-10-14T08:12:00" has no UTC offset.',
        hint: 'Write the offset explicitly, e.g. "2026-10-14T08:12:00Z" or "2026-10-14T08:12:00+02:00"; a time without one is ambiguous.',
      },
    ],
  },
  {
    name: 'date-time with a space and no offset',
    yaml: `${VALID}starts: 2026-10-14 08:12:00\n`,
    expected: [{ ruleId: 'datetime-offset', line: 5, column: 9, message: 'starts: "2026-10-14 08:12:00" has no UTC offset.', hint: /"2026-10-14T08:12:00Z"/ }],
  },
  {
    name: 'date-time without seconds and without offset: the missing offset is what is said',
    yaml: `${VALID}starts: 2026-10-14T09:42\n`,
    expected: [{ ruleId: 'datetime-offset', line: 5, column: 9, message: 'starts: "2026-10-14T09:42" has no UTC offset.', hint: 'Write the offset explicitly, e.g. "2026-10-14T09:42Z" or "2026-10-14T09:42+02:00"; a time without one is ambiguous.' }],
  },
  {
    name: 'date-time that is not one',
    yaml: `${VALID}starts: "14.10.2026 8:12"\n`,
    expected: [
      {
        ruleId: 'schema-format',
        line: 5,
        column: 9,
        message: 'starts: "14.10.2026 8:12" is not a valid date-time with a UTC offset (e.g. 2026-10-14T08:12:00+02:00 or 2026-10-14T08:12Z).',
      },
    ],
  },
  {
    name: 'invalid date',
    yaml: `${VALID}day: 2026-13-01\n`,
    expected: [{ ruleId: 'schema-format', line: 5, column: 6, message: 'day: "2026-13-01" is not a valid date (YYYY-MM-DD).' }],
  },
  {
    name: 'minItems on an empty list',
    yaml: 'id: platform\ntimezone: Europe/Berlin\ntiers: []\n',
    expected: [{ ruleId: 'schema-constraint', line: 3, column: 8, message: 'tiers: the list must not be empty.' }],
  },
  {
    name: 'uniqueItems points at the later duplicate',
    yaml: `${VALID}    participants: [alice, bob, alice]\n`,
    expected: [{ ruleId: 'schema-constraint', line: 5, column: 32, message: 'tiers[0].participants[2]: "alice" appears more than once (also at tiers[0].participants[0]).' }],
  },
  {
    name: 'maximum and minLength',
    yaml: `id: platform\ntimezone: Europe/Berlin\ntiers:\n  - name: ""\nretries: 9\n`,
    expected: [
      { ruleId: 'schema-constraint', line: 4, column: 11, message: 'tiers[0].name: must not be empty.' },
      { ruleId: 'schema-constraint', line: 5, column: 10, message: 'retries: 9 is above the maximum of 5.' },
    ],
  },
  {
    name: 'JSON pointer escapes in keys',
    yaml: `${VALID}labels:\n  team/a: 5\n  "x~y": [1]\n`,
    expected: [
      { ruleId: 'schema-type', line: 6, column: 11, message: 'labels["team/a"]: expected text but found the number 5.' },
      { ruleId: 'schema-type', line: 7, column: 10, message: 'labels["x~y"]: expected text but found a list.' },
    ],
  },
  {
    name: 'oneOf: misspelt field in the matching branch gives one diagnostic',
    yaml: `${VALID}holder: {primary: alice, backp: bob}\n`,
    expected: [{ ruleId: 'schema-unknown-field', line: 5, column: 26, message: 'holder: unknown field "backp".', hint: 'Did you mean "backup"?' }],
  },
  {
    name: 'oneOf: wrong type inside the matching branch',
    yaml: `${VALID}holder:\n  rotation: 5\n`,
    expected: [{ ruleId: 'schema-type', line: 6, column: 13, message: 'holder.rotation: expected text but found the number 5.' }],
  },
  {
    name: 'oneOf: near miss of a constant branch',
    yaml: `${VALID}holder: per-incdent\n`,
    expected: [
      {
        ruleId: 'schema',
        line: 5,
        column: 9,
        message: 'holder: "per-incdent" does not match any of the allowed forms.',
        hint: 'Did you mean "per-incident"? Named people, a rotation, or per-incident.',
      },
    ],
  },
  {
    name: 'oneOf: no branch fits a list',
    yaml: `${VALID}holder: [alice]\n`,
    expected: [{ ruleId: 'schema', line: 5, column: 9, message: 'holder: does not match any of the allowed forms.', hint: 'Named people, a rotation, or per-incident.' }],
  },
  {
    name: 'oneOf of a $ref and a constant: a value neither form accepts',
    yaml: `${VALID}target: 2 weeks\n`,
    expected: [{ ruleId: 'schema', line: 5, column: 9, message: 'target: "2 weeks" does not match any of the allowed forms.', hint: 'A duration (15m, 2h) or next-sprint.' }],
  },
  {
    name: 'oneOf of a $ref and a constant: a value of the wrong type',
    yaml: `${VALID}target: true\n`,
    expected: [{ ruleId: 'schema', line: 5, column: 9, message: 'target: true does not match any of the allowed forms.' }],
  },
  {
    name: 'oneOf of separately compiled $ref branches: the error of the branch that fits',
    yaml: `${VALID}steps:\n  - kind: mail\n    to: not-an-email\n`,
    expected: [{ ruleId: 'schema-format', line: 7, column: 9, message: 'steps[0].to: "not-an-email" is not a valid email address (e.g. name@example.com).' }],
  },
  {
    name: 'oneOf of $ref branches: duration inside the chosen branch',
    yaml: `${VALID}steps:\n  - kind: page\n    after: soon\n`,
    expected: [{ ruleId: 'schema-pattern', line: 7, column: 12, hint: /A duration such as 15m/ }],
  },
  {
    name: 'oneOf of $ref branches: unknown discriminator value',
    yaml: `${VALID}steps:\n  - kind: mial\n    to: a@example.com\n`,
    expected: [{ ruleId: 'schema-enum', line: 6, column: 11, message: 'steps[0].kind: "mial" is not one of: page, mail.', hint: 'Did you mean "mail"?' }],
  },
  {
    name: 'anyOf: one diagnostic for a value no branch accepts',
    yaml: `${VALID}contact: 42\n`,
    expected: [{ ruleId: 'schema-type', line: 5, column: 10, message: 'contact: expected text but found the number 42.' }],
  },
  {
    name: 'if/then: only the then-error, not the wrapper',
    yaml: `${VALID}window: {kind: fixed}\n`,
    expected: [{ ruleId: 'schema-required', line: 5, column: 1, message: 'window: "start" is required.' }],
  },
  {
    name: 'not: plain words',
    yaml: `${VALID}mode: manual\n`,
    expected: [{ ruleId: 'schema-constraint', line: 5, column: 7, message: 'mode: "manual" is not allowed here.' }],
  },
];

describe('translateAjvErrors', () => {
  describe.each([
    ['without the schema', {}],
    ['with the schema', { schema: SCHEMA }],
  ] as const)('%s', (_label, opts) => {
    it.each(cases)('$name', ({ yaml, expected }) => {
      const { parsed, errors } = run(yaml);
      expect(errors.length).toBeGreaterThan(0);
      const diagnostics = translateAjvErrors(errors, parsed, opts);
      expect(diagnostics.map((d) => ({ ruleId: d.ruleId, line: d.line, column: d.column }))).toEqual(
        expected.map((e) => ({ ruleId: e.ruleId, line: e.line, column: e.column })),
      );
      diagnostics.forEach((d, i) => {
        const e = expected[i]!;
        expect(d.severity).toBe('error');
        expect(d.file).toBe('rotations/r.yaml');
        if (typeof e.message === 'string') expect(d.message).toBe(e.message);
        else if (e.message) expect(d.message).toMatch(e.message);
        if (e.hint === null) expect(d.hint).toBeUndefined();
        else if (typeof e.hint === 'string') expect(d.hint).toBe(e.hint);
        else if (e.hint) expect(d.hint).toMatch(e.hint);
      });
    });
  });

  it('returns nothing for no errors', () => {
    const parsed = parseYaml(VALID, 'f.yaml');
    expect(validate(parsed.value)).toBe(true);
    expect(translateAjvErrors(validate.errors ?? [], parsed)).toEqual([]);
    expect(translateAjvErrors(null, parsed)).toEqual([]);
  });

  it('names the top level after the kind, and reports a list where the file should hold a mapping', () => {
    const { parsed, errors } = run('- id: platform\n');
    const diagnostics = translateAjvErrors(errors, parsed, { kindName: 'rotation' });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      ruleId: 'schema-type',
      line: 1,
      column: 1,
      message: 'rotation (top level): expected a mapping but found a list.',
    });
  });

  it('positions errors in front matter at the Markdown file line', () => {
    const md = '---\nid: platform\ntimezone: Europe/Berlin\ntiers:\n  - name: first\nactive: no\n---\n# Notes\n';
    const split = splitFrontMatter(md);
    const { parsed, errors } = run(split.frontMatter!, {}, { lineOffset: split.frontMatterStartLine - 1 });
    expect(translateAjvErrors(errors, parsed).map((d) => [d.ruleId, d.line, d.column])).toEqual([['schema-type', 6, 9]]);
  });

  it('reports every problem of a file, sorted by position', () => {
    const { parsed, errors } = run('id: 7\ntimezone: Europe/Berlin\ntiers: []\nactive: yes\nseverity: sev9\n');
    expect(translateAjvErrors(errors, parsed).map((d) => [d.ruleId, d.line])).toEqual([
      ['schema-type', 1],
      ['schema-constraint', 3],
      ['schema-type', 4],
      ['schema-enum', 5],
    ]);
  });

  it('survives odd error objects', () => {
    const parsed = parseYaml(VALID, 'f.yaml');
    const odd = [
      { keyword: 'made-up', instancePath: '/nowhere/7', schemaPath: '#/x', params: {} },
      { keyword: 'required', instancePath: '', schemaPath: '#/required', params: {} },
      { keyword: 'oneOf', instancePath: '/tiers', schemaPath: '#/oneOf', params: { passingSchemas: [0, 1] } },
    ] as unknown as ErrorObject[];
    const diagnostics = translateAjvErrors(odd, parsed);
    expect(diagnostics.map((d) => d.ruleId).sort()).toEqual(['schema', 'schema', 'schema-required']);
    expect(diagnostics.every((d) => d.line >= 1 && d.column >= 1)).toBe(true);
  });
});

describe('helpers', () => {
  it('pointerToPath unescapes and uses numbers for list indices only', () => {
    const root = { a: [{ 'b/c': 1 }], m: { '0': 'x' }, 't~': 1 };
    expect(pointerToPath('/a/0/b~1c', root)).toEqual(['a', 0, 'b/c']);
    expect(pointerToPath('/m/0', root)).toEqual(['m', '0']);
    expect(pointerToPath('/t~0', root)).toEqual(['t~']);
    expect(pointerToPath('', root)).toEqual([]);
  });

  it('formatPath reads like code', () => {
    expect(formatPath(['tiers', 0, 'participants', 2])).toBe('tiers[0].participants[2]');
    expect(formatPath([])).toBe('(top level)');
    expect(formatPath(['labels', 'team/a'])).toBe('labels["team/a"]');
    expect(formatPath(['follow-the-sun', 1])).toBe('follow-the-sun[1]');
  });

  it('didYouMean finds close matches and ignores far ones', () => {
    expect(didYouMean('tmezone', ['id', 'timezone', 'tiers'])).toBe('timezone');
    expect(didYouMean('TimeZone', ['timezone'])).toBe('timezone');
    expect(didYouMean('escalaton_policy', ['escalation_policy'])).toBe('escalation_policy');
    expect(didYouMean('foo', ['timezone', 'tiers'])).toBeUndefined();
    expect(didYouMean('ab', ['xy'])).toBeUndefined();
  });
});

describe('translateAjvErrors: attributing oneOf branch errors', () => {
  // Branch a has no $ref, so ajv inlines it (schema paths like "#/$defs/a/..."); branch b contains
  // a $ref, so ajv compiles it on its own and reports paths relative to it ("#/required").
  const schema: AnySchemaObject = {
    $defs: {
      a: { type: 'object', required: ['kind', 'x'], properties: { kind: { const: 'a' }, x: { type: 'string' } }, additionalProperties: false },
      b: {
        type: 'object',
        required: ['kind', 'y'],
        properties: { kind: { const: 'b' }, y: { type: 'integer' }, d: { $ref: '#/$defs/dur' } },
        additionalProperties: false,
      },
      dur: DURATION,
    },
    type: 'object',
    properties: { items: { type: 'array', items: { oneOf: [{ $ref: '#/$defs/a' }, { $ref: '#/$defs/b' }, { type: 'string' }] } } },
  };
  const check = ajv.compile(schema);
  const yaml = ['items:', '  - {kind: a, x: 1}', '  - ok', '  - 5', '  - {kind: b, y: q, z: 1, d: 15x}', '  - {kind: c}', ''].join('\n');
  const expected = [
    ['schema-type', 2, 18, 'items[0].x: expected text but found the number 1.'],
    ['schema-type', 4, 5, 'items[2]: expected a mapping or text but found the number 5.'],
    ['schema-type', 5, 18, 'items[3].y: expected a whole number but found text "q".'],
    ['schema-unknown-field', 5, 21, 'items[3]: unknown field "z".'],
    ['schema-pattern', 5, 30, 'items[3].d: "15x" does not match the expected form.'],
    ['schema-enum', 6, 12, 'items[4].kind: "c" is not one of: a, b.'],
  ];

  it.each([
    ['without the schema', {}],
    ['with the schema', { schema }],
  ] as const)('%s', (_label, opts) => {
    const parsed = parseYaml(yaml, 'f.yaml');
    expect(check(parsed.value)).toBe(false);
    const diagnostics = translateAjvErrors(check.errors ?? [], parsed, opts);
    expect(diagnostics.map((d) => [d.ruleId, d.line, d.column, d.message])).toEqual(expected);
  });

  it('follows $refs into other schema documents when they are passed', () => {
    const defs = { $id: 'defs.json', $defs: { dur: DURATION, step: { type: 'object', required: ['after'], additionalProperties: false, properties: { after: { $ref: '#/$defs/dur' } } } } };
    const main = {
      $id: 'main.json',
      type: 'object',
      properties: { when: { oneOf: [{ $ref: 'defs.json#/$defs/step' }, { const: 'never' }] } },
    };
    const local = new Ajv({ allErrors: true, verbose: true, strict: false });
    local.addSchema(defs);
    const v = local.compile(main);
    const parsed = parseYaml('when:\n  after: soon\n', 'f.yaml');
    expect(v(parsed.value)).toBe(false);
    const diagnostics = translateAjvErrors(v.errors ?? [], parsed, { schema: [main, defs] });
    expect(diagnostics.map((d) => [d.ruleId, d.line, d.column, d.hint])).toEqual([['schema-pattern', 2, 10, DURATION.description]]);
  });
});

describe('translateAjvErrors: other keywords', () => {
  const schema: AnySchemaObject = {
    type: 'object',
    properties: {
      either: { oneOf: [{ type: 'string' }, { type: 'string', minLength: 1 }] },
      form: {
        oneOf: [
          { type: 'object', description: 'A page', properties: { after: { type: 'string' }, who: { type: 'string' } } },
          { type: 'object', description: 'A mail', properties: { to: { type: 'string' }, who: { type: 'string' } } },
        ],
      },
      labels: { type: 'object', propertyNames: { pattern: '^[a-z-]+$', description: 'Lower-case words joined by hyphens.' } },
      pair: { type: 'object', dependencies: { start: ['end'] } }, // draft-07 spelling of dependentRequired
      legacy: false,
      checks: { type: 'array', contains: { const: 'smoke' } },
    },
  };
  const check = ajv.compile(schema);
  const cases = [
    {
      name: 'oneOf matched by several branches: a plain value is the schema\'s fault',
      yaml: 'either: x\n',
      expected: [['schema', 1, 9, 'either: "x" fits more than one allowed form (text; text), and the schema accepts a value of exactly one.']],
    },
    {
      name: 'oneOf matched by several branches: a mapping keeps the fields of one form',
      yaml: 'form:\n  who: ops\n',
      expected: [['schema', 2, 3, 'form: the mapping fits more than one allowed form (A page; A mail), but must fit exactly one.']],
      hint: 'Keep only the fields of the form you mean (A page: after, who (given); A mail: to, who (given)).',
    },
    { name: 'propertyNames: at the key', yaml: 'labels:\n  Team A: x\n', expected: [['schema-pattern', 2, 3, 'labels: key "Team A" does not match the expected form.']] },
    { name: 'dependencies (dependentRequired): at the key that needs the other', yaml: 'pair:\n  start: 1\n', expected: [['schema-constraint', 2, 3, 'pair: "end" is required when "start" is given.']] },
    { name: 'a field the schema forbids', yaml: 'legacy: 1\n', expected: [['schema-constraint', 1, 1, '(top level): field "legacy" is not allowed here.']] },
    { name: 'contains: one diagnostic, not one per item', yaml: 'checks: [unit, lint]\n', expected: [['schema-constraint', 1, 9, 'checks: the list has no entry of the required form.']] },
  ];

  it.each(cases as { name: string; yaml: string; expected: unknown[][]; hint?: string }[])('$name', ({ yaml, expected, hint }) => {
    const parsed = parseYaml(yaml, 'f.yaml');
    expect(check(parsed.value)).toBe(false);
    const diagnostics = translateAjvErrors(check.errors ?? [], parsed);
    expect(diagnostics.map((d) => [d.ruleId, d.line, d.column])).toEqual(expected.map((e) => e.slice(0, 3)));
    if (hint !== undefined) expect(diagnostics[0]!.hint).toBe(hint);
    diagnostics.forEach((d, i) => {
      const message = expected[i]![3]!;
      if (typeof message === 'string') expect(d.message).toBe(message);
      else expect(d.message).toMatch(message as RegExp);
    });
  });
});
