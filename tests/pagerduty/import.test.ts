/**
 * `oncall import pagerduty`: an account whose schedules and escalation policies were made in
 * PagerDuty's web app (weekly layers that turn every 168 hours from a summer-time start, a
 * weekend layer on top, a daily layer in New York, an override, a policy paging two schedules in
 * turn, one paging a person directly, 12-hour turns the rotation model cannot say, users matched
 * by e-mail, by name, and not at all) becomes rotation files and the people mapping; then the plan
 * finds nothing to change, every schedule rendered by PagerDuty identical to the repository.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';
import { TOOLKIT_ROOT, tempRepo, type TempRepo } from '../support/repo.ts';
import type { FakeLayer, PagerDutyServer } from '../support/pagerduty-server.ts';
import { FAST, serverFor, sync, userIdsOf } from './support.ts';

const NOW = '2026-11-22T12:00:00+01:00';

let repo: TempRepo;
let server: PagerDutyServer;
afterEach(async () => {
  await server?.close();
  repo?.cleanup();
});

const layer = (id: string, start: string, seconds: number, users: string[], restrictions: FakeLayer['restrictions'] = []): FakeLayer => ({
  id,
  name: `Layer ${id.slice(-1)}`,
  start,
  end: null,
  rotation_virtual_start: start,
  rotation_turn_length_seconds: seconds,
  users,
  restrictions,
});

/** The account as a team made it in PagerDuty's web app. */
async function account(): Promise<Map<string, string>> {
  repo = tempRepo();
  // The example's own rotation is not in this account: the repository starts from PagerDuty's.
  repo.remove('rotations/ingestion.yaml');
  server = await serverFor(repo);
  const ids = userIdsOf(repo.read('policy/people.yaml'));
  const u = (person: string) => ids.get(person)!;
  // Farid is in people.yaml without an e-mail; PagerDuty knows him by another address. Dmitri is nobody there.
  server.state.users.push({ id: 'PFHAD01', name: 'Farid Haddad', email: 'farid@anchor-ops.example' }, { id: 'PDVOL01', name: 'Dmitri Volkov', email: 'dmitri@anchor-ops.example' });
  const week = 7 * 86_400;
  server.state.schedules.push(
    // Made in the summer: 168-hour turns from 09:00 summer time hand over at 08:00 in the winter.
    { id: 'PPAY001', name: 'Payments Primary', time_zone: 'Europe/Berlin', description: 'Payments first line', layers: [layer('LP1', '2026-10-05T09:00:00+02:00', week, [u('ben-schultz'), u('kavya-iyer'), u('liam-novak'), 'PFHAD01'])] },
    {
      id: 'PPAY002',
      name: 'Payments Secondary',
      time_zone: 'Europe/Berlin',
      description: 'Weekdays and a weekend cover',
      layers: [
        layer('LS1', '2026-11-02T09:00:00+01:00', week, [u('chen-wei'), u('noah-fischer'), u('olivia-grant')]),
        // On top: the weekend, Friday 18:00 to Monday 09:00.
        layer('LS2', '2026-11-06T18:00:00+01:00', week, ['PSOSE01', 'PYDEM01'], [{ type: 'weekly_restriction', start_day_of_week: 5, start_time_of_day: '18:00:00', duration_seconds: 63 * 3600 }]),
      ],
    },
    { id: 'PDB0001', name: 'Database', time_zone: 'America/New_York', description: '', layers: [layer('LD1', '2026-11-02T08:00:00-05:00', 86_400, [u('grace-lin'), u('maya-cohen'), u('victor-lee')])] },
    { id: 'PSUP001', name: 'Support daytime', time_zone: 'Europe/London', description: '', layers: [layer('LU1', '2026-11-02T08:00:00+00:00', 12 * 3600, [u('hugo-martin'), 'PDVOL01'])] },
  );
  server.state.overrides.push({ id: 'QPAY001', schedule: 'PPAY001', start: '2026-12-01T09:00:00+01:00', end: '2026-12-02T09:00:00+01:00', user: u('kavya-iyer'), created: 1 });
  server.state.policies.push(
    { id: 'PEPAY01', name: 'Payments', description: 'Payments escalation', num_loops: 0, rules: [{ delay: 15, targets: [{ id: 'PPAY001', type: 'schedule_reference' }] }, { delay: 30, targets: [{ id: 'PPAY002', type: 'schedule_reference' }] }] },
    { id: 'PEDB001', name: 'Database', description: '', num_loops: 0, rules: [{ delay: 10, targets: [{ id: 'PDB0001', type: 'schedule_reference' }] }, { delay: 20, targets: [{ id: u('chen-wei'), type: 'user_reference' }] }] },
  );
  return ids;
}

