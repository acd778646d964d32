/**
 * Planted variants of the real post-mortems: a sentence holding a credential, a contact detail or
 * blame (or something that only looks like one) is inserted into a corpus post-mortem or incident
 * record, and the sensitive-data and blameless-language rules must report exactly the planted
 * span, or nothing. Two sets: `issue`, the misses and false alarms measured when these rules were
 * rewritten; `more`, other formats and wordings, to see that the rules generalise rather than
 * fit the examples; and `harder`, wordings written to probe the known limits (README "Known
 * limits"), some of which the rules miss. tests/postmortems/planted.test.ts runs the first two sets;
 * `npm run lint-recall` measures precision and recall over every plant in every corpus document.
 */

/** Where a plant goes: a post-mortem section (a new paragraph under its heading) or an incident record's field. */
export type PlantPlace = 'summary' | 'root-cause' | 'timeline' | 'could-improve' | 'record-root-cause' | 'record-timeline' | 'record-impact';

export interface Plant {
  name: string;
  set: 'issue' | 'more' | 'harder';
  /** The rule that must report it (for a plant that must pass: the rule it tempts). */
  rule: 'sensitive-data' | 'blameless-language';
  /** The sentence inserted. */
  text: string;
  /** The part of `text` the finding must point at; absent when nothing may be reported. */
  finding?: string;
  place: PlantPlace;
}

/** Post-mortem headings of the places, as the corpus (and the template) writes them. */
export const SECTION_HEADINGS: Partial<Record<PlantPlace, string>> = {
  summary: '## Summary',
  'root-cause': '## Root cause',
  timeline: '## Timeline',
  'could-improve': '## What could be improved',
};

/** The YAML text a record plant is inserted after (inside a double-quoted value). */
export const RECORD_FIELDS: Partial<Record<PlantPlace, string>> = {
  'record-root-cause': 'root_cause: "',
  'record-timeline': '    event: "',
  'record-impact': '  summary: "',
};

/**
 * People the plants name, added to the organisation beside the example's and the corpus's: a
 * first name with a handle of its own, and one written with a diacritic.
 */
export const PLANTED_PEOPLE = `  - id: sean-doyle
    name: Sean Doyle
    github: sdoyle
    timezone: Europe/Dublin
    team: corpus-responders
    contacts: { slack: "@sean" }
  - id: soren-kjaer
    name: Søren Kjær
    github: skjaer
    timezone: Europe/Copenhagen
    team: corpus-responders
    contacts: { slack: "@skjaer" }
`;

/** The organisation's settings for the plants: a public support mailbox that may be named. */
export const PLANTED_POLICY = `sensitive_data:
  allowed_emails: [support@example.com]
`;

const caught = (set: Plant['set'], rule: Plant['rule'], place: PlantPlace, name: string, text: string, finding: string): Plant => ({ name, set, rule, text, finding, place });
const passes = (set: Plant['set'], rule: Plant['rule'], place: PlantPlace, name: string, text: string): Plant => ({ name, set, rule, text, place });

