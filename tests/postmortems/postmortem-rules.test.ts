import { afterEach, describe, expect, it } from 'vitest';
import { tempRepo, type TempRepo } from '../support/repo.ts';
import { at, checkCase, validateAt, type Case } from '../incidents/support.ts';

const OUTAGE = 'incidents/2026/2026-10-29-ingestion-outage.yaml';
const OUTAGE_PM = 'docs/incidents/2026-10-29-ingestion-outage.md';
const ERROR_RATE = 'incidents/2026/2026-10-14-ingestion-error-rate.yaml';
const ERROR_RATE_PM = 'docs/incidents/2026-10-14-ingestion-error-rate.md';

const IMPACT_SECTION =
  '## Impact\n\nAll 31 active clients were unable to ingest documents for 48 minutes during the night. Uploads\nqueued by clients were processed after recovery; none were lost.\n\n';
const WENT_WELL_ITEMS =
  '- Acknowledged within 7 minutes, at night, inside the 15-minute target.\n- Leadership was told within 15 minutes, as the P0 rule requires.\n- The escalation ladder brought in credential access quickly.\n';

let repo: TempRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

const dueCases: Case[] = [
  {
    name: 'a required post-mortem missing after its deadline',
    edit: (r) => {
      r.remove(OUTAGE_PM);
      r.replace(OUTAGE, 'postmortem: docs/incidents/2026-10-29-ingestion-outage.md\n', '');
    },
    expect: (r) => [
      {
        ruleId: 'postmortem-due',
        severity: 'error',
        file: OUTAGE,
        ...at(r, OUTAGE, 'resolved: 2026', '2026'),
        message: 'a post-mortem was due within 24 hours of resolution (scenario "service-outage"), by 2026-10-30T03:06:00+01:00, and docs/incidents/2026-10-29-ingestion-outage.md does not exist',
      },
    ],
  },
  {
    name: 'a required post-mortem not written yet but still in time: a note',
    now: '2026-10-29T12:00:00+01:00',
    edit: (r) => {
      // At this instant the rotation's fourteen-day stretches before the Rest overrides (secondary,
      // then primary, until 2026-11-23) are still ahead, so on-call-limits would report them; the
      // limit is not what this case is about.
      r.replace('policy/organisation.yaml', 'max_consecutive_days: 7', 'max_consecutive_days: 14');
      r.remove(OUTAGE_PM);
      r.replace(OUTAGE, 'postmortem: docs/incidents/2026-10-29-ingestion-outage.md\n', '');
    },
    expect: (r) => [
      { ruleId: 'postmortem-due', severity: 'note', file: OUTAGE, ...at(r, OUTAGE, 'resolved: 2026', '2026'), message: 'a post-mortem is due within 24 hours of resolution (scenario "service-outage"), by 2026-10-30T03:06:00+01:00' },
    ],
  },
  {
    name: 'an incident pointing at a post-mortem that does not exist',
    edit: (r) => r.remove(OUTAGE_PM),
    expect: (r) => [
      { ruleId: 'postmortem-due', severity: 'error', file: OUTAGE, ...at(r, OUTAGE, 'postmortem: docs', 'docs'), message: 'postmortem: docs/incidents/2026-10-29-ingestion-outage.md does not exist' },
      { ruleId: 'postmortem-due', severity: 'error', file: OUTAGE, ...at(r, OUTAGE, 'resolved: 2026', '2026'), message: 'does not exist' },
    ],
  },
  {
    name: 'a post-mortem published after the deadline (the severity P1 rule: 48 hours)',
    edit: (r) => r.replace(ERROR_RATE_PM, 'published: 2026-10-15T16:00:00+02:00', 'published: 2026-10-17T09:00:00+02:00'),
    expect: (r) => [
      { ruleId: 'postmortem-due', severity: 'warning', file: ERROR_RATE_PM, ...at(r, ERROR_RATE_PM, 'published:', '2026'), message: 'after its deadline: 2026-10-16T12:10:00+02:00, within 48 hours of resolution (severity P1)' },
    ],
  },
  {
    name: 'a post-mortem published on a date before the deadline\'s day (a date is the end of that day)',
    edit: (r) => r.replace(ERROR_RATE_PM, 'published: 2026-10-15T16:00:00+02:00', 'published: 2026-10-15'),
    expect: () => [],
  },
  {
    name: 'a post-mortem published on the date of its deadline, without the time',
    edit: (r) => r.replace(ERROR_RATE_PM, 'published: 2026-10-15T16:00:00+02:00', 'published: 2026-10-16'),
    expect: (r) => [
      { ruleId: 'postmortem-due', severity: 'warning', file: ERROR_RATE_PM, ...at(r, ERROR_RATE_PM, 'published:', '2026'), message: 'completed 2026-10-16, after its deadline: 2026-10-16T12:10:00+02:00', hint: 'A date counts as the end of that day: if it was completed in time on the day of the deadline, give the date-time. Otherwise hold the review sooner next time; the monthly report lists late post-mortems.' },
    ],
  },
  {
    name: 'a publication time without a UTC offset',
    edit: (r) => r.replace(ERROR_RATE_PM, 'published: 2026-10-15T16:00:00+02:00', 'published: 2026-10-15T16:00:00'),
    expect: (r) => [{ ruleId: 'datetime-offset', severity: 'error', file: ERROR_RATE_PM, ...at(r, ERROR_RATE_PM, 'published:', '2026'), message: 'published: "2026-10-15T16:00:00" has no UTC offset.' }],
  },
  {
    name: 'a publication date that is not a date',
    edit: (r) => r.replace(ERROR_RATE_PM, 'published: 2026-10-15T16:00:00+02:00', 'published: 2026-10-32'),
    expect: (r) => [{ ruleId: 'schema-format', severity: 'error', file: ERROR_RATE_PM, ...at(r, ERROR_RATE_PM, 'published:', '2026'), message: 'published: "2026-10-32" is not a valid date (YYYY-MM-DD) or date-time with a UTC offset (e.g. 2026-10-14T08:12:00+02:00).' }],
  },
  {
    name: 'a post-mortem still a draft after the deadline',
    edit: (r) => r.replace(OUTAGE_PM, 'status: final\npublished: 2026-10-29T17:30:00+01:00\n', 'status: draft\n'),
    expect: (r) => [{ ruleId: 'postmortem-due', severity: 'warning', file: OUTAGE_PM, ...at(r, OUTAGE_PM, 'status: draft', 'draft'), message: 'is still "draft"' }],
  },
  {
    name: 'no post-mortem needed for a P2',
    edit: (r) => r.replace('incidents/2026/2026-11-10-ingestion-stuck-upload.yaml', 'resolution: The lock', 'resolution: The lock'),
    expect: () => [],
  },
];

