/**
 * Words the synthetic organisation is made of. Person names are chosen so that no first name is
 * also an English word the generated prose uses (the blameless-language rule matches names in root
 * causes), and the prose holds no e-mail addresses, phone numbers, tokens or placeholders.
 */

export const FIRST_NAMES = [
  'Adaeze', 'Aiko', 'Alejandro', 'Anouk', 'Arjun', 'Astrid', 'Bashir', 'Bogdan', 'Caoimhe', 'Chiamaka',
  'Dariusz', 'Dmitri', 'Ebere', 'Eero', 'Emeka', 'Esra', 'Fatima', 'Folake', 'Gunnar', 'Haruki',
  'Hamid', 'Ibrahim', 'Ilse', 'Ingrid', 'Jarrah', 'Jiho', 'Kaito', 'Kalani', 'Kofi', 'Lakshmi',
  'Leilani', 'Lucia', 'Magnus', 'Malak', 'Mateo', 'Mei', 'Nadia', 'Naoki', 'Nikolai', 'Nkechi',
  'Oksana', 'Oluwaseun', 'Oren', 'Paloma', 'Priya', 'Radek', 'Rania', 'Rashid', 'Saanvi', 'Santiago',
  'Selin', 'Siddharth', 'Siobhan', 'Svetlana', 'Tariq', 'Teodora', 'Thandiwe', 'Tomasz', 'Ulrike', 'Valentina',
  'Vikram', 'Wanjiru', 'Xiomara', 'Yaw', 'Yevgenia', 'Yusra', 'Zainab', 'Zeynep', 'Zoltan', 'Ayodele',
] as const;

export const LAST_NAMES = [
  'Abara', 'Achterberg', 'Adeyemi', 'Bakshi', 'Balogun', 'Castellanos', 'Chaudhry', 'Dabrowski', 'Delacroix', 'Eriksen',
  'Fagerlund', 'Gallardo', 'Gunawardena', 'Haugen', 'Hosseini', 'Ivanova', 'Jablonski', 'Kagame', 'Kowalczyk', 'Kuznetsova',
  'Lindqvist', 'Lungu', 'Makarova', 'Mbeki', 'Nakashima', 'Nwosu', 'Oyelaran', 'Pacheco', 'Petrenko', 'Quispe',
  'Radovanovic', 'Rautenbach', 'Sandoval', 'Shevchenko', 'Szabo', 'Takahashi', 'Tshabalala', 'Uchenna', 'Valdivia', 'Vasquez',
  'Wojcik', 'Yamamoto', 'Yilmazer', 'Zamora', 'Zielinski', 'Okonkwo', 'Haddadin', 'Brennan', 'Ferreira', 'Gudmundsson',
] as const;

export const TIME_ZONES = [
  'Europe/Berlin', 'Europe/London', 'Europe/Paris', 'Europe/Madrid', 'Europe/Warsaw', 'Europe/Istanbul',
  'America/New_York', 'America/Chicago', 'America/Los_Angeles', 'America/Sao_Paulo', 'Asia/Kolkata',
  'Asia/Tokyo', 'Asia/Singapore', 'Australia/Sydney', 'Africa/Lagos', 'Africa/Nairobi',
] as const;

export const PRODUCT_WORDS = [
  'billing', 'search', 'checkout', 'identity', 'ledger', 'payouts', 'catalogue', 'messaging', 'reports', 'storage',
  'exports', 'webhooks', 'scheduler', 'analytics', 'invoicing', 'onboarding', 'notifications', 'gateway', 'metering', 'archive',
] as const;

export const TEAM_WORDS = [
  'platform', 'payments', 'core', 'data', 'edge', 'mobile', 'growth', 'infra', 'trust', 'delivery',
] as const;

