/* Generated from schemas/*.schema.json by `npm run gen:types`. Do not edit: change the schema and regenerate. */

/**
 * Commitments to the people on call (fair compensation, burden tracking).
 *
 * Items: Free text.
 */
export type Texts = string[];
/**
 * What the role may decide or do.
 *
 * Items: Free text.
 */
export type Texts1 = string[];
/**
 * Longer list of duties, where the source document gives one.
 *
 * Items: Free text.
 */
export type Texts2 = string[];
/**
 * The roles shown as columns, in order. Every activity assigns a letter to each of them.
 *
 * @minItems 1
 *
 * Items: The id of a role in policy/roles.yaml.
 */
export type RoleRefs = [string, ...string[]];
/**
 * Further criteria, e.g. from a product's own scale.
 *
 * Items: Free text.
 */
export type Texts3 = string[];
/**
 * Typical incidents of this severity.
 *
 * Items: Free text.
 */
export type Texts4 = string[];
/**
 * Role ids from policy/roles.yaml.
 *
 * Items: The id of a role in policy/roles.yaml.
 */
export type RoleRefs1 = string[];
/**
 * Role ids from policy/roles.yaml.
 *
 * @minItems 1
 *
 * Items: The id of a role in policy/roles.yaml.
 */
export type RoleRefs2 = [string, ...string[]];
/**
 * What this level does.
 *
 * Items: Free text.
 */
export type Texts5 = string[];
/**
 * When to escalate to this level.
 *
 * Items: Free text.
 */
export type Texts6 = string[];
/**
 * Role ids from policy/roles.yaml.
 *
 * Items: The id of a role in policy/roles.yaml.
 */
export type RoleRefs3 = string[];
/**
 * Reasons a person escalates by hand.
 *
 * Items: Free text.
 */
export type Texts7 = string[];
/**
 * Kinds of issue that are escalated at once (seed 003).
 *
 * Items: Free text.
 */
export type Texts8 = string[];
/**
 * When not to escalate.
 *
 * Items: Free text.
 */
export type Texts9 = string[];
/**
 * Examples.
 *
 * Items: Free text.
 */
export type Texts10 = string[];
/**
 * The steps, in order.
 *
 * Items: Free text.
 */
export type Texts11 = string[];
/**
 * What the step involves.
 *
 * Items: Free text.
 */
export type Texts12 = string[];
/**
 * Steps.
 *
 * Items: Free text.
 */
export type Texts13 = string[];
/**
 * Metrics tracked.
 *
 * Items: Free text.
 */
export type Texts14 = string[];
/**
 * Do.
 *
 * Items: Free text.
 */
export type Texts15 = string[];
/**
 * Don't.
 *
 * Items: Free text.
 */
export type Texts16 = string[];
/**
 * Monthly review items.
 *
 * Items: Free text.
 */
export type Texts17 = string[];
/**
 * Quarterly review items.
 *
 * Items: Free text.
 */
export type Texts18 = string[];
/**
 * Phases within the stage.
 *
 * Items: Free text.
 */
export type Texts19 = string[];
/**
 * Key activities during the stage.
 *
 * Items: Free text.
 */
export type Texts20 = string[];
/**
 * How on-call works in this stage.
 *
 * Items: Free text.
 */
export type Texts21 = string[];
/**
 * What it includes.
 *
 * Items: Free text.
 */
export type Texts22 = string[];
/**
 * Who receives it.
 *
 * Items: Free text.
 */
export type Texts23 = string[];
/**
 * Role ids from policy/roles.yaml.
 *
 * @minItems 1
 *
 * Items: The id of a role in policy/roles.yaml.
 */
export type RoleRefs4 = [string, ...string[]];
/**
 * Role ids from policy/roles.yaml.
 *
 * Items: The id of a role in policy/roles.yaml.
 */
export type RoleRefs5 = string[];
/**
 * Role ids from policy/roles.yaml.
 *
 * Items: The id of a role in policy/roles.yaml.
 */
export type RoleRefs6 = string[];
/**
 * Where activations are logged.
 *
 * Items: Free text.
 */
export type Texts24 = string[];
/**
 * Role ids from policy/roles.yaml.
 *
 * @minItems 1
 *
 * Items: The id of a role in policy/roles.yaml.
 */
export type RoleRefs7 = [string, ...string[]];
/**
 * Role ids from policy/roles.yaml.
 *
 * @minItems 1
 *
 * Items: The id of a role in policy/roles.yaml.
 */
export type RoleRefs8 = [string, ...string[]];
/**
 * A list of free-text lines.
 *
 * Items: Free text.
 */
export type Texts25 = string[];
/**
 * Role ids from policy/roles.yaml.
 *
 * @minItems 1
 *
 * Items: The id of a role in policy/roles.yaml.
 */
export type RoleRefs9 = [string, ...string[]];
/**
 * Role ids from policy/roles.yaml.
 *
 * Items: The id of a role in policy/roles.yaml.
 */
export type RoleRefs10 = string[];
/**
 * Role ids from policy/roles.yaml.
 *
 * @minItems 1
 *
 * Items: The id of a role in policy/roles.yaml.
 */
export type RoleRefs11 = [string, ...string[]];
/**
 * A list of free-text lines.
 *
 * Items: Free text.
 */
export type Texts26 = string[];
/**
 * Role ids from policy/roles.yaml.
 *
 * @minItems 1
 *
 * Items: The id of a role in policy/roles.yaml.
 */
export type RoleRefs12 = [string, ...string[]];
/**
 * Role ids from policy/roles.yaml.
 *
 * Items: The id of a role in policy/roles.yaml.
 */
export type RoleRefs13 = string[];
/**
 * Role ids from policy/roles.yaml.
 *
 * Items: The id of a role in policy/roles.yaml.
 */
export type RoleRefs14 = string[];
/**
 * A list of free-text lines.
 *
 * Items: Free text.
 */
export type Texts27 = string[];
/**
 * Role ids from policy/roles.yaml.
 *
 * Items: The id of a role in policy/roles.yaml.
 */
export type RoleRefs15 = string[];
/**
 * A list of free-text lines.
 *
 * Items: Free text.
 */
export type Texts28 = string[];
/**
 * A list of free-text lines.
 *
 * Items: Free text.
 */
export type Texts29 = string[];
/**
 * A list of free-text lines.
 *
 * Items: Free text.
 */
export type Texts30 = string[];
/**
 * A list of free-text lines.
 *
 * Items: Free text.
 */
export type Texts31 = string[];
/**
 * signoffs/YYYY/<id>.yaml: one decision, proposed by a pull request that adds it: a phase gate, GA, a rollback, a kill-switch action, a resume, or a product hand-off. Append-only: only fields marked x-amendable may change later.
 */
export type SignOffRecord = {
  /**
   * YYYY-MM-DD-<slug>; equals the file name.
   */
  id: string;
  /**
   * The decision: phase-gate, ga (the last gate), rollback, kill-switch, resume, or handoff.
   */
  kind: 'phase-gate' | 'ga' | 'rollback' | 'kill-switch' | 'resume' | 'handoff';
  /**
   * The product whose rollout this decides.
   */
  rollout: string;
  /**
   * Date and time of the decision.
   */
  at: string;
  /**
   * The decision in a sentence.
   */
  summary: string;
  /**
   * Phase before (gates, GA, rollback).
   */
  from?: string;
  /**
   * Phase after (gates, GA, rollback).
   */
  to?: string;
  /**
   * Who signs, each in one role; a role filled by a different person each.
   *
   * @minItems 1
   */
  signers?: [Signature, ...Signature[]];
  /**
   * The rollback sign-off form (seed 001 section 6.4).
   */
  rollback?: {
    /**
     * Rollback type from policy/approvals.yaml (emergency, p1-incident, planned, client-request).
     */
    type: string;
    /**
     * Reasons ticked on the form (ids from policy/approvals.yaml).
     *
     * @minItems 1
     *
     * Items: An id: lower-case letters, digits and hyphens, starting with a letter or digit, at most 63 characters (e.g. ingestion-owner).
     */
    reasons: [string, ...string[]];
    /**
     * The text for Other.
     */
    reason_other?: string;
    authorised_by: Signer2;
    approved_by: Signer3;
    /**
     * Next steps. Whether clients must be told is decided with the rollback; who investigates and the re-ramp target may be added later, and all of it may change after the record is merged.
     */
    next_steps: {
      /**
       * Investigation assigned to.
       */
      investigation?: string;
      /**
       * Re-ramp target date.
       */
      reramp_target?: string;
      /**
       * Whether clients must be told.
       */
      client_communication: 'required' | 'not-required';
    };
  };
  /**
   * For a planned kill-switch action or a resume.
   */
  kill_switch?: {
    /**
     * Action from policy/kill-switch.yaml.
     */
    action: string;
    /**
     * Scenario from the authority matrix.
     */
    scenario: string;
    /**
     * global or workspace.
     */
    scope: 'global' | 'workspace';
    /**
     * For a resume: the deactivation scope from the resume table.
     */
    resume_scope?: string;
    /**
     * Verification done.
     */
    verification?: string;
  };
  /**
   * Incident that led to this decision.
   */
  incident?: string;
  /**
   * A veto by a holder of a required role; it blocks the decision.
   */
  veto?: {
    /**
     * Who vetoes.
     */
    person: string;
    /**
     * The id of a role in policy/roles.yaml.
     */
    role: string;
    /**
     * Why.
     */
    reason: string;
  };
  /**
   * Anything else worth recording.
   */
  notes?: string;
};
/**
 * A list of free-text lines.
 *
 * Items: Free text.
 */