const sectionCases: Case[] = [
  {
    name: 'a missing section',
    edit: (r) => r.replace(OUTAGE_PM, IMPACT_SECTION, ''),
    expect: (r) => [
      { ruleId: 'postmortem-sections', severity: 'error', file: OUTAGE_PM, ...at(r, OUTAGE_PM, '# Post-mortem:', '#'), message: 'The post-mortem has no "Impact" section (who was affected and how), which the template requires for P0.' },
    ],
  },
  {
    name: 'a heading inside a code block does not count',
    edit: (r) => r.replace(OUTAGE_PM, '## Impact\n', '```\n## Impact\n```\n'),
    expect: (r) => [{ ruleId: 'postmortem-sections', severity: 'error', file: OUTAGE_PM, ...at(r, OUTAGE_PM, '# Post-mortem:', '#'), message: 'no "Impact" section' }],
  },
  {
    name: 'several sections missing, each reported',
    edit: (r) => {
      r.replace(ERROR_RATE_PM, '## Root cause\n', '## Background\n');
      r.replace(ERROR_RATE_PM, '## What could be improved\n', '## Lessons\n');
    },
    expect: (r) => [
      { ruleId: 'postmortem-sections', severity: 'error', file: ERROR_RATE_PM, ...at(r, ERROR_RATE_PM, '# Post-mortem:', '#'), message: 'no "Root cause" section' },
      { ruleId: 'postmortem-sections', severity: 'error', file: ERROR_RATE_PM, ...at(r, ERROR_RATE_PM, '# Post-mortem:', '#'), message: 'no "What could be improved" section' },
    ],
  },
  {
    name: 'an empty section',
    edit: (r) => r.replace(OUTAGE_PM, WENT_WELL_ITEMS, ''),
    expect: (r) => [{ ruleId: 'postmortem-sections', severity: 'error', file: OUTAGE_PM, ...at(r, OUTAGE_PM, '## What went well', '#'), message: 'Section "What went well" is empty.' }],
  },
  {
    name: 'headings matched case-insensitively, in other wordings, at other levels, numbered',
    edit: (r) => {
      r.replace(OUTAGE_PM, '## Root cause\n', '### 3. ROOT CAUSE ANALYSIS\n');
      r.replace(OUTAGE_PM, '## Incident summary\n', 'Summary\n-------\n');
      r.replace(OUTAGE_PM, '## What could be improved\n', '## What could have gone better?\n');
    },
    expect: () => [],
  },
  {
    name: 'a final post-mortem that kept a prompt of the template',
    edit: (r) => r.replace(OUTAGE_PM, WENT_WELL_ITEMS, '_The aspects of the response that worked._\n'),
    expect: (r) => [{ ruleId: 'postmortem-sections', severity: 'warning', file: OUTAGE_PM, ...at(r, OUTAGE_PM, '## What went well', '#'), message: "still holds the template's prompt" }],
  },
  {
    name: 'headings the policy accepts: Lessons learned, Corrective actions',
    edit: (r) => {
      r.replace(OUTAGE_PM, '## What could be improved\n', '## Lessons learned\n');
      r.replace(OUTAGE_PM, '## Action items\n', '## Corrective actions\n');
    },
    expect: () => [],
  },
  {
    name: 'a heading the policy no longer accepts',
    edit: (r) => {
      r.replace(OUTAGE_PM, '## What could be improved\n', '## Lessons learned\n');
      r.replace('policy/severities.yaml', 'What went wrong, Improvements, Lessons learned]', 'What went wrong, Improvements]');
    },
    expect: (r) => [
      {
        ruleId: 'postmortem-sections',
        severity: 'error',
        file: OUTAGE_PM,
        ...at(r, OUTAGE_PM, '# Post-mortem:', '#'),
        message: 'The post-mortem has no "What could be improved" section (the gaps in process, tooling, or communication), which the template requires for P0.',
      },
    ],
  },
  {
    name: 'a section the policy requires only for P0 is optional in a P1 post-mortem',
    edit: (r) => {
      r.replace('policy/severities.yaml', '      holds: The aspects of the response that worked.\n', '      holds: The aspects of the response that worked.\n      severities: [P0]\n');
      r.replace(ERROR_RATE_PM, '## What went well\n', '## Background\n');
      r.replace(OUTAGE_PM, '## What went well\n', '## Background\n');
    },
    expect: (r) => [{ ruleId: 'postmortem-sections', severity: 'error', file: OUTAGE_PM, ...at(r, OUTAGE_PM, '# Post-mortem:', '#'), message: 'no "What went well" section' }],
  },
  {
    name: 'a post-mortem claiming a milder severity than its incident',
    edit: (r) => r.replace(OUTAGE_PM, 'severity: P0', 'severity: P2'),
    expect: (r) => [
      {
        ruleId: 'postmortem-severity',
        severity: 'error',
        file: OUTAGE_PM,
        ...at(r, OUTAGE_PM, 'severity: P2', 'P2'),
        message: 'severity: "P2" differs from the severity of incident "2026-10-29-ingestion-outage", "P0".',
      },
    ],
  },
];