export const SERVICES = [
  'the upload workers', 'the API gateway', 'the primary database', 'the job queue', 'the search index',
  'the cache cluster', 'the object store', 'the webhook dispatcher', 'the auth service', 'the billing worker',
  'the export pipeline', 'the notification fan-out', 'the metrics collector', 'the load balancer', 'the DNS resolver',
] as const;

export const SYMPTOMS = [
  'error rate above 5% for five minutes',
  'p99 latency above two seconds',
  'queue depth growing without draining',
  'health checks failing in one availability zone',
  'disk usage above 90% on the data nodes',
  'connection pool exhausted on the application servers',
  'certificate close to expiry on the edge proxies',
  'replication lag above thirty seconds',
  'memory pressure evicting cache entries',
  'timeouts from an upstream provider',
] as const;

export const ACTIONS = [
  'restarted the stuck pods and watched the error rate fall',
  'rolled back the last deployment to the previous release',
  'scaled the worker pool from six to twelve instances',
  'failed over to the replica in the second region',
  'raised the connection pool limit and recycled the connections',
  'cleared the poisoned messages from the dead-letter queue',
  'disabled the new feature flag for all workspaces',
  'purged the stale entries from the cache cluster',
  'renewed the certificate and reloaded the edge proxies',
  'paused the batch import that saturated the database',
  'added an index for the slow query found in the logs',
  'drained the unhealthy node and replaced it',
] as const;

export const FINDINGS = [
  'traced the failures to a configuration change deployed an hour earlier',
  'found a retry loop multiplying the load on the upstream provider',
  'saw the slow query plan change after the statistics refresh',
  'confirmed the issue was limited to one region',
  'found the queue consumer crashing on a malformed message',
  'noticed the disk filling with verbose debug logs',
  'found the connection limit lowered by the last infrastructure change',
  'confirmed no data was lost and failed requests were retried',
] as const;

export const ROOT_CAUSES = [
  'A configuration change lowered the connection limit below what peak traffic needs, and nothing checked the value against the capacity plan.',
  'A retry policy without backoff multiplied the load on a slow upstream provider until its rate limit rejected every request.',
  'A schema migration added a column without a default, so workers still on the previous release could not insert rows.',
  'A certificate renewal job failed silently for three weeks because its alert was routed to an archived channel.',
  'The cache eviction policy treated hot keys like cold ones, so a traffic spike emptied the cache and overloaded the database.',
  'A batch import ran during business hours without a throttle and saturated the shared database.',
  'The queue consumer had no handling for malformed messages, so one bad message stopped the whole partition.',
  'Debug logging was left on after an investigation and filled the disks on the data nodes.',
  'A dependency upgrade changed the default timeout from thirty seconds to five, and long exports started to fail.',
  'The failover runbook assumed a replica that had been decommissioned, so the first failover attempt failed.',
] as const;

export const IMPROVEMENTS = [
  'Alert on the leading indicator instead of the symptom, so the page comes earlier.',
  'Add a check to the deployment pipeline that compares limits with the capacity plan.',
  'Document the failover steps for the new topology and rehearse them each quarter.',
  'Give the batch jobs their own database pool with a throttle.',
  'Make the retry policy use exponential backoff with jitter.',
  'Route certificate alerts to the on-call channel and test the route monthly.',
] as const;

export const WENT_WELL = [
  'The page reached the primary within two minutes and was acknowledged quickly.',
  'The runbook steps for the rollback worked as written.',
  'Status updates went out every thirty minutes, as the policy asks.',
  'The secondary joined without being paged twice.',
  'The dashboards showed the failing component at a glance.',
] as const;

export const ACTION_ITEM_TITLES = [
  'Add an alert on connection pool saturation',
  'Rehearse the regional failover with the new topology',
  'Throttle batch imports during business hours',
  'Add exponential backoff with jitter to the provider client',
  'Test certificate renewal alerts every month',
  'Reject malformed queue messages into the dead-letter queue',
  'Turn off debug logging automatically after a day',
  'Pin client timeouts in the dependency configuration',
] as const;