export type Texts32 = string[];

export interface SchemaTypes {
  organisation: OrganisationSettings;
  people: PeopleAndTeams;
  roles: Roles;
  raci: RACIMatrix;
  severities: SeverityLevels;
  escalation: Escalation;
  lifecycle: LifecycleOwnership;
  'kill-switch': KillSwitchAuthority;
  approvals: SignOffAndApprovalRules;
  communication: Communication;
  rotation: OnCallRotation;
  incident: IncidentRecord;
  signoff: SignOffRecord;
  postmortem: PostMortemFrontMatter;
}
/**
 * policy/organisation.yaml: organisation-wide settings the other policies rely on: business hours, on-call limits, horizons.
 */
export interface OrganisationSettings {
  /**
   * The organisation's name, shown on generated pages.
   */
  name: string;
  /**
   * Default time zone for reports and business-time targets.
   */
  timezone: string;
  /**
   * The working week that business-time targets (8bh, 2bd) and business-hours coverage count in.
   */
  business_hours: {
    /**
     * Working days.
     *
     * @minItems 1
     *
     * Items: A day of the week, in lower case.
     */
    days: [
      'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday',
      ...('monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday')[]
    ];
    /**
     * Start of the working day (local time).
     */
    start: string;
    /**
     * End of the working day (local time).
     */
    end: string;
    /**
     * Zone the hours are counted in; defaults to the organisation's time zone.
     */
    timezone?: string;
    /**
     * Dates that are not business days.
     *
     * Items: A calendar date, YYYY-MM-DD.
     */
    holidays?: string[];
  };
  /**
   * Expectations and limits for people on call (seed 004 On-Call Expectations, seed 001 section 3.4).
   */
  on_call: {
    /**
     * Respond to pages within this time.
     */
    page_response: string;
    /**
     * Begin investigating within this time of a page.
     */
    begin_investigation?: string;
    /**
     * Longest run of consecutive on-call days for one person.
     */
    max_consecutive_days: number;
    /**
     * Shortest rest between the end of one shift of a person and their next.
     */
    min_rest_between_shifts: string;
    /**
     * Whether one person may be on call in two rotations at once (a warning when false).
     */
    allow_concurrent_rotations?: boolean;
    /**
     * How far ahead coverage is checked (default 12w).
     */
    coverage_horizon?: string;
    /**
     * What is expected of the person on call, as stated to them.
     */
    expectations?: {
      /**
       * What is expected (e.g. Availability).
       */
      expectation: string;
      /**
       * The requirement (e.g. Reachable within 15 min).
       */
      requirement: string;
    }[];
    support?: Texts;
  };
  /**
   * How post-mortem action items are followed up (seed 004: tracked to completion).
   */
  follow_up?: {
    /**
     * How long an open action item may be past its due date before validate reports it as an error rather than a warning (e.g. 14d).
     */
    action_item_grace?: string;
  };
  /**
   * The severity of a semantic rule for this organisation, by rule id (`npm run oncall -- rules` lists them): off (not checked), warning (reported; validate still passes) or error (validate fails). A rule not named keeps its default. As in ESLint and Spectral, the setting applies to every finding of the rule; notes stay notes. Rules the loader and the schemas implement cannot be configured.
   */
  rules?: {
    /**
     * off, warning or error.
     */
    [k: string]: 'off' | 'warning' | 'error' | undefined;
  };
  /**
   * Versions of the policy set (seed 001 section 9).
   */
  document_control?: {
    /**
     * Version number, quoted ("1.0").
     */
    version: string;
    /**
     * When the version took effect.
     */
    date: string;
    /**
     * What changed.
     */
    change: string;
  }[];
}
/**
 * policy/people.yaml: everyone who holds a role, joins a rotation or signs a decision, and the teams they belong to.
 */
export interface PeopleAndTeams {
  /**
   * Teams, including those of partner organisations.
   *
   * @minItems 1
   */
  teams: [
    {
      /**
       * Team id, e.g. anchor-operations.
       */
      id: string;
      /**
       * Display name.
       */
      name: string;
      /**
       * The organisation the team belongs to (e.g. EGI, Anchor MSP).
       */
      organisation: string;
      /**
       * The team's own channel or handle (e.g. @egi-engineering).
       */
      channel?: string;
    },
    ...{
      /**
       * Team id, e.g. anchor-operations.
       */
      id: string;
      /**
       * Display name.
       */
      name: string;
      /**
       * The organisation the team belongs to (e.g. EGI, Anchor MSP).
       */
      organisation: string;
      /**
       * The team's own channel or handle (e.g. @egi-engineering).
       */
      channel?: string;
    }[]
  ];
  /**
   * People.
   *
   * @minItems 1
   */
  people: [
    {
      /**
       * Person id used everywhere else, e.g. amara-okafor.
       */
      id: string;
      /**
       * Full name.
       */
      name: string;
      /**
       * GitHub login; approvals on pull requests are matched against it (case-insensitively).
       */
      github: string;
      /**
       * The person's IANA time zone; night and weekend burden is counted in it.
       */
      timezone: string;
      /**
       * The person's team.
       */
      team: string;
      /**
       * How to reach the person (seed 001 section 4.4).
       */
      contacts: {
        /**
         * Slack handle, e.g. @amara.
         */
        slack?: string;
        /**
         * Pager routing, e.g. pagerduty:amara-okafor.
         */
        pager?: string;
        /**
         * Phone in international form, e.g. +49 30 5550 1001.
         */
        phone?: string;
        /**
         * E-mail address.
         */
        email?: string;
      };
      /**
       * Date the person left; they may no longer appear in rotations or assignments after it.
       */
      left?: string;
    },
    ...{
      /**
       * Person id used everywhere else, e.g. amara-okafor.
       */
      id: string;
      /**
       * Full name.
       */
      name: string;
      /**
       * GitHub login; approvals on pull requests are matched against it (case-insensitively).
       */
      github: string;
      /**
       * The person's IANA time zone; night and weekend burden is counted in it.
       */
      timezone: string;
      /**
       * The person's team.
       */
      team: string;
      /**
       * How to reach the person (seed 001 section 4.4).
       */
      contacts: {
        /**
         * Slack handle, e.g. @amara.
         */
        slack?: string;
        /**
         * Pager routing, e.g. pagerduty:amara-okafor.
         */
        pager?: string;
        /**
         * Phone in international form, e.g. +49 30 5550 1001.
         */
        phone?: string;
        /**
         * E-mail address.
         */
        email?: string;
      };
      /**
       * Date the person left; they may no longer appear in rotations or assignments after it.
       */
      left?: string;
    }[]
  ];
}
/**
 * policy/roles.yaml: role definitions (responsibility, authority) and who holds each role.
 */
export interface Roles {
  /**
   * Roles, in the order pages show them.
   *
   * @minItems 1
   */
  roles: [Role, ...Role[]];
}
/**
 * A role: what it is responsible for, what it may decide, and who holds it.
 */
export interface Role {
  /**
   * Role id, e.g. sre-lead.
   */
  id: string;
  /**
   * Display name, e.g. SRE Lead.
   */
  name: string;
  /**
   * Which table the role belongs to: technical and business roles (seed 001), incident roles (seed 004), escalation contacts (seed 002), lifecycle owners (seed 000).
   */
  category: 'technical' | 'business' | 'incident' | 'escalation' | 'lifecycle';
  /**
   * What the role is responsible for.
   */
  responsibility: string;
  authority?: Texts1;
  duties?: Texts2;
  /**
   * Who holds the role: named people (primary and backup), whoever is on call in a rotation, or someone named per incident.
   */
  holder:
    | {
        /**
         * The person who holds the role.
         */
        primary: string;
        /**
         * Who acts when the primary is away; must differ from the primary.
         */
        backup?: string;
        /**
         * Further holders of a role held by several people (e.g. a security team).
         *
         * Items: The id of a person in policy/people.yaml.
         */
        others?: string[];
      }
    | {
        /**
         * Rotation id (rotations/<id>.yaml).
         */
        rotation: string;
        /**
         * Tier id within the rotation; omitted means any tier.
         */
        tier?: string;
      }
    | {
        /**
         * The incident record names the holder.
         */
        per_incident: true;
      };
  /**
   * Which of the holder's contact handles to use, for the primary and the backup contact (seed 001 section 4.4).
   */
  contact?: {
    /**
     * First way to reach the role.
     */
    primary?: 'pager' | 'phone' | 'slack' | 'email';
    /**
     * Second way to reach the role.
     */
    backup?: 'pager' | 'phone' | 'slack' | 'email';
  };
}
/**
 * policy/raci.yaml: activities grouped by stage, each with Responsible, Accountable, Consulted and Informed roles.
 */