const actionItemCases: Case[] = [
  {
    name: 'an open action item past its due date: a warning',
    edit: (r) => r.replace(ERROR_RATE_PM, 'due: 2026-11-30', 'due: 2026-11-20'),
    expect: (r) => [
      { ruleId: 'postmortem-action-items', severity: 'warning', file: ERROR_RATE_PM, ...at(r, ERROR_RATE_PM, 'due: 2026-11-20', '2026'), message: 'AI-2 ("Add a migration check to CI that runs the previous worker release against the new schema") is in-progress and 2 days past its due date 2026-11-20.' },
    ],
  },
  {
    name: 'an open action item past the 14-day grace period: an error',
    edit: (r) => r.replace(OUTAGE_PM, 'due: 2026-12-15', 'due: 2026-11-07'),
    expect: (r) => [
      { ruleId: 'postmortem-action-items', severity: 'error', file: OUTAGE_PM, ...at(r, OUTAGE_PM, 'due: 2026-11-07', '2026'), message: 'is open and 15 days past its due date 2026-11-07, beyond the 14d grace period' },
    ],
  },
  {
    name: 'the grace period comes from policy/organisation.yaml',
    edit: (r) => {
      r.replace(OUTAGE_PM, 'due: 2026-12-15', 'due: 2026-11-07');
      r.replace('policy/organisation.yaml', 'action_item_grace: 14d', 'action_item_grace: 4w');
    },
    expect: (r) => [{ ruleId: 'postmortem-action-items', severity: 'warning', file: OUTAGE_PM, ...at(r, OUTAGE_PM, 'due: 2026-11-07', '2026'), message: '15 days past its due date' }],
  },
  {
    name: 'an action item without an owner',
    edit: (r) => r.replace(ERROR_RATE_PM, '    owner: farid-haddad\n', ''),
    expect: (r) => [{ ruleId: 'schema-required', severity: 'error', file: ERROR_RATE_PM, ...at(r, ERROR_RATE_PM, '- id: AI-2', 'id'), message: 'action_items[1]: "owner" is required.' }],
  },
  {
    name: 'an action item owned by nobody known',
    edit: (r) => r.replace(ERROR_RATE_PM, 'owner: farid-haddad', 'owner: farid-hadad'),
    expect: (r) => [{ ruleId: 'reference-exists', severity: 'error', file: ERROR_RATE_PM, ...at(r, ERROR_RATE_PM, 'owner: farid-hadad', 'farid'), message: '"farid-hadad" is not a person' }],
  },
  {
    name: 'an action item without a due date',
    edit: (r) => r.replace(OUTAGE_PM, '    due: 2026-12-15\n', ''),
    expect: (r) => [{ ruleId: 'schema-required', severity: 'error', file: OUTAGE_PM, ...at(r, OUTAGE_PM, '- id: AI-3', 'id'), message: '"due" is required' }],
  },
  {
    name: 'a done date on an item that is not done, and a repeated id',
    edit: (r) => {
      r.replace(OUTAGE_PM, '    due: 2026-12-15\n    status: open\n', '    due: 2026-12-15\n    status: open\n    done: 2026-11-20\n');
      r.replace(OUTAGE_PM, '- id: AI-3', '- id: AI-2');
    },
    expect: (r) => [
      { ruleId: 'postmortem-action-items', severity: 'error', file: OUTAGE_PM, ...at(r, OUTAGE_PM, 'done: 2026-11-20', '2026'), message: 'has a done date (2026-11-20) but its status is "open"' },
      { ruleId: 'postmortem-action-items', severity: 'error', file: OUTAGE_PM, ...at(r, OUTAGE_PM, '- id: AI-2', 'AI-2', 2), message: '"AI-2" is used by an earlier action item' },
    ],
  },
];