const importCli = (args: readonly string[] = []) => runCli(['import', 'pagerduty', '--root', repo.root, '--now', NOW, ...args], { env: server.env(FAST) });

const PAYMENTS = `# yaml-language-server: $schema=../schemas/rotation.schema.json
# Imported from PagerDuty by \`oncall import pagerduty\` on 2026-11-22: escalation policy PEPAY01 "Payments", schedules PPAY001 "Payments Primary", PPAY002 "Payments Secondary".
# From now on change this file, not PagerDuty: \`oncall sync pagerduty\` makes PagerDuty follow it.
id: payments
name: Payments
timezone: Europe/Berlin
cadence: { unit: week }
handoff: { weekday: monday, time: "09:00" }
start: 2026-10-05
tiers:
  - id: primary
    name: Primary
    coverage: always
    response: 15m
    escalates_to: { tier: secondary }
    layers:
      - id: layer-1
        name: Layer 1
        timezone: Etc/GMT-2
        rosters:
          - from: 2026-10-05
            participants: [ ben-schultz, kavya-iyer, liam-novak, farid-haddad ]
  - id: secondary
    name: Secondary
    coverage: always
    response: 30m
    layers:
      - id: layer-1
        name: Layer 1
        start: 2026-11-02
        rosters:
          - from: 2026-11-02
            participants: [ chen-wei, noah-fischer, olivia-grant ]
      - id: layer-2
        name: Layer 2
        handoff: { weekday: friday, time: "18:00" }
        start: 2026-11-06
        restrictions: [ { from: "friday 18:00", to: "monday 09:00" } ]
        empty_shifts: take-turn
        on_top: true
        rosters:
          - from: 2026-11-06
            participants: [ sam-osei, yusuf-demir ]
pagerduty:
  schedules: { primary: PPAY001, secondary: PPAY002 }
  escalation_policy: PEPAY01
overrides:
  - tier: primary
    person: kavya-iyer
    start: 2026-12-01T09:00:00+01:00
    end: 2026-12-02T09:00:00+01:00
    reason: Imported from PagerDuty (override QPAY001)
`;

const DATABASE = `# yaml-language-server: $schema=../schemas/rotation.schema.json
# Imported from PagerDuty by \`oncall import pagerduty\` on 2026-11-22: escalation policy PEDB001 "Database" (left alone), schedule PDB0001 "Database".
# From now on change this file, not PagerDuty: \`oncall sync pagerduty\` makes PagerDuty follow it.
id: database
name: Database
timezone: America/New_York
cadence: { unit: day }
handoff: { time: "08:00" }
start: 2026-11-02
tiers:
  - id: database
    name: Database
    coverage: always
    rosters:
      - from: 2026-11-02
        participants: [ grace-lin, maya-cohen, victor-lee ]
pagerduty:
  schedules: { database: PDB0001 }
  escalation_policy: false
`;

const NOT_IMPORTED = [
  'Not imported (2):',
  '  schedule PSUP001 "Support daytime": layer 1 ("Layer 1") hands over every 12 hours; a rotation hands over every whole number of days or weeks.',
  '  user PDVOL01 "Dmitri Volkov": is nobody in policy/people.yaml (no person with contacts.pagerduty_user: PDVOL01, the e-mail dmitri@anchor-ops.example or the same name); needed by "Support daytime".',
  'Add these people to policy/people.yaml (their GitHub login and team are not in PagerDuty), then import again:',
  '  - id: dmitri-volkov',
  '    name: "Dmitri Volkov"',
  '    github: # their GitHub login',
  '    timezone: UTC',
  '    team: # their team in policy/people.yaml',
  '    contacts: { email: dmitri@anchor-ops.example, pagerduty_user: PDVOL01 }',
];

