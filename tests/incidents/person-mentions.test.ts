import { describe, expect, it } from 'vitest';
import { blameAfter, findBlamePhrases } from '../../scripts/incidents/blame-phrases.ts';
import { findPersonMentions, foldDiacritics, nameMatcher, usedAsPerson } from '../../scripts/incidents/person-mentions.ts';
import type { SchemaTypes } from '../../scripts/types/schema-types.ts';

type Person = SchemaTypes['people']['people'][number];
const person = (id: string, name: string, github: string, slack?: string): Person =>
  ({ id, name, github, timezone: 'Europe/Berlin', team: 'ops', contacts: slack ? { slack } : {} }) as Person;

const PEOPLE: SchemaTypes['people']['people'] = [
  person('sean-doyle', 'Sean Doyle', 'sdoyle', '@sean'),
  person('soren-kjaer', 'Søren Kjær', 'skjaer'),
  person('grace-lin', 'Grace Lin', 'grace-lin', '@grace'),
  person('hugo-martin', 'Hugo Martin', 'hmartin', '@hugo'),
  person('jan', 'Jan', 'corpus-jan'),
  person('chen-wei', 'Chen Wei', 'chenwei-sre', '@chen'),
];
const matcher = nameMatcher(PEOPLE);
const mentions = (text: string, notNames: string[] = []) => findPersonMentions(text, matcher, { notNames: new Set(notNames) }).map((m) => [m.person, m.text, m.index]);

describe('findPersonMentions', () => {
  it.each([
    { text: '_Sean_ ignored the error', found: [['sean-doyle', 'Sean', 1]] },
    { text: '**Sean** ignored the error', found: [['sean-doyle', 'Sean', 2]] },
    { text: 'the change was pushed by @sdoyle', found: [['sean-doyle', '@sdoyle', 25]] },
    { text: 'ping @sdoyle.', found: [['sean-doyle', '@sdoyle', 5]] },
    { text: 'Soren forgot to renew it', found: [['soren-kjaer', 'Soren', 0]] },
    { text: 'Søren forgot to renew it', found: [['soren-kjaer', 'Søren', 0]] },
    { text: 'Soren Kjaer and Søren Kjær', found: [['soren-kjaer', 'Soren Kjaer', 0], ['soren-kjaer', 'Søren Kjær', 16]] },
    { text: 'sean skipped the canary', found: [['sean-doyle', 'sean', 0]] },
    { text: 'Chen forgot to rotate it', found: [['chen-wei', 'Chen', 0]] },
    { text: 'approved by Chen.', found: [['chen-wei', 'Chen', 12]] },
    { text: "Sean's change broke it", found: [['sean-doyle', 'Sean', 0]] },
    { text: 'Jan and John discussed it', found: [['jan', 'Jan', 0]] },
    { text: 'Chen Wei paged the team', found: [['chen-wei', 'Chen Wei', 0]] },
  ])('finds $found in $text', ({ text, found }) => {
    expect(mentions(text)).toEqual(found);
  });

  it.each([
    'Grace period expiry was not monitored.',
    'the grace period ended',
    'Pinned since Jan 2018.',
    'Jan 14, 10:18 AM: a customer reached out.',
    'The status page is built with the Hugo static site builder.',
    'Hugo builds kept the stale banner.',
    'DB_Sean_PASSWORD is a variable, not a person',
    'an email to sean@example.com',
  ])('finds no one in %j', (text) => {
    expect(mentions(text)).toEqual([]);
  });

  it('never takes a word the organisation lists for a name, but still finds full names and mentions', () => {
    expect(mentions('Hugo deployed the site', ['hugo'])).toEqual([]);
    expect(mentions('Hugo deployed the site')).toEqual([['hugo-martin', 'Hugo', 0]]);
    expect(mentions('Hugo Martin deployed it; @hmartin too', ['hugo'])).toEqual([['hugo-martin', 'Hugo Martin', 0], ['hugo-martin', '@hmartin', 25]]);
  });
});

describe('usedAsPerson', () => {
  it.each([
    ['Chen forgot', 0, 4, true],
    ['the Hugo builder', 4, 8, false],
    ['Grace period', 0, 5, false],
    ['Jan 2018', 0, 3, false],
    ['asked Grace about it', 6, 11, true],
    ['Chen accidentally deleted it', 0, 4, true],
  ] as const)('%j [%i, %i) is a person: %s', (text, start, end, expected) => {
    expect(usedAsPerson(text, start, end)).toBe(expected);
  });
});

describe('foldDiacritics', () => {
  it('reads Søren as Soren and maps every character back', () => {
    const folded = foldDiacritics('Hi Søren Kjær!');
    expect(folded.text).toBe('Hi Soren Kjaer!');
    expect(folded.origin[folded.text.indexOf('Kjaer')]).toBe(9);
    expect(folded.origin[folded.text.length]).toBe(14);
  });
});

describe('findBlamePhrases', () => {
  it.each([
    ['The root cause was human error.', 'human error'],
    ['because the developer forgot to run the migration', 'the developer forgot'],
    ['A careless engineer can still do this.', 'careless'],
    ['they should have known better', 'should have known better'],
    ['This was operator error.', 'operator error'],
    ['Someone fat-fingered the count.', 'fat-fingered'],
    ['It was his fault.', 'his fault'],
  ])('finds the blame in %j', (text, phrase) => {
    expect(findBlamePhrases(text).map((p) => p.text)).toEqual([phrase]);
    expect(findBlamePhrases(text)[0]!.rewrite).toMatch(/^[A-Z].+\.$/);
  });

  it.each([
    'We mistakenly thought the trigger ran the base branch code.',
    'The engineer making the change thought it was safe.',
    'Lazy-loaded extensions need testing.',
    'The error budget was spent by a retry storm.',
    'This post-mortem is blameless.',
  ])('finds none in %j', (text) => {
    expect(findBlamePhrases(text)).toEqual([]);
  });

  it('reads blaming words right after a name', () => {
    expect(blameAfter('Sean ignored the error', 4)).toEqual({ words: 'ignored', end: 12 });
    expect(blameAfter('_Sean_ quickly forgot', 5)?.words).toBe('forgot');
    expect(blameAfter('Ross was assigned', 4)).toBeUndefined();
  });
});