export interface RACIMatrix {
  /**
   * Heading of the matrix (e.g. Ingestion Lifecycle).
   */
  title?: string;
  columns: RoleRefs;
  /**
   * Stages, each a group of activities.
   *
   * @minItems 1
   */
  stages: [
    {
      /**
       * Stage id, e.g. pre-launch.
       */
      id: string;
      /**
       * Stage name, e.g. Pre-Launch.
       */
      name: string;
      /**
       * Activities in this stage.
       *
       * @minItems 1
       */
      activities: [
        {
          /**
           * Activity id, unique across the matrix.
           */
          id: string;
          /**
           * Activity, e.g. Go/No-Go decision.
           */
          name: string;
          /**
           * Letter per role id: R (responsible), A (accountable), C (consulted), I (informed), AR (accountable and responsible). Exactly one A or AR, at least one R or AR.
           */
          assignments: {
            /**
             * R, A, C, I or AR.
             */
            [k: string]: 'R' | 'A' | 'C' | 'I' | 'AR' | undefined;
          };
        },
        ...{
          /**
           * Activity id, unique across the matrix.
           */
          id: string;
          /**
           * Activity, e.g. Go/No-Go decision.
           */
          name: string;
          /**
           * Letter per role id: R (responsible), A (accountable), C (consulted), I (informed), AR (accountable and responsible). Exactly one A or AR, at least one R or AR.
           */
          assignments: {
            /**
             * R, A, C, I or AR.
             */
            [k: string]: 'R' | 'A' | 'C' | 'I' | 'AR' | undefined;
          };
        }[]
      ];
    },
    ...{
      /**
       * Stage id, e.g. pre-launch.
       */
      id: string;
      /**
       * Stage name, e.g. Pre-Launch.
       */
      name: string;
      /**
       * Activities in this stage.
       *
       * @minItems 1
       */
      activities: [
        {
          /**
           * Activity id, unique across the matrix.
           */
          id: string;
          /**
           * Activity, e.g. Go/No-Go decision.
           */
          name: string;
          /**
           * Letter per role id: R (responsible), A (accountable), C (consulted), I (informed), AR (accountable and responsible). Exactly one A or AR, at least one R or AR.
           */
          assignments: {
            /**
             * R, A, C, I or AR.
             */
            [k: string]: 'R' | 'A' | 'C' | 'I' | 'AR' | undefined;
          };
        },
        ...{
          /**
           * Activity id, unique across the matrix.
           */
          id: string;
          /**
           * Activity, e.g. Go/No-Go decision.
           */
          name: string;
          /**
           * Letter per role id: R (responsible), A (accountable), C (consulted), I (informed), AR (accountable and responsible). Exactly one A or AR, at least one R or AR.
           */
          assignments: {
            /**
             * R, A, C, I or AR.
             */
            [k: string]: 'R' | 'A' | 'C' | 'I' | 'AR' | undefined;
          };
        }[]
      ];
    }[]
  ];
}
/**
 * policy/severities.yaml: the organisation's severity scale with definitions, examples, response and resolution targets, who is told, and the post-mortem rule.
 */
export interface SeverityLevels {
  /**
   * Why this scale was chosen where source documents disagree.
   */
  scale_note?: string;
  /**
   * Levels, most severe first.
   *
   * @minItems 1
   */
  levels: [Level, ...Level[]];
}
export interface Level {
  /**
   * Level id, e.g. P0.
   */
  id: string;
  /**
   * Short name, e.g. Critical.
   */
  name: string;
  /**
   * When an incident has this severity.
   */
  definition: string;
  criteria?: Texts3;
  examples: Texts4;
  /**
   * The same level on other scales used in the source documents, so records written against them map here.
   */
  equivalents?: {
    /**
     * The other scale (e.g. D9 ingestion, seed 001).
     */
    scale: string;
    /**
     * Its level name there.
     */
    level: string;
  }[];
  /**
   * How fast on-call responds (0m: immediately).
   */
  response?: string;
  /**
   * Targets an incident is measured against for SLA compliance.
   */
  targets: {
    /**
     * Acknowledge within (first-line operations).
     */
    acknowledge: string | 'next-sprint';
    /**
     * Resolve within.
     */
    resolve: string | 'next-sprint';
    /**
     * Escalation to the engineering team acknowledged within.
     */
    escalation_acknowledge?: string | 'next-sprint';
    /**
     * Escalated issue resolved within.
     */
    escalation_resolve?: string | 'next-sprint';
  };
  /**
   * Whether on-call is paged (false: notified, handled in business hours).
   */
  page?: boolean;
  /**
   * How the incident is handled, in a sentence.
   */
  handling?: string;
  /**
   * Who must be told, and within what time of detection (seed 004: leadership within 15 min for P0).
   */
  notify?: Notify[];
  /**
   * A major incident: a communications lead is required.
   */
  major?: boolean;
  /**
   * Whether a blameless post-mortem is required, and by when after resolution.
   */
  postmortem: {
    /**
     * Whether a post-mortem is required.
     */
    required: boolean;
    /**
     * A duration: a whole number and a unit, m (minutes), h (hours), d (days), w (weeks), or bh / bd for business hours / business days counted in the organisation's business hours (e.g. 15m, 2h, 2d, 1w, 8bh, 2bd). 0m means immediately.
     */
    within?: string;
  };
}
/**
 * Who is told, and by when.
 */
export interface Notify {
  /**
   * Role ids, or all-stakeholders.
   */
  who: RoleRefs1 | 'all-stakeholders';
  /**
   * A duration: a whole number and a unit, m (minutes), h (hours), d (days), w (weeks), or bh / bd for business hours / business days counted in the organisation's business hours (e.g. 15m, 2h, 2d, 1w, 8bh, 2bd). 0m means immediately.
   */
  within?: string;
  /**
   * A duration: a whole number and a unit, m (minutes), h (hours), d (days), w (weeks), or bh / bd for business hours / business days counted in the organisation's business hours (e.g. 15m, 2h, 2d, 1w, 8bh, 2bd). 0m means immediately.
   */
  advance?: string;
  /**
   * Told after the action is taken rather than before.
   */
  after?: boolean;
}
/**
 * policy/escalation.yaml: escalation levels, the timed ladder per severity, triggers, issue classification, scenarios, customer escalation and escalation metrics.
 */