const SECRET = 'ghp_R2d2C3poBb8Yoda0Luke1Leia2Han3Solo4Chewie';
const sensitiveCases: Case[] = [
  {
    name: 'a GitHub token in an incident record',
    edit: (r) => r.replace(ERROR_RATE, 'resolution: The migration was amended', `resolution: Rotated ${SECRET} after the fix. The migration was amended`),
    expect: (r) => [{ ruleId: 'sensitive-data', severity: 'error', file: ERROR_RATE, ...at(r, ERROR_RATE, 'resolution:', 'ghp_'), message: 'resolution: contains a GitHub token ("ghp_********' }],
  },
  {
    name: 'a phone number in a timeline event',
    edit: (r) => r.replace(OUTAGE, 'event: New storage token issued and deployed', 'event: "New storage token issued and deployed; call +49 30 5550 1003 for access"'),
    expect: (r) => [{ ruleId: 'sensitive-data', severity: 'error', file: OUTAGE, ...at(r, OUTAGE, 'call +49', '+49'), message: 'timeline[8].event: contains a phone number ("+49***"' }],
  },
  {
    name: 'an e-mail address in a post-mortem body',
    edit: (r) => r.replace(OUTAGE_PM, 'queued by clients were processed after recovery; none were lost.\n', 'queued by clients were processed after recovery; none were lost. Ask ops.lead@anchor.example.\n'),
    expect: (r) => [{ ruleId: 'sensitive-data', severity: 'error', file: OUTAGE_PM, ...at(r, OUTAGE_PM, 'Ask ops.lead', 'ops.lead'), message: 'contains an e-mail address ("o***@a***"' }],
  },
  {
    name: 'a password in post-mortem front matter',
    edit: (r) => r.replace(OUTAGE_PM, 'title: Inventory every credential with a fixed expiry and record it in the runbook', 'title: "Inventory every credential (old password: Hunter2024!)"'),
    expect: (r) => [{ ruleId: 'sensitive-data', severity: 'error', file: OUTAGE_PM, ...at(r, OUTAGE_PM, 'old password', 'Hunter'), message: 'action_items[2].title: contains a password ("' }],
  },
  {
    name: 'a private key pasted into a code block',
    edit: (r) => r.replace(OUTAGE_PM, '## What went well\n', '```\n-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n```\n\n## What went well\n'),
    expect: (r) => [{ ruleId: 'sensitive-data', severity: 'error', file: OUTAGE_PM, ...at(r, OUTAGE_PM, '-----BEGIN RSA', '-----'), message: 'contains a private key' }],
  },
];