describe('oncall import pagerduty', () => {
  it('writes rotations and the people mapping from schedules and escalation policies; then the plan finds nothing to change', async () => {
    await account();
    const people = repo.read('policy/people.yaml');
    const imported = await importCli();
    expect(imported.stderr).toBe('');
    expect(imported.stdout.split('\n')).toEqual([
      'Wrote rotations/database.yaml: schedule PDB0001 "Database" (tier database).',
      'Wrote rotations/payments.yaml: escalation policy PEPAY01 "Payments", schedule PPAY001 "Payments Primary" (tier primary), schedule PPAY002 "Payments Secondary" (tier secondary).',
      'Wrote policy/people.yaml: contacts.pagerduty_user for farid-haddad (PFHAD01, matched by name).',
      'Note: schedule PDB0001 "Database": layer 1 ("Layer 1") hands over every 24 hours in PagerDuty; written as 08:00 America/New_York, which renders the same up to the coverage horizon. Sync keeps that local time across DST changes.',
      'Note: escalation policy PEDB001 "Database" is left alone (escalation_policy: false in rotations/database.yaml): rule 2 pages a user directly.',
      'Note: schedule PPAY001 "Payments Primary": layer 1 ("Layer 1") hands over every 168 hours, which is not the same local time across a DST change of Europe/Berlin before the coverage horizon: written in Etc/GMT-2 (UTC+02:00) so it hands over exactly when PagerDuty does. Set its timezone to Europe/Berlin to hand over at 09:00 local time all year.',
      'Note: schedule PPAY002 "Payments Secondary": layer 1 ("Layer 1") hands over every 168 hours in PagerDuty; written as monday 09:00 Europe/Berlin, which renders the same up to the coverage horizon. Sync keeps that local time across DST changes.',
      ...NOT_IMPORTED,
      'Run `oncall validate`, then `oncall sync pagerduty --plan` (it finds nothing to change), and open a pull request.',
      '',
    ]);
    // Written, but not everything: exit 1.
    expect(imported.code).toBe(1);
    expect(repo.read('rotations/payments.yaml')).toBe(PAYMENTS);
    expect(repo.read('rotations/database.yaml')).toBe(DATABASE);
    // people.yaml: one key added to Farid's contacts; every comment and line as it was.
    const farid = '    contacts: { slack: "@farid", phone: "+49 30 5550 1006" }';
    expect(repo.read('policy/people.yaml')).toBe(people.replace(farid, '    contacts: { slack: "@farid", phone: "+49 30 5550 1006", pagerduty_user: PFHAD01 }'));

    // The imported files are valid data with no finding of their own.
    const validate = await runCli(['validate', '--root', repo.root, '--now', NOW, '--format', 'json']);
    const findings = (JSON.parse(validate.stdout) as { diagnostics: { file: string }[] }).diagnostics.filter((d) => d.file.startsWith('rotations/') || d.file === 'policy/people.yaml');
    expect(findings).toEqual([]);

    // Importing then planning: nothing to change, and PagerDuty's rendering proven identical.
    const before = JSON.stringify(server.state);
    const plan = await sync(repo, server, ['--plan', '--exit-code']);
    expect(plan.stdout.split('\n').slice(0, 5)).toEqual([
      'PagerDuty plan: nothing to change (compared 2026-11-22T11:00:00.000Z to 2027-02-14T11:00:00.000Z).',
      'Rendered by PagerDuty and identical shift by shift: 3 schedules.',
      'Left alone (2):',
      '  schedule PSUP001 Support daytime: not made by oncall-as-code and not named in rotations/',
      '  escalation_policy PEDB001 Database: not made by oncall-as-code and not named in rotations/',
    ]);
    expect(plan.code).toBe(0);
    // The README's example is this run's output.
    const readme = readFileSync(join(TOOLKIT_ROOT, 'README.md'), 'utf8');
    const example = readme.slice(readme.indexOf('$ npm run oncall -- import pagerduty\n'), readme.indexOf('**Faults.**')).split('\n');
    const split = example.indexOf('$ npm run oncall -- sync pagerduty --plan');
    const shown = (lines: string[]) => lines.filter((l) => l.trim() !== '' && l !== '...' && !l.startsWith('```') && !l.startsWith('$ '));
    expect(shown(example.slice(0, split)).length).toBeGreaterThan(5);
    for (const line of shown(example.slice(0, split))) expect(imported.stdout.split('\n')).toContain(line);
    for (const line of shown(example.slice(split))) expect(plan.stdout.split('\n')).toContain(line);
    const applied = await sync(repo, server, ['--apply']);
    expect(applied.code).toBe(0);
    // Apply records which overrides the rotations own; the schedules, their names and layers stay as they were made.
    const after = server.state.schedules.find((s) => s.id === 'PPAY002')!;
    expect(after.name).toBe('Payments Secondary');
    expect(after.layers.map((l) => l.id)).toEqual(['LS1', 'LS2']);
    expect(JSON.parse(before).policies).toEqual(server.state.policies);

    // A second import finds everything already in the repository and writes nothing.
    const files = [repo.read('rotations/payments.yaml'), repo.read('rotations/database.yaml'), repo.read('policy/people.yaml')];
    const again = await importCli();
    expect(again.stdout.split('\n')).toEqual([
      'Already in the repository (left as they are): schedule PPAY001 "Payments Primary", schedule PPAY002 "Payments Secondary", schedule PDB0001 "Database", escalation policy PEPAY01 "Payments".',
      ...NOT_IMPORTED,
      '',
    ]);
    expect(again.code).toBe(1);
    expect([repo.read('rotations/payments.yaml'), repo.read('rotations/database.yaml'), repo.read('policy/people.yaml')]).toEqual(files);
  });

  it('never replaces a rotation file it did not write, and says where it wrote instead; --dry-run writes nothing', async () => {
    await account();
    const mine = PAYMENTS.replace('# Imported from PagerDuty', '# Our own').replace('name: Payments\n', 'name: Payments (ours)\n').replace(/pagerduty:\n[\s\S]*$/, '');
    repo.write('rotations/payments.yaml', mine);
    const dry = await importCli(['--dry-run']);
    expect(dry.stdout).toContain('Would write rotations/payments-2.yaml: escalation policy PEPAY01 "Payments", schedule PPAY001 "Payments Primary" (tier primary), schedule PPAY002 "Payments Secondary" (tier secondary).\n# yaml-language-server');
    expect(dry.stdout).toContain('Note: rotations/payments.yaml is another rotation of the repository: "Payments" is written as rotations/payments-2.yaml.\n');
    expect(dry.stdout).toContain('Would write policy/people.yaml: contacts.pagerduty_user for farid-haddad (PFHAD01, matched by name).\n');
    expect(() => repo.read('rotations/payments-2.yaml')).toThrow();
    expect(repo.read('policy/people.yaml')).not.toContain('PFHAD01');

    const imported = await importCli();
    expect(imported.stdout).toContain('Wrote rotations/payments-2.yaml: ');
    expect(repo.read('rotations/payments.yaml')).toBe(mine);
    expect(repo.read('rotations/payments-2.yaml')).toBe(PAYMENTS.replace('id: payments\n', 'id: payments-2\n'));
  });

  it('names from PagerDuty cannot break the rotation file or drive the terminal', async () => {
    await account();
    const hostile = 'Night\nid: hacked\n# \u001b[2J\u202eevil';
    server.state.schedules = server.state.schedules.filter((s) => s.id === 'PDB0001').map((s) => ({ ...s, name: hostile, layers: s.layers.map((l) => ({ ...l, name: hostile })) }));
    server.state.policies = [];
    const imported = await importCli();
    expect(imported.code).toBe(0);
    expect(imported.stdout).not.toMatch(/[\u001b\u202e]/);
    expect(imported.stdout).toContain('Wrote rotations/night-id-hacked-2j-evil.yaml: schedule PDB0001 "Night id: hacked # [2J evil" (tier night-id-hacked-2j-evil).\n');
    const text = repo.read('rotations/night-id-hacked-2j-evil.yaml');
    expect(text.split('\n').slice(1, 3)).toEqual([
      '# Imported from PagerDuty by `oncall import pagerduty` on 2026-11-22: schedule PDB0001 "Night id: hacked # [2J evil".',
      '# From now on change this file, not PagerDuty: `oncall sync pagerduty` makes PagerDuty follow it.',
    ]);
    expect(text).toContain('\nid: night-id-hacked-2j-evil\n');
    const validate = await runCli(['validate', '--root', repo.root, '--now', NOW, '--format', 'json']);
    expect((JSON.parse(validate.stdout) as { diagnostics: { file: string }[] }).diagnostics.filter((d) => d.file.startsWith('rotations/'))).toEqual([]);
    expect((await sync(repo, server, ['--plan', '--exit-code'])).code).toBe(0);
  });

  it('is an error before anything is written when PagerDuty cannot be read', async () => {
    await account();
    server.fault('GET /schedules', [500, 500, 500, 500]);
    const result = await importCli();
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Nothing was written.\n');
    expect(() => repo.read('rotations/payments.yaml')).toThrow();
  });
});