export interface Escalation {
  /**
   * Escalation levels, lowest first.
   *
   * @minItems 1
   */
  levels: [
    {
      /**
       * Level id, e.g. l2.
       */
      id: string;
      /**
       * 1 for the first responder, increasing upwards.
       */
      rank: number;
      /**
       * e.g. Team Lead / Senior Engineer.
       */
      name: string;
      roles: RoleRefs2;
      /**
       * Response time at this level, per severity id.
       */
      response?: {
        /**
         * A duration: a whole number and a unit, m (minutes), h (hours), d (days), w (weeks), or bh / bd for business hours / business days counted in the organisation's business hours (e.g. 15m, 2h, 2d, 1w, 8bh, 2bd). 0m means immediately.
         */
        [k: string]: string | undefined;
      };
      responsibilities?: Texts5;
      escalate_if?: Texts6;
    },
    ...{
      /**
       * Level id, e.g. l2.
       */
      id: string;
      /**
       * 1 for the first responder, increasing upwards.
       */
      rank: number;
      /**
       * e.g. Team Lead / Senior Engineer.
       */
      name: string;
      roles: RoleRefs2;
      /**
       * Response time at this level, per severity id.
       */
      response?: {
        /**
         * A duration: a whole number and a unit, m (minutes), h (hours), d (days), w (weeks), or bh / bd for business hours / business days counted in the organisation's business hours (e.g. 15m, 2h, 2d, 1w, 8bh, 2bd). 0m means immediately.
         */
        [k: string]: string | undefined;
      };
      responsibilities?: Texts5;
      escalate_if?: Texts6;
    }[]
  ];
  /**
   * Timed ladders: who is brought in how long after detection, per severity (organisation-wide, or for one product).
   *
   * @minItems 1
   */
  ladders: [
    {
      /**
       * Ladder id, e.g. p0 or ingestion-p0.
       */
      id: string;
      /**
       * The id of a severity level in policy/severities.yaml (e.g. P1).
       */
      severity: string;
      /**
       * Only for this product; omitted means organisation-wide.
       */
      product?: string;
      /**
       * Where the ladder comes from, when it restates another scale.
       */
      source?: string;
      /**
       * Steps, strictly increasing in time.
       *
       * @minItems 1
       */
      steps: [
        {
          /**
           * A duration: a whole number and a unit, m (minutes), h (hours), d (days), w (weeks), or bh / bd for business hours / business days counted in the organisation's business hours (e.g. 15m, 2h, 2d, 1w, 8bh, 2bd). 0m means immediately.
           */
          after: string;
          /**
           * Escalation level reached at this step.
           */
          level?: string;
          roles?: RoleRefs3;
          /**
           * What happens, e.g. Secondary joins.
           */
          action: string;
          /**
           * Only when this holds, e.g. if unresolved.
           */
          condition?: string;
        },
        ...{
          /**
           * A duration: a whole number and a unit, m (minutes), h (hours), d (days), w (weeks), or bh / bd for business hours / business days counted in the organisation's business hours (e.g. 15m, 2h, 2d, 1w, 8bh, 2bd). 0m means immediately.
           */
          after: string;
          /**
           * Escalation level reached at this step.
           */
          level?: string;
          roles?: RoleRefs3;
          /**
           * What happens, e.g. Secondary joins.
           */
          action: string;
          /**
           * Only when this holds, e.g. if unresolved.
           */
          condition?: string;
        }[]
      ];
    },
    ...{
      /**
       * Ladder id, e.g. p0 or ingestion-p0.
       */
      id: string;
      /**
       * The id of a severity level in policy/severities.yaml (e.g. P1).
       */
      severity: string;
      /**
       * Only for this product; omitted means organisation-wide.
       */
      product?: string;
      /**
       * Where the ladder comes from, when it restates another scale.
       */
      source?: string;
      /**
       * Steps, strictly increasing in time.
       *
       * @minItems 1
       */
      steps: [
        {
          /**
           * A duration: a whole number and a unit, m (minutes), h (hours), d (days), w (weeks), or bh / bd for business hours / business days counted in the organisation's business hours (e.g. 15m, 2h, 2d, 1w, 8bh, 2bd). 0m means immediately.
           */
          after: string;
          /**
           * Escalation level reached at this step.
           */
          level?: string;
          roles?: RoleRefs3;
          /**
           * What happens, e.g. Secondary joins.
           */
          action: string;
          /**
           * Only when this holds, e.g. if unresolved.
           */
          condition?: string;
        },
        ...{
          /**
           * A duration: a whole number and a unit, m (minutes), h (hours), d (days), w (weeks), or bh / bd for business hours / business days counted in the organisation's business hours (e.g. 15m, 2h, 2d, 1w, 8bh, 2bd). 0m means immediately.
           */
          after: string;
          /**
           * Escalation level reached at this step.
           */
          level?: string;
          roles?: RoleRefs3;
          /**
           * What happens, e.g. Secondary joins.
           */
          action: string;
          /**
           * Only when this holds, e.g. if unresolved.
           */
          condition?: string;
        }[]
      ];
    }[]
  ];
  /**
   * What causes an escalation.
   */
  triggers: {
    /**
     * Conditions that escalate automatically.
     */
    automatic: {
      /**
       * Trigger id.
       */
      id: string;
      /**
       * The condition.
       */
      condition: string;
      /**
       * The id of a severity level in policy/severities.yaml (e.g. P1).
       */
      severity?: string;
      /**
       * A duration: a whole number and a unit, m (minutes), h (hours), d (days), w (weeks), or bh / bd for business hours / business days counted in the organisation's business hours (e.g. 15m, 2h, 2d, 1w, 8bh, 2bd). 0m means immediately.
       */
      unresolved_after?: string;
      /**
       * Level it escalates to, if fixed.
       */
      to_level?: string;
    }[];
    manual: Texts7;
    escalate_quickly_for?: Texts8;
    do_not_escalate_if?: Texts9;
  };
  /**
   * Step 1 of an escalation to the application team: classify the issue; each class names the team that resolves it.
   */
  classification?: {
    /**
     * Class id, e.g. application.
     */
    id: string;
    /**
     * e.g. Application.
     */
    name: string;
    /**
     * What falls in this class.
     */
    description: string;
    examples?: Texts10;
    /**
     * Team that resolves it.
     */
    owner: string;
  }[];
  /**
   * Named scenarios with their own path (seed 002): where escalation starts, whether levels may be skipped, post-mortem deadline.
   */
  scenarios?: {
    /**
     * Scenario id, e.g. security-breach.
     */
    id: string;
    /**
     * e.g. Security Breach.
     */
    name: string;
    /**
     * How it is detected.
     */
    detection?: string;
    /**
     * Level the response starts at; levels below it are skipped.
     */
    start_level: string;
    steps: Texts11;
    /**
     * A duration: a whole number and a unit, m (minutes), h (hours), d (days), w (weeks), or bh / bd for business hours / business days counted in the organisation's business hours (e.g. 15m, 2h, 2d, 1w, 8bh, 2bd). 0m means immediately.
     */
    postmortem_within?: string;
    /**
     * Only these severities need the post-mortem (e.g. only P0/P1 for performance degradation).
     *
     * Items: The id of a severity level in policy/severities.yaml (e.g. P1).
     */
    postmortem_severities?: string[];
  }[];
  /**
   * The escalation process, step by step.
   */
  process?: {
    /**
     * Step name.
     */
    name: string;
    items: Texts12;
  }[];
  /**
   * Customer escalation (seed 002).
   */
  customer?: {
    process?: Texts13;
    /**
     * Which kind of issue goes to which team.
     */
    routes?: {
      /**
       * Kind of issue.
       */
      issue: string;
      /**
       * Team it goes to.
       */
      team: string;
    }[];
    /**
     * A duration: a whole number and a unit, m (minutes), h (hours), d (days), w (weeks), or bh / bd for business hours / business days counted in the organisation's business hours (e.g. 15m, 2h, 2d, 1w, 8bh, 2bd). 0m means immediately.
     */
    update_every?: string;
    /**
     * Severities the cadence applies to.
     *
     * Items: The id of a severity level in policy/severities.yaml (e.g. P1).
     */
    update_severities?: string[];
    /**
     * Escalation addresses.
     */
    contacts?: {
      /**
       * e.g. Support Escalation.
       */
      name: string;
      /**
       * Address.
       */
      email: string;
    }[];
  };
  /**
   * What is tracked about escalations, and the goals.
   */
  metrics?: {
    tracked?: Texts14;
    /**
     * Goal: at most this percentage of incidents of a severity are escalated.
     */
    max_escalation_rate?: {
      [k: string]: number | undefined;
    };
    /**
     * Goal: resolution after escalation takes at most this multiple of the normal resolution target.
     */
    max_resolution_factor?: number;
    /**
     * Goal for the time to escalate.
     */
    escalation_time_goal?: string;
  };
  /**
   * Do's and don'ts, and the review cadence.
   */
  practices?: {
    do?: Texts15;
    dont?: Texts16;
    monthly_review?: Texts17;
    quarterly_review?: Texts18;
  };
}
/**
 * policy/lifecycle.yaml: who supports a product at each lifecycle stage, the SLAs that apply, reporting, and the products with their current stage and maintenance windows.
 */