const blameCases: Case[] = [
  {
    name: 'an incident root cause naming a person',
    edit: (r) => r.replace(ERROR_RATE, 'root_cause: A schema migration added', 'root_cause: Elif Yilmaz ran a schema migration that added'),
    expect: (r) => [{ ruleId: 'blameless-language', severity: 'warning', file: ERROR_RATE, ...at(r, ERROR_RATE, 'root_cause:', 'Elif'), message: 'root_cause: names "Elif Yilmaz" (elif-yilmaz) as part of the cause' }],
  },
  {
    name: 'a root-cause section blaming someone by first name and handle',
    edit: (r) => r.replace(OUTAGE_PM, 'expiry. Nothing rotated it', 'expiry. Chen forgot to rotate it and @dana ignored the warning; nothing rotated it'),
    expect: (r) => [
      { ruleId: 'blameless-language', severity: 'warning', file: OUTAGE_PM, ...at(r, OUTAGE_PM, 'Chen forgot', 'Chen'), message: 'The "Root cause" section names "Chen" (chen-wei)' },
      { ruleId: 'blameless-language', severity: 'warning', file: OUTAGE_PM, ...at(r, OUTAGE_PM, 'Chen forgot', '@dana'), message: 'names "@dana" (dana-reyes)' },
    ],
  },
  {
    name: 'names elsewhere, and words that merely look like names, are fine',
    edit: (r) => {
      r.replace(OUTAGE_PM, '- The escalation ladder brought in credential access quickly.', '- Chen Wei found the expired token quickly.');
      r.replace(OUTAGE_PM, 'expiry. Nothing rotated it', 'expiry, with no grace period. Nothing rotated it');
    },
    expect: () => [],
  },
];

const ORGANISATION = 'policy/organisation.yaml';