export const PLANTS: readonly Plant[] = [
  // The misses measured before: each must be caught.
  caught('issue', 'sensitive-data', 'summary', 'AWS_SECRET_ACCESS_KEY=', 'The job exported AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKY before the upload.', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKY'),
  caught('issue', 'sensitive-data', 'root-cause', 'aws_secret_access_key = ', 'The runner config held aws_secret_access_key = Tx4s9Bq2Lm7Zp0Wv3Kc8Yd5Rf1Hn6Jg2Ue9Ia4Ob in plain text.', 'Tx4s9Bq2Lm7Zp0Wv3Kc8Yd5Rf1Hn6Jg2Ue9Ia4Ob'),
  caught('issue', 'sensitive-data', 'timeline', 'DB_PASSWORD=', 'The deploy log printed DB_PASSWORD=Zk8#mQ2vLp9x for every pod.', 'Zk8#mQ2vLp9x'),
  caught('issue', 'sensitive-data', 'summary', 'Authorization: token', 'We replayed the call with Authorization: token 3f1c2b9a8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a to confirm.', '3f1c2b9a8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a'),
  caught('issue', 'sensitive-data', 'root-cause', 'Authorization: Basic', 'The probe sent Authorization: Basic ZGVwbG95OlMzY3IzdC1wYXNz on every request.', 'ZGVwbG95OlMzY3IzdC1wYXNz'),
  caught('issue', 'sensitive-data', 'timeline', 'Slack webhook URL', 'Alerts were posted to https://hooks.slack.com/services/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 until it was rotated.', 'https://hooks.slack.com/services/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'),
  caught('issue', 'sensitive-data', 'could-improve', 'xapp- token', 'The Socket Mode app used xapp-1-A0123456789-1234567890123-abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789 from a shared file.', 'xapp-1-A0123456789-1234567890123-abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789'),
  caught('issue', 'sensitive-data', 'root-cause', 'npm_ token', 'The worm published with the stolen token npm_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789 from CI.', 'npm_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789'),
  caught('issue', 'sensitive-data', 'summary', 'glpat- token', 'The runner registered with glpat-AbCdEfGhIjKlMnOpQrSt and kept it.', 'glpat-AbCdEfGhIjKlMnOpQrSt'),
  caught('issue', 'sensitive-data', 'timeline', 'pypi- token', 'The package was uploaded with pypi-AgEIcHlwaS5vcmcCJGE4ZjU1YjQ1LTk4NTctNDJlZS1hMmEyLTc4MjBlZGU0NzQ1NAACKlsz by the attacker.', 'pypi-AgEIcHlwaS5vcmcCJGE4ZjU1YjQ1LTk4NTctNDJlZS1hMmEyLTc4MjBlZGU0NzQ1NAACKlsz'),
  caught('issue', 'sensitive-data', 'could-improve', 'Cloudflare API key', 'The DNS script had the Cloudflare API key: 1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9 inline.', '1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9'),
  caught('issue', 'sensitive-data', 'summary', 'GB national phone', 'The London desk answered on 020 7946 0958 all night.', '020 7946 0958'),
  caught('issue', 'sensitive-data', 'timeline', 'DE national phone', 'Customers were asked to call 030 1234567 for updates.', '030 1234567'),
  caught('issue', 'sensitive-data', 'root-cause', 'US national phone', 'The vendor escalation line 415 555 2671 went to voicemail.', '415 555 2671'),
  caught('issue', 'sensitive-data', 'could-improve', 'FR national phone', 'The Paris office number 01 23 45 67 89 was printed on the status page.', '01 23 45 67 89'),
  caught('issue', 'sensitive-data', 'summary', 'obfuscated e-mail', 'Reports went to jane dot doe at example dot com instead of the shared queue.', 'jane dot doe at example dot com'),
  // The false alarms measured before: each must pass.
  passes('issue', 'sensitive-data', 'root-cause', 'integer overflow', 'The counter was a signed 32-bit integer: after +2147483647 it wrapped to a negative id.'),
  passes('issue', 'sensitive-data', 'timeline', 'masked password', 'The config dump showed password: ******** as expected.'),
  passes('issue', 'sensitive-data', 'could-improve', '${NPM_TOKEN} placeholder', 'The publish step runs npm publish with token=${NPM_TOKEN} from the CI secret store.'),
  passes('issue', 'sensitive-data', 'summary', '$ACCESS_TOKEN placeholder', 'The runbook says to call the API with Authorization: Bearer $ACCESS_TOKEN only.'),
  passes('issue', 'sensitive-data', 'root-cause', 'a date after "access token:"', 'The access token: 2026-10-29 was its expiry date, and nobody tracked it.'),
  passes('issue', 'sensitive-data', 'timeline', 'ssh login', 'The database host was reached with ssh root@db1.example.com to restart it.'),
  passes('issue', 'sensitive-data', 'could-improve', 'git remote', 'The mirror pulls from git@github.com:org/repo every minute.'),
  passes('issue', 'sensitive-data', 'summary', 'allowed support mailbox', 'Customers can reach us at support@example.com for questions about this incident.'),
  caught('issue', 'blameless-language', 'timeline', 'name in emphasis', '_Sean_ ignored the error and the queue kept growing.', 'Sean'),
  caught('issue', 'blameless-language', 'root-cause', '@-mention of a person', 'The change was pushed by @sdoyle without a review.', '@sdoyle'),
  caught('issue', 'blameless-language', 'could-improve', 'name without diacritics', 'Soren forgot to renew the certificate before it expired.', 'Soren'),
  caught('issue', 'blameless-language', 'root-cause', 'handle used as a name', 'sean skipped the canary stage, so the bad build reached every region.', 'sean'),
  caught('issue', 'blameless-language', 'root-cause', '"the developer forgot"', 'The outage began because the developer forgot to run the migration.', 'the developer forgot'),
  caught('issue', 'blameless-language', 'could-improve', '"a careless engineer"', 'A careless engineer can still take production down this way.', 'careless'),
  caught('issue', 'blameless-language', 'timeline', '"should have known better"', 'The reviewer approved it, and should have known better than to skip the checks.', 'should have known better'),
  caught('issue', 'blameless-language', 'root-cause', '"human error"', 'The root cause was human error during the failover.', 'human error'),
  passes('issue', 'blameless-language', 'root-cause', '"Grace period"', 'Grace period expiry was not monitored, so the certificate lapsed unnoticed.'),
  passes('issue', 'blameless-language', 'root-cause', '"Jan 2018"', 'The affected library had been pinned since Jan 2018 without updates.'),
  passes('issue', 'blameless-language', 'root-cause', '"the Hugo static site builder"', 'The status page is built with the Hugo static site builder, which cached the old page.'),

  // More formats and wordings, not tuned on: how the rules generalise.
  caught('more', 'sensitive-data', 'timeline', 'GitHub token in an env line', 'The workflow log showed GITHUB_TOKEN=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 in clear.', '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'),
  caught('more', 'sensitive-data', 'summary', 'GitHub fine-grained token', 'A github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTU was pasted into the ticket.', 'github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTU'),
  caught('more', 'sensitive-data', 'root-cause', 'Slack bot token', 'The bot ran with SLACK_BOT_TOKEN=xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx on every host.', 'xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx'),
  caught('more', 'sensitive-data', 'could-improve', 'SendGrid key', 'Mail kept flowing through SG.abcdefghijklmnopqrstuv.abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ after the breach.', 'SG.abcdefghijklmnopqrstuv.abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ'),
  caught('more', 'sensitive-data', 'summary', 'Stripe key', 'Billing retried with sk_live_51HabcdefGHIJKLmnop0123 from the old config.', 'sk_live_51HabcdefGHIJKLmnop0123'),
  caught('more', 'sensitive-data', 'timeline', 'Google API key', 'The maps widget used AIzaSyA1234567890abcdefghijklmnopqrstuv for every tenant.', 'AIzaSyA1234567890abcdefghijklmnopqrstuv'),
  caught('more', 'sensitive-data', 'root-cause', 'AWS access key id', 'The key AKIA2OGYBAH6STMMNXNN was still active in the old account.', 'AKIA2OGYBAH6STMMNXNN'),
  caught('more', 'sensitive-data', 'could-improve', 'database URL', 'The worker connected to postgres://ingest:s3cr3t-pass@db.internal:5432/app directly.', 's3cr3t-pass'),
  caught('more', 'sensitive-data', 'summary', 'MongoDB URL', 'The analytics job read mongodb+srv://admin:Pa55word9@cluster0.example.mongodb.net/db at start-up.', 'Pa55word9'),
  caught('more', 'sensitive-data', 'timeline', 'client secret', 'The OAuth app was recreated because client_secret: 8f14e45fceea167a5a36dedd4bea2543 had leaked.', '8f14e45fceea167a5a36dedd4bea2543'),
  caught('more', 'sensitive-data', 'root-cause', 'API key header', 'The proxy logged X-Api-Key: 5f2b7c9d1e3a4b6c8d0e2f4a6b8c0d1e for each call.', '5f2b7c9d1e3a4b6c8d0e2f4a6b8c0d1e'),
  caught('more', 'sensitive-data', 'could-improve', 'Datadog API key in words', 'The Datadog API key: 0123456789abcdef0123456789abcdef was shared in the channel.', '0123456789abcdef0123456789abcdef'),
  caught('more', 'sensitive-data', 'summary', 'bearer token', 'The export called the API with Bearer 9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d until midnight.', '9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d'),
  caught('more', 'sensitive-data', 'timeline', 'private key', 'A file starting -----BEGIN OPENSSH PRIVATE KEY----- was attached to the ticket.', '-----BEGIN OPENSSH PRIVATE KEY-----'),
  caught('more', 'sensitive-data', 'root-cause', 'passphrase', 'The backup used passphrase=correct-horse-42 for every archive.', 'correct-horse-42'),
  caught('more', 'sensitive-data', 'summary', 'international phone', 'The on-call lead was reachable on +44 20 7946 0958 during the incident.', '+44 20 7946 0958'),
  caught('more', 'sensitive-data', 'timeline', 'US phone with brackets', 'Support forwarded calls to +1 (415) 555-2671 overnight.', '+1 (415) 555-2671'),
  caught('more', 'sensitive-data', 'could-improve', 'DE phone with area code in brackets', 'The pager fallback was the landline (030) 1234567 at the office.', '(030) 1234567'),
  caught('more', 'sensitive-data', 'root-cause', 'DE mobile', 'The escalation went to a private mobile, 0171 1234567, instead of the pager.', '0171 1234567'),
  caught('more', 'sensitive-data', 'summary', 'FR international', 'The Paris desk is +33 1 23 45 67 89 for this customer.', '+33 1 23 45 67 89'),
  caught('more', 'sensitive-data', 'timeline', 'US phone with dots', 'The vendor hotline 415.555.2671 was called twice.', '415.555.2671'),
  caught('more', 'sensitive-data', 'could-improve', 'plain e-mail', 'Ask ops.lead@anchor.example before touching the cluster.', 'ops.lead@anchor.example'),
  caught('more', 'sensitive-data', 'root-cause', 'bracketed e-mail', 'The alert was sent to j.doe [at] example [dot] org only.', 'j.doe [at] example [dot] org'),
  passes('more', 'sensitive-data', 'summary', 'versions', 'The issue persisted across SDK versions 1.323.0 - 1.328.0 and build 2026.10.29.1.'),
  passes('more', 'sensitive-data', 'timeline', 'CVE and ticket ids', 'We tracked CVE-2021-44228 in ticket 4821 and PR 37915.'),
  passes('more', 'sensitive-data', 'root-cause', 'commit hash', 'The fix is commit f346f834cb453f1c415f7f74bfe7e08e890b26f3 on main.'),
  passes('more', 'sensitive-data', 'could-improve', 'redacted values', 'Configs in tickets must show password: <redacted> and token: [REDACTED] only.'),
  passes('more', 'sensitive-data', 'summary', 'Actions secret reference', 'The workflow reads secret: ${{ secrets.NPM_TOKEN }} at publish time.'),
  passes('more', 'sensitive-data', 'timeline', 'URL with a placeholder password', 'The runbook uses postgres://app:${DB_PASSWORD}@db.internal/app everywhere.'),
  passes('more', 'sensitive-data', 'root-cause', 'prose about keys', 'The API key: see the vault entry; it was rotated on schedule.'),
  passes('more', 'sensitive-data', 'could-improve', 'scp to a host', 'Artefacts are copied with scp -i deploy.pem build.tar deploy@build01.example.com:/srv/app nightly.'),
  passes('more', 'sensitive-data', 'summary', 'large counts', 'We processed 4294967295 rows and 1 234 567 events in 15 minutes.'),
  passes('more', 'sensitive-data', 'timeline', 'times and dates', 'Between 2026-10-29 02:14 and 03:06 CET, 23% of 31 clients saw errors.'),
  caught('more', 'blameless-language', 'timeline', 'name in strong emphasis', '**Dana** ignored the page for twenty minutes.', 'Dana'),
  caught('more', 'blameless-language', 'could-improve', 'name in asterisk emphasis', '*Chen* forgot to rotate the key again.', 'Chen'),
  caught('more', 'blameless-language', 'root-cause', 'GitHub login mention', 'The outage started when @amara-okafor merged the migration.', '@amara-okafor'),
  caught('more', 'blameless-language', 'timeline', 'first name and adverb', 'Ben accidentally deleted the staging bucket.', 'Ben'),
  caught('more', 'blameless-language', 'could-improve', 'first name and "should have"', 'Farid should have checked the migration on a copy first.', 'Farid'),
  caught('more', 'blameless-language', 'root-cause', 'full name', 'Liam Novak ran the cleanup script against production.', 'Liam Novak'),
  caught('more', 'blameless-language', 'timeline', 'the on-call engineer ignored', 'The on-call engineer ignored the first three alerts.', 'The on-call engineer ignored'),
  caught('more', 'blameless-language', 'could-improve', 'operator error', 'This was operator error, plain and simple.', 'operator error'),
  caught('more', 'blameless-language', 'root-cause', 'fat-fingered', 'Someone fat-fingered the replica count in the manifest.', 'fat-fingered'),
  caught('more', 'blameless-language', 'timeline', 'whose fault', 'It was his fault that the rollback took an hour.', 'his fault'),
  passes('more', 'blameless-language', 'root-cause', 'a product named like a person', 'Hugo builds of the status page kept the stale banner for an hour.'),
  passes('more', 'blameless-language', 'root-cause', 'Grace periods', 'Grace periods on the certificates were shorter than the renewal job interval.'),
  passes('more', 'blameless-language', 'timeline', 'a name without blame', 'Chen Wei paged the database team and opened the bridge.'),
  passes('more', 'blameless-language', 'could-improve', 'we mistakenly thought', 'We mistakenly thought the trigger ran the base branch code.'),
  passes('more', 'blameless-language', 'timeline', 'an engineer who acted', 'The engineer on call restarted the consumers at 02:40.'),
  passes('more', 'blameless-language', 'could-improve', 'lazy loading', 'Lazy-loaded extensions need testing against every core version.'),
  passes('more', 'blameless-language', 'timeline', 'a date with a month name', 'Jan 17, 8:43 AM: a new version was released with the fix.'),
  passes('more', 'blameless-language', 'root-cause', 'an error that was not human', 'The error budget was spent by a retry storm, not by any deploy.'),

  // Harder: probing the known limits. Measured, not asserted; the misses are reported as they are.
  caught('harder', 'sensitive-data', 'timeline', 'Azure storage key', 'The backup job used AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw== in its connection string.', 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='),
  caught('harder', 'sensitive-data', 'summary', 'DE number with (0)', 'The Berlin office is on +49 (0)30 1234567 for escalations.', '+49 (0)30 1234567'),
  caught('harder', 'sensitive-data', 'root-cause', 'e-mail with a country domain in words', 'Complaints went to jane_doe at example dot co dot uk for a week.', 'jane_doe at example dot co dot uk'),
  caught('harder', 'sensitive-data', 'could-improve', 'a bare random secret', 'We pasted 9fQ2xL7mZp4Rt8Wv1Kc6Yd3Bn5Hj0Gs into the channel by mistake.', '9fQ2xL7mZp4Rt8Wv1Kc6Yd3Bn5Hj0Gs'),
  caught('harder', 'sensitive-data', 'timeline', 'a phone as bare digits', 'The customer asked us to call back on 4155552671.', '4155552671'),
  caught('harder', 'blameless-language', 'timeline', 'a role and another verb', 'The intern deleted the production database.', 'The intern deleted'),
  caught('harder', 'blameless-language', 'could-improve', 'blame by idiom', 'Ben dropped the ball on the renewal.', 'Ben'),
  caught('harder', 'blameless-language', 'timeline', 'a name after the verb', 'The alert that Sean never looked at fired twice.', 'Sean'),
  passes('harder', 'blameless-language', 'root-cause', 'a product after a preposition', 'The page was generated with Hugo templates from the docs repository.'),
  passes('harder', 'sensitive-data', 'summary', 'a long hex digest', 'The artefact digest sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 matched.'),

  // Incident records: the same rules read YAML values.
  caught('issue', 'sensitive-data', 'record-timeline', 'phone in a timeline event', 'Vendor called back from 020 7946 0958.', '020 7946 0958'),
  caught('issue', 'blameless-language', 'record-timeline', 'blame in a timeline event', 'Sean ignored the disk alert.', 'Sean'),
  caught('issue', 'blameless-language', 'record-root-cause', 'blame without a name in a root cause', 'Human error during the failover.', 'Human error'),
  caught('more', 'sensitive-data', 'record-impact', 'token in an impact summary', 'Token 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 was exposed.', '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'),
  passes('more', 'blameless-language', 'record-timeline', 'a name without blame in a timeline event', 'Ross was assigned to the investigation.'),
  passes('more', 'sensitive-data', 'record-impact', 'an overflow in an impact summary', 'Ids wrapped after +2147483647 and orders failed.'),
];

/** A corpus file with one plant inserted, and where the finding must be (1-based). */
export interface Variant {
  path: string;
  text: string;
  /** Where the planted span is, when a finding is expected. */
  expected?: { line: number; column: number };
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** `text` with `plant` inserted, or undefined when the file has no such place. */
export function plantInto(path: string, text: string, plant: Plant): Variant | undefined {
  const heading = SECTION_HEADINGS[plant.place];
  const field = RECORD_FIELDS[plant.place];
  let at: number;
  let inserted: string;
  if (heading !== undefined) {
    const match = new RegExp(`^${heading}[ \\t]*$`, 'm').exec(text);
    if (!match || !path.endsWith('.md')) return undefined;
    at = match.index + match[0].length;
    inserted = `\n\n${plant.text}`;
  } else {
    if (!path.endsWith('.yaml') || field === undefined || /["\\]/.test(plant.text)) return undefined;
    const index = text.indexOf(`\n${field}`);
    if (index < 0) return undefined;
    at = index + 1 + field.length;
    inserted = `${plant.text} `;
  }
  const variant = text.slice(0, at) + inserted + text.slice(at);
  const start = at + inserted.indexOf(plant.text);
  return { path, text: variant, ...(plant.finding === undefined ? {} : { expected: lineColumn(variant, start + plant.text.indexOf(plant.finding)) }) };
}