export interface LifecycleOwnership {
  /**
   * Why support ownership is written down.
   */
  purpose?: string;
  /**
   * Lifecycle stages in order.
   *
   * @minItems 1
   */
  stages: [
    {
      /**
       * Stage id: development, launch, stabilisation, post-handoff.
       */
      id: string;
      /**
       * e.g. Launch and Stabilisation.
       */
      name: string;
      phases: Texts19;
      /**
       * A duration: a whole number and a unit, m (minutes), h (hours), d (days), w (weeks), or bh / bd for business hours / business days counted in the organisation's business hours (e.g. 15m, 2h, 2d, 1w, 8bh, 2bd). 0m means immediately.
       */
      duration?: string;
      /**
       * Who owns support, as the transition summary puts it (e.g. EGI (Anchor shadow)).
       */
      primary_owner: string;
      /**
       * Team that owns support in this stage.
       */
      owner_team?: string;
      /**
       * The stage in a sentence or two.
       */
      summary?: string;
      /**
       * Responsibility and owner table.
       *
       * @minItems 1
       */
      responsibilities: [
        {
          /**
           * The responsibility.
           */
          responsibility: string;
          /**
           * Who owns it, as written in the source (e.g. EGI engineering (primary)).
           */
          owner: string;
          /**
           * The teams behind that owner.
           *
           * Items: The id of a team in policy/people.yaml.
           */
          teams?: string[];
        },
        ...{
          /**
           * The responsibility.
           */
          responsibility: string;
          /**
           * Who owns it, as written in the source (e.g. EGI engineering (primary)).
           */
          owner: string;
          /**
           * The teams behind that owner.
           *
           * Items: The id of a team in policy/people.yaml.
           */
          teams?: string[];
        }[]
      ];
      activities?: Texts20;
      /**
       * Support channels.
       *
       * @minItems 1
       *
       * Items: Where a message goes: a Slack channel (#ingestion-rollout), a meeting, email, the status page, or a pattern with {placeholders}.
       */
      channels: [string, ...string[]];
      /**
       * Whether SLAs apply: none, best-effort, informal, or active.
       */
      sla: 'none' | 'best-effort' | 'informal' | 'active';
      /**
       * How issues are prioritised without SLAs.
       */
      sla_note?: string;
      on_call?: Texts21;
    },
    ...{
      /**
       * Stage id: development, launch, stabilisation, post-handoff.
       */
      id: string;
      /**
       * e.g. Launch and Stabilisation.
       */
      name: string;
      phases: Texts19;
      /**
       * A duration: a whole number and a unit, m (minutes), h (hours), d (days), w (weeks), or bh / bd for business hours / business days counted in the organisation's business hours (e.g. 15m, 2h, 2d, 1w, 8bh, 2bd). 0m means immediately.
       */
      duration?: string;
      /**
       * Who owns support, as the transition summary puts it (e.g. EGI (Anchor shadow)).
       */
      primary_owner: string;
      /**
       * Team that owns support in this stage.
       */
      owner_team?: string;
      /**
       * The stage in a sentence or two.
       */
      summary?: string;
      /**
       * Responsibility and owner table.
       *
       * @minItems 1
       */
      responsibilities: [
        {
          /**
           * The responsibility.
           */
          responsibility: string;
          /**
           * Who owns it, as written in the source (e.g. EGI engineering (primary)).
           */
          owner: string;
          /**
           * The teams behind that owner.
           *
           * Items: The id of a team in policy/people.yaml.
           */
          teams?: string[];
        },
        ...{
          /**
           * The responsibility.
           */
          responsibility: string;
          /**
           * Who owns it, as written in the source (e.g. EGI engineering (primary)).
           */
          owner: string;
          /**
           * The teams behind that owner.
           *
           * Items: The id of a team in policy/people.yaml.
           */
          teams?: string[];
        }[]
      ];
      activities?: Texts20;
      /**
       * Support channels.
       *
       * @minItems 1
       *
       * Items: Where a message goes: a Slack channel (#ingestion-rollout), a meeting, email, the status page, or a pattern with {placeholders}.
       */
      channels: [string, ...string[]];
      /**
       * Whether SLAs apply: none, best-effort, informal, or active.
       */
      sla: 'none' | 'best-effort' | 'informal' | 'active';
      /**
       * How issues are prioritised without SLAs.
       */
      sla_note?: string;
      on_call?: Texts21;
    }[]
  ];
  /**
   * SLAs for products after hand-off.
   */
  production_slas?: {
    /**
     * Metric id where the toolkit computes it (uptime, maintenance-notice).
     */
    id?: string;
    /**
     * e.g. Uptime.
     */
    metric: string;
    /**
     * e.g. 99.9% measured monthly.
     */
    target: string;
    /**
     * For the uptime metric: the monthly target.
     */
    uptime_percent?: number;
    /**
     * A duration: a whole number and a unit, m (minutes), h (hours), d (days), w (weeks), or bh / bd for business hours / business days counted in the organisation's business hours (e.g. 15m, 2h, 2d, 1w, 8bh, 2bd). 0m means immediately.
     */
    notice?: string;
  }[];
  /**
   * The monthly uptime and incident report.
   */
  reporting?: {
    /**
     * How often.
     */
    cadence: 'monthly';
    /**
     * Team that produces it.
     */
    owner?: string;
    contents: Texts22;
    shared_with?: Texts23;
    /**
     * Where it is shared.
     */
    shared_via?: string;
  };
  /**
   * Products and where they stand.
   *
   * @minItems 1
   */
  products: [
    {
      /**
       * Product id.
       */
      id: string;
      /**
       * Display name.
       */
      name: string;
      /**
       * Current lifecycle stage id.
       */
      stage: string;
      /**
       * The on-call rotation that covers it.
       */
      rotation: string;
      /**
       * Production-critical services need a named weekly primary and backup before production is enabled (seed 003).
       */
      production_critical?: boolean;
      /**
       * Date production was (or will be) enabled.
       */
      production_enabled?: string;
      /**
       * Launch date; stabilisation runs from here.
       */
      launched?: string;
      /**
       * The planned hand-off from the building team to the operating team.
       */
      handoff?: {
        /**
         * Team handing off.
         */
        from_team: string;
        /**
         * Team taking over.
         */
        to_team: string;
        /**
         * Planned hand-off date.
         */
        planned?: string;
      };
      /**
       * Product channels.
       *
       * Items: Where a message goes: a Slack channel (#ingestion-rollout), a meeting, email, the status page, or a pattern with {placeholders}.
       */
      channels?: string[];
    },
    ...{
      /**
       * Product id.
       */
      id: string;
      /**
       * Display name.
       */
      name: string;
      /**
       * Current lifecycle stage id.
       */
      stage: string;
      /**
       * The on-call rotation that covers it.
       */
      rotation: string;
      /**
       * Production-critical services need a named weekly primary and backup before production is enabled (seed 003).
       */
      production_critical?: boolean;
      /**
       * Date production was (or will be) enabled.
       */
      production_enabled?: string;
      /**
       * Launch date; stabilisation runs from here.
       */
      launched?: string;
      /**
       * The planned hand-off from the building team to the operating team.
       */
      handoff?: {
        /**
         * Team handing off.
         */
        from_team: string;
        /**
         * Team taking over.
         */
        to_team: string;
        /**
         * Planned hand-off date.
         */
        planned?: string;
      };
      /**
       * Product channels.
       *
       * Items: Where a message goes: a Slack channel (#ingestion-rollout), a meeting, email, the status page, or a pattern with {placeholders}.
       */
      channels?: string[];
    }[]
  ];
  /**
   * Scheduled maintenance windows; announced ones are excluded from uptime.
   */
  maintenance?: {
    /**
     * Window id.
     */
    id: string;
    /**
     * Product affected.
     */
    product: string;
    /**
     * Start.
     */
    start: string;
    /**
     * End.
     */
    end: string;
    /**
     * When stakeholders were told.
     */
    announced: string;
    /**
     * What is done.
     */
    description: string;
  }[];
}
/**
 * policy/kill-switch.yaml: kill-switch actions and scenarios (who may execute, who must approve, who is told), the activation log's fields, and resume authority.
 */