const sensitiveSettingCases: Case[] = [
  {
    name: 'national formats of the regions of the people in policy/people.yaml by default (a GB number)',
    edit: (r) => r.replace(OUTAGE_PM, 'queued by clients were processed after recovery; none were lost.\n', 'queued by clients were processed after recovery; none were lost. The desk is on 020 7946 0958.\n'),
    expect: (r) => [{ ruleId: 'sensitive-data', severity: 'error', file: OUTAGE_PM, ...at(r, OUTAGE_PM, 'The desk is on', '020'), message: 'contains a phone number ("02***"' }],
  },
  {
    name: 'sensitive_data.phone_regions narrows the national formats: a GB number is no longer one for an organisation in DE only',
    edit: (r) => {
      r.replace(ORGANISATION, 'follow_up:\n', 'sensitive_data:\n  phone_regions: [DE]\nfollow_up:\n');
      r.replace(OUTAGE_PM, 'queued by clients were processed after recovery; none were lost.\n', 'queued by clients were processed after recovery; none were lost. Desks: 020 7946 0958 and 030 1234567.\n');
    },
    expect: (r) => [{ ruleId: 'sensitive-data', severity: 'error', file: OUTAGE_PM, ...at(r, OUTAGE_PM, 'Desks:', '030'), message: 'contains a phone number ("03***"' }],
  },
  {
    name: 'a public support mailbox listed in sensitive_data.allowed_emails passes; another address does not',
    edit: (r) => {
      r.replace(ORGANISATION, 'follow_up:\n', 'sensitive_data:\n  allowed_emails: [Support@Anchor.example]\nfollow_up:\n');
      r.replace(OUTAGE_PM, 'queued by clients were processed after recovery; none were lost.\n', 'queued by clients were processed after recovery; none were lost. Write to support@anchor.example, not ops.lead@anchor.example.\n');
    },
    expect: (r) => [{ ruleId: 'sensitive-data', severity: 'error', file: OUTAGE_PM, ...at(r, OUTAGE_PM, 'Write to support', 'ops.lead'), message: 'contains an e-mail address ("o***@a***"' }],
  },
  {
    name: 'a region code libphonenumber does not know',
    edit: (r) => r.replace(ORGANISATION, 'follow_up:\n', 'sensitive_data:\n  phone_regions: [DE, UK]\nfollow_up:\n'),
    expect: (r) => [
      { ruleId: 'schema-format', severity: 'error', file: ORGANISATION, ...at(r, ORGANISATION, 'phone_regions:', 'UK'), message: 'sensitive_data.phone_regions[1]: "UK" is not a valid region code for phone numbers (ISO 3166-1 alpha-2 in capitals, e.g. GB, DE, US).' },
    ],
  },
  {
    name: 'a secretlint finding in an incident record: an AWS secret key assigned in a timeline event',
    edit: (r) => r.replace(ERROR_RATE, 'event: "Alert: ingestion error rate 23% over 5 minutes"', 'event: "Alert fired; the job had AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKY set"'),
    expect: (r) => [{ ruleId: 'sensitive-data', severity: 'error', file: ERROR_RATE, ...at(r, ERROR_RATE, 'AWS_SECRET', 'wJalr'), message: 'timeline[0].event: contains an AWS secret access key ("wJal************"' }],
  },
];