export interface KillSwitchAuthority {
  /**
   * Kill-switch actions (seed 001 section 2.2).
   *
   * @minItems 1
   */
  actions: [
    {
      /**
       * Action id, e.g. pause-short.
       */
      id: string;
      /**
       * e.g. Pause (< 1 hour).
       */
      name: string;
      /**
       * A duration: a whole number and a unit, m (minutes), h (hours), d (days), w (weeks), or bh / bd for business hours / business days counted in the organisation's business hours (e.g. 15m, 2h, 2d, 1w, 8bh, 2bd). 0m means immediately.
       */
      max_duration?: string;
      /**
       * Who can execute it.
       */
      execute: RoleRefs4 | 'anyone';
      approve: RoleRefs5;
      notify: Notify1;
    },
    ...{
      /**
       * Action id, e.g. pause-short.
       */
      id: string;
      /**
       * e.g. Pause (< 1 hour).
       */
      name: string;
      /**
       * A duration: a whole number and a unit, m (minutes), h (hours), d (days), w (weeks), or bh / bd for business hours / business days counted in the organisation's business hours (e.g. 15m, 2h, 2d, 1w, 8bh, 2bd). 0m means immediately.
       */
      max_duration?: string;
      /**
       * Who can execute it.
       */
      execute: RoleRefs4 | 'anyone';
      approve: RoleRefs5;
      notify: Notify1;
    }[]
  ];
  /**
   * Kill-switch authority matrix by scenario (seed 001 section 5.1).
   *
   * @minItems 1
   */
  scenarios: [
    {
      /**
       * Scenario id, e.g. error-rate-over-20.
       */
      id: string;
      /**
       * e.g. Error rate > 20%.
       */
      name: string;
      /**
       * Who can activate.
       */
      activate: RoleRefs4 | 'anyone';
      /**
       * Approval required: none (activate first) or roles, before or within a time.
       */
      approval: {
        roles: RoleRefs6;
        /**
         * A duration: a whole number and a unit, m (minutes), h (hours), d (days), w (weeks), or bh / bd for business hours / business days counted in the organisation's business hours (e.g. 15m, 2h, 2d, 1w, 8bh, 2bd). 0m means immediately.
         */
        within?: string;
        /**
         * A duration: a whole number and a unit, m (minutes), h (hours), d (days), w (weeks), or bh / bd for business hours / business days counted in the organisation's business hours (e.g. 15m, 2h, 2d, 1w, 8bh, 2bd). 0m means immediately.
         */
        advance?: string;
      };
      notify: Notify2;
    },
    ...{
      /**
       * Scenario id, e.g. error-rate-over-20.
       */
      id: string;
      /**
       * e.g. Error rate > 20%.
       */
      name: string;
      /**
       * Who can activate.
       */
      activate: RoleRefs4 | 'anyone';
      /**
       * Approval required: none (activate first) or roles, before or within a time.
       */
      approval: {
        roles: RoleRefs6;
        /**
         * A duration: a whole number and a unit, m (minutes), h (hours), d (days), w (weeks), or bh / bd for business hours / business days counted in the organisation's business hours (e.g. 15m, 2h, 2d, 1w, 8bh, 2bd). 0m means immediately.
         */
        within?: string;
        /**
         * A duration: a whole number and a unit, m (minutes), h (hours), d (days), w (weeks), or bh / bd for business hours / business days counted in the organisation's business hours (e.g. 15m, 2h, 2d, 1w, 8bh, 2bd). 0m means immediately.
         */
        advance?: string;
      };
      notify: Notify2;
    }[]
  ];
  /**
   * The kill-switch activation log (seed 001 section 5.2).
   */
  log: {
    /**
     * Fields every activation entry must carry.
     *
     * @minItems 1
     */
    fields: [
      {
        /**
         * The field's key in an incident's kill_switch entries.
         */
        field: 'at' | 'activated_by' | 'reason' | 'severity' | 'scope' | 'approval' | 'notified';
        /**
         * As the source names it (e.g. Timestamp).
         */
        name: string;
        /**
         * Whether it is required.
         */
        required: boolean;
      },
      ...{
        /**
         * The field's key in an incident's kill_switch entries.
         */
        field: 'at' | 'activated_by' | 'reason' | 'severity' | 'scope' | 'approval' | 'notified';
        /**
         * As the source names it (e.g. Timestamp).
         */
        name: string;
        /**
         * Whether it is required.
         */
        required: boolean;
      }[]
    ];
    location: Texts24;
  };
  /**
   * Resume authority by deactivation scope (seed 001 section 5.3).
   *
   * @minItems 1
   */
  resume: [
    {
      /**
       * Scope id, e.g. pause-under-1h.
       */
      id: string;
      /**
       * e.g. < 1 hour pause.
       */
      scope: string;
      authority: RoleRefs7;
      /**
       * Verification required before resuming.
       */
      verification: string;
    },
    ...{
      /**
       * Scope id, e.g. pause-under-1h.
       */
      id: string;
      /**
       * e.g. < 1 hour pause.
       */
      scope: string;
      authority: RoleRefs7;
      /**
       * Verification required before resuming.
       */
      verification: string;
    }[]
  ];
}
/**
 * Who is told, and by when.
 */
export interface Notify1 {
  /**
   * Role ids, or all-stakeholders.
   */
  who: RoleRefs1 | 'all-stakeholders';
  /**
   * A duration: a whole number and a unit, m (minutes), h (hours), d (days), w (weeks), or bh / bd for business hours / business days counted in the organisation's business hours (e.g. 15m, 2h, 2d, 1w, 8bh, 2bd). 0m means immediately.
   */
  within?: string;
  /**
   * A duration: a whole number and a unit, m (minutes), h (hours), d (days), w (weeks), or bh / bd for business hours / business days counted in the organisation's business hours (e.g. 15m, 2h, 2d, 1w, 8bh, 2bd). 0m means immediately.
   */
  advance?: string;
  /**
   * Told after the action is taken rather than before.
   */
  after?: boolean;
}
/**
 * Who is told, and by when.
 */
export interface Notify2 {
  /**
   * Role ids, or all-stakeholders.
   */
  who: RoleRefs1 | 'all-stakeholders';
  /**
   * A duration: a whole number and a unit, m (minutes), h (hours), d (days), w (weeks), or bh / bd for business hours / business days counted in the organisation's business hours (e.g. 15m, 2h, 2d, 1w, 8bh, 2bd). 0m means immediately.
   */
  within?: string;
  /**
   * A duration: a whole number and a unit, m (minutes), h (hours), d (days), w (weeks), or bh / bd for business hours / business days counted in the organisation's business hours (e.g. 15m, 2h, 2d, 1w, 8bh, 2bd). 0m means immediately.
   */
  advance?: string;
  /**
   * Told after the action is taken rather than before.
   */
  after?: boolean;
}
/**
 * policy/approvals.yaml: rollout phases and gates, GA and rollback authority, the hand-off sign-off, the decision authority summary, and which roles must approve changes to which paths.
 */
export interface SignOffAndApprovalRules {
  /**
   * Rollout phases in order; the last is GA.
   *
   * @minItems 2
   */
  phases: [
    {
      /**
       * Phase id, P0 to P9.
       */
      id: string;
      /**
       * e.g. Canary.
       */
      name: string;
      /**
       * Who is in this phase.
       */
      description?: string;
    },
    {
      /**
       * Phase id, P0 to P9.
       */
      id: string;
      /**
       * e.g. Canary.
       */
      name: string;
      /**
       * Who is in this phase.
       */
      description?: string;
    },
    ...{
      /**
       * Phase id, P0 to P9.
       */
      id: string;
      /**
       * e.g. Canary.
       */
      name: string;
      /**
       * Who is in this phase.
       */
      description?: string;
    }[]
  ];
  /**
   * Phase gates (seed 001 section 6.1): the roles that must all sign to move forward; any of them may veto.
   *
   * @minItems 1
   */
  gates: [
    {
      /**
       * Phase left.
       */
      from: string;
      /**
       * Phase entered (the next one).
       */
      to: string;
      require: RoleRefs8;
      /**
       * Who may veto: any-approver (any holder of a required role).
       */
      veto: 'any-approver' | 'none';
      /**
       * What each role's signature confirms (the GA form, seed 001 section 6.2).
       */
      confirms?: {
        [k: string]: Texts25 | undefined;
      };
    },
    ...{
      /**
       * Phase left.
       */
      from: string;
      /**
       * Phase entered (the next one).
       */
      to: string;
      require: RoleRefs8;
      /**
       * Who may veto: any-approver (any holder of a required role).
       */
      veto: 'any-approver' | 'none';
      /**
       * What each role's signature confirms (the GA form, seed 001 section 6.2).
       */
      confirms?: {
        [k: string]: Texts25 | undefined;
      };
    }[]
  ];
  /**
   * Rollback authority (seed 001 section 6.3) and the sign-off form's reasons (6.4).
   */
  rollback: {
    /**
     * Rollback types and who decides.
     *
     * @minItems 1
     */
    types: [
      {
        /**
         * Type id, e.g. p1-incident.
         */
        id: string;
        /**
         * e.g. P1 incident.
         */
        name: string;
        decide: RoleRefs9;
        approve?: RoleRefs10;
        /**
         * Who is consulted or informed, as the source puts it.
         */
        consultation?: string;
        notify?: Notify3;
        /**
         * Decided on the spot; the record is written after the fact.
         */
        immediate?: boolean;
      },
      ...{
        /**
         * Type id, e.g. p1-incident.
         */
        id: string;
        /**
         * e.g. P1 incident.
         */
        name: string;
        decide: RoleRefs9;
        approve?: RoleRefs10;
        /**
         * Who is consulted or informed, as the source puts it.
         */
        consultation?: string;
        notify?: Notify3;
        /**
         * Decided on the spot; the record is written after the fact.
         */
        immediate?: boolean;
      }[]
    ];
    /**
     * The reasons the form offers.
     *
     * @minItems 1
     */
    reasons: [
      {
        /**
         * Reason id.
         */
        id: string;
        /**
         * As on the form.
         */
        name: string;
      },
      ...{
        /**
         * Reason id.
         */
        id: string;
        /**
         * As on the form.
         */
        name: string;
      }[]
    ];
  };
  /**
   * The formal hand-off sign-off that moves a product to post-handoff (seed 000).
   */
  handoff?: {
    require: RoleRefs11;
    checklist?: Texts26;
  };
  /**
   * Decision authority summary (seed 001 section 8).
   */
  decisions?: {
    /**
     * e.g. Rollback phase.
     */
    decision: string;
    authority: RoleRefs12;
    /**
     * Escalation or consultation.
     */
    escalation?: string;
  }[];
  /**
   * Path ownership: changes to matching files need approval from every listed role (each by a different person).
   */
  paths: {
    /**
     * Rule id.
     */
    id: string;
    /**
     * Globs of guarded files.
     *
     * @minItems 1
     *
     * Items: A glob relative to the repository root (** matches any depth).
     */
    paths: [string, ...string[]];
    require?: RoleRefs13;
    /**
     * Every person whose shifts the change moves must approve (rotation swaps).
     */
    require_affected_people?: boolean;
    /**
     * Why the path is guarded.
     */
    reason: string;
  }[];
  /**
   * How pull-request reviews count.
   */
  review: {
    /**
     * Whether the pull request's author (and anyone who pushed commits to it) may fill a required role.
     */
    author_counts: boolean;
    veto_dismissal: RoleRefs14;
  };
}
/**
 * Who is told, and by when.
 */