const blameSectionCases: Case[] = [
  {
    name: 'a name in emphasis blamed in the timeline section',
    edit: (r) => r.replace(OUTAGE_PM, '| 02:21 | On-call primary acknowledges; P0 declared |', '| 02:21 | _Dana_ ignored the page; P0 declared |'),
    expect: (r) => [{ ruleId: 'blameless-language', severity: 'warning', file: OUTAGE_PM, ...at(r, OUTAGE_PM, '_Dana_', 'Dana'), message: 'The "Timeline" section blames "Dana" (dana-reyes): "ignored" (columns 12-15).' }],
  },
  {
    name: 'blame without a name in "What could be improved", with a rewrite hint',
    edit: (r) => r.replace(OUTAGE_PM, '- Credentials with a fixed expiry were not inventoried.', '- Credentials with a fixed expiry were not inventoried: human error.'),
    expect: (r) => [{ ruleId: 'blameless-language', severity: 'warning', file: OUTAGE_PM, ...at(r, OUTAGE_PM, 'human error', 'human'), message: 'The "What could be improved" section uses blaming language: "human error" (columns 57-67).' }],
  },
  {
    name: 'blame in an incident timeline event; names without blame in a timeline are fine',
    edit: (r) => {
      r.replace(ERROR_RATE, 'event: "Alert: ingestion error rate 23% over 5 minutes"', 'event: "Alert fired; Kavya forgot to silence the test alert"');
      r.replace(OUTAGE_PM, '| 02:29 | Escalated to the team lead; secondary joins |', '| 02:29 | Escalated to Chen Wei; Dana joins |');
    },
    expect: (r) => [{ ruleId: 'blameless-language', severity: 'warning', file: ERROR_RATE, ...at(r, ERROR_RATE, 'Kavya forgot', 'Kavya'), message: 'timeline[0].event: blames "Kavya" (kavya-iyer): "forgot"' }],
  },
  {
    name: 'a first name that is an ordinary word is a person only where used as one; blameless_language.not_names removes it',
    edit: (r) => r.replace(OUTAGE_PM, 'expiry. Nothing rotated it', 'expiry. The Hugo static site builder cached the page, Grace period checks were off, Hugo deployed it. Nothing rotated it'),
    expect: (r) => [{ ruleId: 'blameless-language', severity: 'warning', file: OUTAGE_PM, ...at(r, OUTAGE_PM, 'Hugo deployed', 'Hugo deployed'), message: 'The "Root cause" section names "Hugo" (hugo-martin) as part of the cause (columns 85-88).' }],
  },
  {
    name: 'a word listed in blameless_language.not_names is never a name',
    edit: (r) => {
      r.replace(ORGANISATION, 'follow_up:\n', 'blameless_language:\n  not_names: [Hugo]\nfollow_up:\n');
      r.replace(OUTAGE_PM, 'expiry. Nothing rotated it', 'expiry. Hugo deployed it; Hugo Martin reviewed it. Nothing rotated it');
    },
    expect: (r) => [{ ruleId: 'blameless-language', severity: 'warning', file: OUTAGE_PM, ...at(r, OUTAGE_PM, 'Hugo Martin', 'Hugo Martin'), message: 'names "Hugo Martin" (hugo-martin)' }],
  },
  {
    name: 'an @-mention by GitHub login and a person spelt without diacritics in a root cause',
    edit: (r) => {
      r.replace('policy/people.yaml', '  - id: zoe-laurent\n', '  - id: soren-kjaer\n    name: Søren Kjær\n    github: skjaer\n    timezone: Europe/Copenhagen\n    team: anchor-operations\n    contacts: { slack: "@soren" }\n  - id: zoe-laurent\n');
      r.replace(OUTAGE_PM, 'expiry. Nothing rotated it', 'expiry. Soren forgot it and @bschultz merged the change. Nothing rotated it');
    },
    expect: (r) => [
      { ruleId: 'blameless-language', severity: 'warning', file: OUTAGE_PM, ...at(r, OUTAGE_PM, 'Soren forgot', 'Soren'), message: 'names "Soren" (soren-kjaer)' },
      { ruleId: 'blameless-language', severity: 'warning', file: OUTAGE_PM, ...at(r, OUTAGE_PM, 'Soren forgot', '@bschultz'), message: 'names "@bschultz" (ben-schultz)' },
    ],
  },
];

/** Replaces the outage post-mortem's timeline rows with rows at these times (a night across a DST change). */
function timelineRows(r: TempRepo, times: readonly string[]): void {
  const text = r.read(OUTAGE_PM);
  const from = text.indexOf('| 02:14 |');
  const to = text.indexOf('\n', text.indexOf('| 03:06 |'));
  r.write(OUTAGE_PM, `${text.slice(0, from)}${times.map((time, i) => `| ${time} | Step ${i + 1} |`).join('\n')}${text.slice(to)}`);
}

const timelineTableCases: Case[] = [
  {
    name: 'a timeline row before the row above it',
    edit: (r) => r.replace(OUTAGE_PM, '| 02:26 | Leadership summary posted |', '| 02:16 | Leadership summary posted |'),
    expect: (r) => [
      { ruleId: 'postmortem-timeline-ordered', severity: 'error', file: OUTAGE_PM, ...at(r, OUTAGE_PM, '| 02:16 |', '02:16'), message: 'The timeline row at "02:16" is before the row above it at "02:24".' },
    ],
  },
  {
    name: 'ISO 8601 times with an offset and without seconds are compared as instants',
    edit: (r) => {
      r.replace(OUTAGE_PM, '| 02:14 | Alert', '| 2026-10-29T02:14+01:00 | Alert');
      r.replace(OUTAGE_PM, '| 02:21 | On-call', '| 2026-10-29T01:21Z | On-call');
      r.replace(OUTAGE_PM, '| 02:24 | Kill-switch', '| 2026-10-29T00:30Z | Kill-switch');
    },
    expect: (r) => [
      { ruleId: 'postmortem-timeline-ordered', severity: 'error', file: OUTAGE_PM, ...at(r, OUTAGE_PM, '2026-10-29T00:30Z', '2026'), message: 'The timeline row at "2026-10-29T00:30Z" is before the row above it at "2026-10-29T01:21Z".' },
    ],
  },
  {
    name: 'the hour repeated when clocks go back is in order when each row names its zone, as new postmortem writes it',
    edit: (r) => timelineRows(r, ['2026-10-25 02:58 CEST', '2026-10-25 02:07 CET', '2026-10-25 02:40 CET']),
    expect: () => [],
  },
  {
    name: 'the same wall-clock times without zone names are out of order',
    edit: (r) => timelineRows(r, ['2026-10-25 02:58', '2026-10-25 02:07', '2026-10-25 03:10']),
    expect: (r) => [
      { ruleId: 'postmortem-timeline-ordered', severity: 'error', file: OUTAGE_PM, ...at(r, OUTAGE_PM, '| 2026-10-25 02:07 |', '2026'), message: 'The timeline row at "2026-10-25 02:07" is before the row above it at "2026-10-25 02:58".' },
    ],
  },
];

const dateTimeCases: Case[] = [
  {
    name: 'an incident time without seconds but with an offset is accepted',
    edit: (r) => r.replace(ERROR_RATE, 'at: 2026-10-14T09:42:00+02:00, event: "Alert', 'at: 2026-10-14T09:42+02:00, event: "Alert'),
    expect: () => [],
  },
  {
    name: 'an incident time without an offset is reported for exactly that',
    edit: (r) => r.replace(ERROR_RATE, 'at: 2026-10-14T09:42:00+02:00, event: "Alert', 'at: 2026-10-14T09:42, event: "Alert'),
    expect: (r) => [
      { ruleId: 'datetime-offset', severity: 'error', file: ERROR_RATE, ...at(r, ERROR_RATE, 'at: 2026-10-14T09:42,', '2026'), message: 'timeline[0].at: "2026-10-14T09:42" has no UTC offset.' },
    ],
  },
];

describe.each([
  ['post-mortem deadlines', dueCases],
  ['post-mortem sections', sectionCases],
  ['action items', actionItemCases],
  ['sensitive data', sensitiveCases],
  ['blameless language', blameCases],
  ['sensitive-data settings', sensitiveSettingCases],
  ['blameless language beyond the root cause', blameSectionCases],
  ['timeline tables', timelineTableCases],
  ['date-times', dateTimeCases],
] as const)('%s', (_name, cases) => {
  it.each(cases)('$name', (testCase) =>
    checkCase(testCase, (copy) => {
      repo = copy;
    }),
  );
});

describe('sensitive-data messages', () => {
  it('never print the secret itself', async () => {
    repo = tempRepo();
    repo.replace(ERROR_RATE, 'resolution: The migration was amended', `resolution: Rotated ${SECRET} after the fix. The migration was amended`);
    const { diagnostics } = await validateAt(repo);
    const [finding] = diagnostics;
    expect(finding!.message).not.toContain(SECRET);
    expect(finding!.message).not.toContain(SECRET.slice(4, 16));
    expect(finding!.message).toMatch(/columns \d+-\d+/);
  });
});