export interface Notify3 {
  /**
   * Role ids, or all-stakeholders.
   */
  who: RoleRefs1 | 'all-stakeholders';
  /**
   * A duration: a whole number and a unit, m (minutes), h (hours), d (days), w (weeks), or bh / bd for business hours / business days counted in the organisation's business hours (e.g. 15m, 2h, 2d, 1w, 8bh, 2bd). 0m means immediately.
   */
  within?: string;
  /**
   * A duration: a whole number and a unit, m (minutes), h (hours), d (days), w (weeks), or bh / bd for business hours / business days counted in the organisation's business hours (e.g. 15m, 2h, 2d, 1w, 8bh, 2bd). 0m means immediately.
   */
  advance?: string;
  /**
   * Told after the action is taken rather than before.
   */
  after?: boolean;
}
/**
 * policy/communication.yaml: channels, who communicates what when (internal and external), update cadence, and message templates.
 */
export interface Communication {
  /**
   * Channels in use.
   *
   * @minItems 1
   */
  channels: [
    {
      /**
       * Channel id.
       */
      id: string;
      /**
       * e.g. #ingestion-rollout.
       */
      name: string;
      /**
       * Medium.
       */
      kind?:
        | 'slack'
        | 'email'
        | 'status-page'
        | 'pager'
        | 'phone'
        | 'meeting'
        | 'in-app'
        | 'blog'
        | 'portal'
        | 'ticket';
      /**
       * What it is for.
       */
      purpose: string;
      /**
       * Internal (true) or reaching clients (false).
       */
      internal?: boolean;
    },
    ...{
      /**
       * Channel id.
       */
      id: string;
      /**
       * e.g. #ingestion-rollout.
       */
      name: string;
      /**
       * Medium.
       */
      kind?:
        | 'slack'
        | 'email'
        | 'status-page'
        | 'pager'
        | 'phone'
        | 'meeting'
        | 'in-app'
        | 'blog'
        | 'portal'
        | 'ticket';
      /**
       * What it is for.
       */
      purpose: string;
      /**
       * Internal (true) or reaching clients (false).
       */
      internal?: boolean;
    }[]
  ];
  /**
   * Pattern for a dedicated incident channel; {date} is YYYY-MM-DD and {slug} the incident's slug (e.g. #incident-{date}-{slug}).
   */
  incident_channel_pattern: string;
  /**
   * A duration: a whole number and a unit, m (minutes), h (hours), d (days), w (weeks), or bh / bd for business hours / business days counted in the organisation's business hours (e.g. 15m, 2h, 2d, 1w, 8bh, 2bd). 0m means immediately.
   */
  update_every: string;
  /**
   * Leadership communication (seed 004).
   */
  leadership?: {
    /**
     * Severities that trigger it.
     *
     * Items: The id of a severity level in policy/severities.yaml (e.g. P1).
     */
    severities: string[];
    /**
     * A duration: a whole number and a unit, m (minutes), h (hours), d (days), w (weeks), or bh / bd for business hours / business days counted in the organisation's business hours (e.g. 15m, 2h, 2d, 1w, 8bh, 2bd). 0m means immediately.
     */
    within: string;
    /**
     * Leadership channel.
     */
    channel: string;
    content?: Texts27;
  };
  /**
   * Internal communication (seed 001 section 7.1).
   */
  internal: Event[];
  /**
   * External communication (seed 001 section 7.2).
   */
  external: Event[];
  external_rules?: Texts28;
  /**
   * Message templates; {{field}} marks what the sender fills in.
   *
   * @minItems 1
   */
  templates: [
    {
      /**
       * Template id, e.g. incident-start.
       */
      id: string;
      /**
       * e.g. Incident Start.
       */
      name: string;
      /**
       * Where it is posted.
       */
      channel?: string;
      /**
       * The message; {{field}} placeholders are filled in.
       */
      body: string;
    },
    ...{
      /**
       * Template id, e.g. incident-start.
       */
      id: string;
      /**
       * e.g. Incident Start.
       */
      name: string;
      /**
       * Where it is posted.
       */
      channel?: string;
      /**
       * The message; {{field}} placeholders are filled in.
       */
      body: string;
    }[]
  ];
}
export interface Event {
  /**
   * e.g. Incident update.
   */
  event: string;
  /**
   * The id of a role in policy/roles.yaml.
   */
  owner: string;
  approval?: RoleRefs15;
  /**
   * Where.
   */
  channel: string;
  /**
   * When, e.g. Every 30 min.
   */
  timing?: string;
  /**
   * Template used.
   */
  template?: string;
}
/**
 * rotations/<id>.yaml: one on-call rotation: time zone, cadence, hand-off, tiers with their participants, and overrides.
 */
export interface OnCallRotation {
  /**
   * Rotation id; equals the file name.
   */
  id: string;
  /**
   * Display name.
   */
  name: string;
  /**
   * Product the rotation covers.
   */
  product?: string;
  /**
   * Zone of the hand-off's wall-clock time.
   */
  timezone: string;
  /**
   * How often the shift changes hands.
   */
  cadence: {
    /**
     * week or day.
     */
    unit: 'week' | 'day';
    /**
     * Number of units per shift (default 1).
     */
    every?: number;
  };
  /**
   * When shifts change hands, in the rotation's zone.
   */
  handoff: {
    /**
     * Day of the hand-off, for weekly cadences.
     */
    weekday?: 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday';
    /**
     * Local wall-clock time of the hand-off, e.g. "09:00".
     */
    time: string;
    /**
     * The hand-off checklist (seed 001 section 3.3).
     */
    checklist?: {
      outgoing?: Texts29;
      incoming?: Texts30;
    };
    note_fields?: Texts31;
  };
  /**
   * Date of the first hand-off; shift 0 starts then.
   */
  start: string;
  /**
   * Tiers, first responder first.
   *
   * @minItems 1
   */
  tiers: [
    {
      /**
       * Tier id, e.g. primary.
       */
      id: string;
      /**
       * e.g. Primary.
       */
      name: string;
      /**
       * always (24/7: someone at every instant) or business-hours (the organisation's business hours; on call by arrangement outside them).
       */
      coverage: 'always' | 'business-hours';
      /**
       * A duration: a whole number and a unit, m (minutes), h (hours), d (days), w (weeks), or bh / bd for business hours / business days counted in the organisation's business hours (e.g. 15m, 2h, 2d, 1w, 8bh, 2bd). 0m means immediately.
       */
      response?: string;
      /**
       * Next step: another tier of this rotation, or a role.
       */
      escalates_to?: {
        /**
         * Tier id.
         */
        tier?: string;
        /**
         * The id of a role in policy/roles.yaml.
         */
        role?: string;
      };
      /**
       * Participant lists, each in force from its date until the next one's. A change continues with the next person in the new order.
       *
       * @minItems 1
       */
      rosters: [
        {
          /**
           * Date the list takes effect (at that day's hand-off).
           */
          from: string;
          /**
           * People in turn order.
           *
           * @minItems 1
           *
           * Items: The id of a person in policy/people.yaml.
           */
          participants: [string, ...string[]];
          /**
           * Start this many places into the list (e.g. secondary = primary's list with offset 1).
           */
          offset?: number;
        },
        ...{
          /**
           * Date the list takes effect (at that day's hand-off).
           */
          from: string;
          /**
           * People in turn order.
           *
           * @minItems 1
           *
           * Items: The id of a person in policy/people.yaml.
           */
          participants: [string, ...string[]];
          /**
           * Start this many places into the list (e.g. secondary = primary's list with offset 1).
           */
          offset?: number;
        }[]
      ];
    },
    ...{
      /**
       * Tier id, e.g. primary.
       */
      id: string;
      /**
       * e.g. Primary.
       */
      name: string;
      /**
       * always (24/7: someone at every instant) or business-hours (the organisation's business hours; on call by arrangement outside them).
       */
      coverage: 'always' | 'business-hours';
      /**
       * A duration: a whole number and a unit, m (minutes), h (hours), d (days), w (weeks), or bh / bd for business hours / business days counted in the organisation's business hours (e.g. 15m, 2h, 2d, 1w, 8bh, 2bd). 0m means immediately.
       */
      response?: string;
      /**
       * Next step: another tier of this rotation, or a role.
       */
      escalates_to?: {
        /**
         * Tier id.
         */
        tier?: string;
        /**
         * The id of a role in policy/roles.yaml.
         */
        role?: string;
      };
      /**
       * Participant lists, each in force from its date until the next one's. A change continues with the next person in the new order.
       *
       * @minItems 1
       */
      rosters: [
        {
          /**
           * Date the list takes effect (at that day's hand-off).
           */
          from: string;
          /**
           * People in turn order.
           *
           * @minItems 1
           *
           * Items: The id of a person in policy/people.yaml.
           */
          participants: [string, ...string[]];
          /**
           * Start this many places into the list (e.g. secondary = primary's list with offset 1).
           */
          offset?: number;
        },
        ...{
          /**
           * Date the list takes effect (at that day's hand-off).
           */
          from: string;
          /**
           * People in turn order.
           *
           * @minItems 1
           *
           * Items: The id of a person in policy/people.yaml.
           */
          participants: [string, ...string[]];
          /**
           * Start this many places into the list (e.g. secondary = primary's list with offset 1).
           */
          offset?: number;
        }[]
      ];
    }[]
  ];
  /**
   * Someone covers a tier from one instant to another; wins over the rotation. A swap is a pair of overrides.
   */
  overrides?: {
    /**
     * Tier covered.
     */
    tier: string;
    /**
     * Who covers.
     */
    person: string;
    /**
     * From.
     */
    start: string;
    /**
     * Until (exclusive).
     */
    end: string;
    /**
     * Why.
     */
    reason: string;
  }[];
}
/**
 * incidents/YYYY/<id>.yaml: one incident: severity, status, times, roles, timeline, escalations and kill-switch log. Append-only: fields marked x-amendable may change later ("any": edited; "append": entries added).
 */
export interface IncidentRecord {
  /**
   * YYYY-MM-DD-<slug>, the date detected and a short slug; equals the file name.
   */
  id: string;
  /**
   * One-line title.
   */
  title: string;
  /**
   * Product affected.
   */
  product: string;
  /**
   * The id of a severity level in policy/severities.yaml (e.g. P1).
   */
  severity: string;
  /**
   * Where the incident stands; it only moves forward (detected, acknowledged, mitigated, resolved, closed).
   */
  status: 'detected' | 'acknowledged' | 'mitigated' | 'resolved' | 'closed';
  /**
   * Issue class from policy/escalation.yaml (infrastructure, application, configuration).
   */
  classification?: string;
  /**
   * Escalation scenario from policy/escalation.yaml, when one applies (changes where escalation starts).
   */
  scenario?: string;
  /**
   * Whether customers were affected (external communication applies).
   */
  customer_facing?: boolean;
  /**
   * When the alert fired or the issue was reported.
   */
  detected: string;
  /**
   * When on-call acknowledged.
   */
  acknowledged?: string;
  /**
   * When impact stopped (fix or workaround).
   */
  mitigated?: string;
  /**
   * When the incident was resolved.
   */
  resolved?: string;
  /**
   * The dedicated incident channel, in the policy's pattern.
   */
  channel?: string;
  /**
   * Who was affected and how; the window counts against uptime when downtime is true.
   */
  impact: {
    /**
     * Who was affected and how.
     */
    summary: string;
    /**
     * Whether the product was unavailable (counts against uptime).
     */
    downtime: boolean;
    /**
     * Start of the impact window (defaults to detected).
     */
    start?: string;
    /**
     * End of the impact window (defaults to mitigated, then resolved).
     */
    end?: string;
    /**
     * Number of clients affected.
     */
    clients?: number;
  };
  /**
   * Incident roles (seed 004).
   */
  roles: {
    /**
     * Incident commander: owns the incident from start to resolution.
     */
    commander: string;
    /**
     * Engineers investigating and fixing.
     *
     * Items: The id of a person in policy/people.yaml.
     */
    technical_leads?: string[];
    /**
     * Handles communications; required for major incidents.
     */
    communications_lead?: string;
  };
  /**
   * When leadership was told.
   */
  leadership_notified?: string;
  /**
   * Chronological events from detection to resolution.
   *
   * @minItems 1
   */
  timeline: [
    {
      /**
       * When.
       */
      at: string;
      /**
       * What happened.
       */
      event: string;
      /**
       * Who acted.
       */
      by?: string;
    },
    ...{
      /**
       * When.
       */
      at: string;
      /**
       * What happened.
       */
      event: string;
      /**
       * Who acted.
       */
      by?: string;
    }[]
  ];
  /**
   * Escalations, in order.
   */
  escalations?: {
    /**
     * When.
     */
    at: string;
    /**
     * Escalation level reached (policy/escalation.yaml).
     */
    level: string;
    /**
     * People brought in.
     *
     * Items: The id of a person in policy/people.yaml.
     */
    to?: string[];
    /**
     * Why.
     */
    reason: string;
  }[];
  /**
   * Kill-switch activation log (seed 001 section 5.2).
   */
  kill_switch?: {
    /**
     * Timestamp.
     */
    at?: string;
    /**
     * Action from policy/kill-switch.yaml (pause-short, rollback, ...).
     */
    action: string;
    /**
     * Scenario from the authority matrix.
     */
    scenario: string;
    activated_by?: Signer;
    /**
     * Why.
     */
    reason?: string;
    /**
     * The id of a severity level in policy/severities.yaml (e.g. P1).
     */
    severity?: string;
    /**
     * global or workspace.
     */
    scope?: 'global' | 'workspace';
    /**
     * Which workspace, for scope workspace.
     */
    workspace?: string;
    /**
     * The approval, or none where the matrix says activate first.
     */
    approval?:
      | 'none'
      | {
          /**
           * Approvers and their roles.
           *
           * @minItems 1
           */
          by: [Signer1, ...Signer1[]];
          /**
           * When approved.
           */
          at: string;
        };
    /**
     * Who was told, and when.
     *
     * @minItems 1
     */
    notified?: [
      {
        /**
         * Role id, or all-stakeholders.
         */
        who: string | 'all-stakeholders';
        /**
         * When.
         */
        at: string;
      },
      ...{
        /**
         * Role id, or all-stakeholders.
         */
        who: string | 'all-stakeholders';
        /**
         * When.
         */
        at: string;
      }[]
    ];
    /**
     * When ingestion resumed.
     */
    resumed?: string;
    /**
     * Who authorised the resume.
     */
    resumed_by?: Signer1[];
    /**
     * Verification done before resuming.
     */
    verification?: string;
  }[];
  /**
   * Why it happened, briefly; the post-mortem has the detail.
   */
  root_cause?: string;
  /**
   * What fixed it.
   */
  resolution?: string;
  /**
   * Path of the post-mortem, docs/incidents/<id>.md.
   */
  postmortem?: string;
}
/**
 * Who activated it, in which role.
 */
export interface Signer {
  /**
   * Who acted.
   */
  person: string;
  /**
   * The id of a role in policy/roles.yaml.
   */
  role: string;
}
/**
 * A person acting in a role.
 */
export interface Signer1 {
  /**
   * Who acted.
   */
  person: string;
  /**
   * The id of a role in policy/roles.yaml.
   */
  role: string;
}
/**
 * A person signing in a role; the pull request must carry their GitHub approval.
 */
export interface Signature {
  /**
   * Who signs.
   */
  person: string;
  /**
   * The id of a role in policy/roles.yaml.
   */
  role: string;
  confirms?: Texts32;
}
/**
 * A person acting in a role.
 */
export interface Signer2 {
  /**
   * Who acted.
   */
  person: string;
  /**
   * The id of a role in policy/roles.yaml.
   */
  role: string;
}
/**
 * A person acting in a role.
 */
export interface Signer3 {
  /**
   * Who acted.
   */
  person: string;
  /**
   * The id of a role in policy/roles.yaml.
   */
  role: string;
}
/**
 * The YAML front matter of docs/incidents/<id>.md: the incident it reviews, authors, status and action items. The Markdown body holds the template's sections.
 */
export interface PostMortemFrontMatter {
  /**
   * Id of the incident reviewed; equals the file name.
   */
  incident: string;
  /**
   * Title.
   */
  title: string;
  /**
   * Who wrote it.
   *
   * @minItems 1
   *
   * Items: The id of a person in policy/people.yaml.
   */
  authors: [string, ...string[]];
  /**
   * draft, in-review, or final.
   */
  status: 'draft' | 'in-review' | 'final';
  /**
   * When the post-mortem was completed: a date-time, or a date, which counts as the end of that day in the organisation's time zone (so on the day of the deadline give the time). Counts against the post-mortem deadline.
   */
  published?: string;
  /**
   * Follow-up tasks, tracked to completion.
   */
  action_items: {
    /**
     * Item id within the post-mortem, AI-1, AI-2, ...
     */
    id: string;
    /**
     * The task.
     */
    title: string;
    /**
     * Who owns it.
     */
    owner: string;
    /**
     * Deadline.
     */
    due: string;
    /**
     * open, in-progress, done or wont-do.
     */
    status: 'open' | 'in-progress' | 'done' | 'wont-do';
    /**
     * Completion date, for done items.
     */
    done?: string;
    /**
     * Tracking issue or pull request.
     */
    link?: string;
  }[];
}
