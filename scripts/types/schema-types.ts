/* Generated from schemas/*.schema.json by `npm run gen:types`. Do not edit: change the schema and regenerate. */

/**
 * Commitments to the people on call (fair compensation, burden tracking).
 *
 * Items: Free text.
 */
export type Texts = string[];
/**
 * The checks, in order.
 *
 * Items: Free text.
 */
export type Texts1 = string[];
/**
 * What triage decides the report is (an incident, a bug, a configuration issue, user support).
 *
 * Items: Free text.
 */
export type Texts2 = string[];
/**
 * Rules for handling support reports (no secrets in chat, redaction).
 *
 * Items: Free text.
 */
export type Texts3 = string[];
/**
 * What the review goes through.
 *
 * Items: Free text.
 */
export type Texts4 = string[];
/**
 * What the role may decide or do.
 *
 * Items: Free text.
 */
export type Texts5 = string[];
/**
 * Longer list of duties, where the source document gives one.
 *
 * Items: Free text.
 */
export type Texts6 = string[];
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
export type Texts7 = string[];
/**
 * Typical incidents of this severity.
 *
 * Items: Free text.
 */
export type Texts8 = string[];
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
export type Texts9 = string[];
/**
 * When to escalate to this level.
 *
 * Items: Free text.
 */
export type Texts10 = string[];
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
export type Texts11 = string[];
/**
 * Kinds of issue that are escalated at once.
 *
 * Items: Free text.
 */
export type Texts12 = string[];
/**
 * When not to escalate.
 *
 * Items: Free text.
 */
export type Texts13 = string[];
/**
 * Where the choice is written in the data, e.g. policy/escalation.yaml scenarios (data-loss).
 *
 * Items: Free text.
 */
export type Texts14 = string[];
/**
 * Where the source documents disagree on escalation, what this policy follows and why.
 */
export type Choices = {
  /**
   * Choice id, e.g. data-loss-entry-level.
   */
  id: string;
  /**
   * What the documents disagree on, e.g. Where a data-loss escalation starts.
   */
  topic: string;
  /**
   * What each document says.
   *
   * @minItems 1
   */
  sources: [
    {
      /**
       * The document and section, e.g. Escalation procedures, scenario 3.
       */
      source: string;
      /**
       * What it says.
       */
      says: string;
    },
    ...{
      /**
       * The document and section, e.g. Escalation procedures, scenario 3.
       */
      source: string;
      /**
       * What it says.
       */
      says: string;
    }[]
  ];
  /**
   * What the organisation follows.
   */
  chosen: string;
  /**
   * Why.
   */
  reason: string;
  applies_to?: Texts14;
}[];
/**
 * Examples.
 *
 * Items: Free text.
 */
export type Texts15 = string[];
/**
 * The steps, in order.
 *
 * Items: Free text.
 */
export type Texts16 = string[];
/**
 * What the step involves.
 *
 * Items: Free text.
 */
export type Texts17 = string[];
/**
 * Steps.
 *
 * Items: Free text.
 */
export type Texts18 = string[];
/**
 * Metrics tracked.
 *
 * Items: Free text.
 */
export type Texts19 = string[];
/**
 * Do.
 *
 * Items: Free text.
 */
export type Texts20 = string[];
/**
 * Don't.
 *
 * Items: Free text.
 */
export type Texts21 = string[];
/**
 * Monthly review items.
 *
 * Items: Free text.
 */
export type Texts22 = string[];
/**
 * Quarterly review items.
 *
 * Items: Free text.
 */
export type Texts23 = string[];
/**
 * Phases within the stage.
 *
 * Items: Free text.
 */
export type Texts24 = string[];
/**
 * Key activities during the stage.
 *
 * Items: Free text.
 */
export type Texts25 = string[];
/**
 * How on-call works in this stage.
 *
 * Items: Free text.
 */
export type Texts26 = string[];
/**
 * What it includes.
 *
 * Items: Free text.
 */
export type Texts27 = string[];
/**
 * Who receives it.
 *
 * Items: Free text.
 */
export type Texts28 = string[];
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
export type Texts29 = string[];
/**
 * Where the source documents disagree on kill-switch authority, what this policy follows and why.
 */
export type Choices1 = {
  /**
   * Choice id, e.g. data-loss-entry-level.
   */
  id: string;
  /**
   * What the documents disagree on, e.g. Where a data-loss escalation starts.
   */
  topic: string;
  /**
   * What each document says.
   *
   * @minItems 1
   */
  sources: [
    {
      /**
       * The document and section, e.g. Escalation procedures, scenario 3.
       */
      source: string;
      /**
       * What it says.
       */
      says: string;
    },
    ...{
      /**
       * The document and section, e.g. Escalation procedures, scenario 3.
       */
      source: string;
      /**
       * What it says.
       */
      says: string;
    }[]
  ];
  /**
   * What the organisation follows.
   */
  chosen: string;
  /**
   * Why.
   */
  reason: string;
  applies_to?: Texts14;
}[];
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
export type Texts30 = string[];
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
export type Texts31 = string[];
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
export type Texts32 = string[];
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
export type Texts33 = string[];
/**
 * A list of free-text lines.
 *
 * Items: Free text.
 */
export type Texts34 = string[];
/**
 * A list of free-text lines.
 *
 * Items: Free text.
 */
export type Texts35 = string[];
/**
 * A list of free-text lines.
 *
 * Items: Free text.
 */
export type Texts36 = string[];
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
   * An instant with an explicit UTC offset (ISO 8601; seconds may be left out), e.g. 2026-10-14T08:12:00+02:00, 2026-10-14T08:12+02:00 or 2026-10-14T06:12:00Z.
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
   * The rollback sign-off form.
   */
  rollback?: {
    /**
     * An id: lower-case letters, digits and hyphens, starting with a letter or digit, at most 63 characters (e.g. ingestion-owner).
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
     * Next steps, filled in as they are known; all three are due by policy/approvals.yaml rollback.next_steps_within after the rollback.
     */
    next_steps?: {
      /**
       * Investigation assigned to.
       */
      investigation?: string;
      /**
       * A calendar date, YYYY-MM-DD.
       */
      reramp_target?: string;
      /**
       * Whether clients must be told.
       */
      client_communication?: 'required' | 'not-required';
    };
  };
  /**
   * For a planned kill-switch action or a resume.
   */
  kill_switch?: {
    /**
     * An id: lower-case letters, digits and hyphens, starting with a letter or digit, at most 63 characters (e.g. ingestion-owner).
     */
    action: string;
    /**
     * An id: lower-case letters, digits and hyphens, starting with a letter or digit, at most 63 characters (e.g. ingestion-owner).
     */
    scenario: string;
    /**
     * global or workspace.
     */
    scope: 'global' | 'workspace';
    /**
     * An id: lower-case letters, digits and hyphens, starting with a letter or digit, at most 63 characters (e.g. ingestion-owner).
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
export type Texts37 = string[];
/**
 * A list of free-text lines.
 *
 * Items: Free text.
 */
export type Texts38 = string[];

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
  handoff: OnCallHandOffNote;
  postmortem: PostMortemFrontMatter;
}
/**
 * policy/organisation.yaml: organisation-wide settings the other policies rely on: business hours, on-call limits, horizons.
 */
export interface OrganisationSettings {
  /**
   * When this file was last reviewed; policy/organisation.yaml reviews say how often it must be.
   */
  last_reviewed?: string;
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
   * Expectations and limits for people on call.
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
   * What the organisation requires of its rotations: the cadence, the hand-off weekday and time, and each tier's coverage and longest response time. Each entry applies to the rotations of its products, or to every rotation when it names none.
   */
  rotation_requirements?: {
    /**
     * Products whose rotations this applies to (policy/lifecycle.yaml); without it, every rotation.
     *
     * @minItems 1
     *
     * Items: The id of a product in policy/lifecycle.yaml.
     */
    products?: [string, ...string[]];
    /**
     * Where the requirement comes from, shown on the on-call page.
     */
    source?: string;
    /**
     * The required cadence.
     */
    cadence?: {
      /**
       * week or day.
       */
      unit: 'week' | 'day';
      /**
       * Units per shift (default 1).
       */
      every?: number;
    };
    /**
     * The required hand-off, in each rotation's own time zone.
     */
    handoff?: {
      /**
       * Hand-off weekday, e.g. monday.
       */
      weekday?: 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday';
      /**
       * Hand-off local time, e.g. "09:00".
       */
      time?: string;
    };
    /**
     * Tiers each such rotation must have, by tier id.
     *
     * @minItems 1
     */
    tiers?: [
      {
        /**
         * Tier id, e.g. primary.
         */
        id: string;
        /**
         * The least coverage the tier gives: always meets every requirement, business-hours-and-on-call also meets business-hours.
         */
        coverage?: 'always' | 'business-hours' | 'business-hours-and-on-call';
        /**
         * The longest response time the tier may have.
         */
        response?: string;
      },
      ...{
        /**
         * Tier id, e.g. primary.
         */
        id: string;
        /**
         * The least coverage the tier gives: always meets every requirement, business-hours-and-on-call also meets business-hours.
         */
        coverage?: 'always' | 'business-hours' | 'business-hours-and-on-call';
        /**
         * The longest response time the tier may have.
         */
        response?: string;
      }[]
    ];
  }[];
  /**
   * How on-call triages a support report or an alert, shown on the on-call page.
   */
  triage?: {
    /**
     * The environments a report can concern (local, dev, showcase, prod); a hand-off note's environment is one of them.
     *
     * @minItems 1
     *
     * Items: An id: lower-case letters, digits and hyphens, starting with a letter or digit, at most 63 characters (e.g. ingestion-owner).
     */
    environments?: [string, ...string[]];
    checklist: Texts1;
    outcomes?: Texts2;
    support_notes?: Texts3;
  };
  /**
   * Regular reviews of the policy files: how often each file is reviewed. Each file records its last review in last_reviewed.
   */
  reviews?: {
    /**
     * Review id, e.g. quarterly.
     */
    id: string;
    /**
     * What the review is, e.g. Quarterly review: metrics, contact information, SLAs.
     */
    name: string;
    /**
     * How often: a file is due one month, three months or a year after its last_reviewed date.
     */
    every: 'month' | 'quarter' | 'year';
    /**
     * The policy files it covers (policy/people.yaml, ...); without it, every policy file.
     *
     * @minItems 1
     */
    files?: [string, ...string[]];
    items?: Texts4;
  }[];
  /**
   * How post-mortem action items are followed up (tracked to completion).
   */
  follow_up?: {
    /**
     * How long an open action item may be past its due date before validate reports it as an error rather than a warning (e.g. 14d).
     */
    action_item_grace?: string;
  };
  /**
   * What the sensitive-data rule looks for in incident records and post-mortems beyond credentials and international phone numbers.
   */
  sensitive_data?: {
    /**
     * Regions whose national phone formats are recognised (020 7946 0958 in GB, 030 1234567 in DE), as ISO 3166-1 alpha-2 codes; the first is the default region. Numbers written with a country code (+49 30 ...) are recognised whatever this says. Default: the regions of the phone numbers in policy/people.yaml.
     *
     * @minItems 1
     *
     * Items: An ISO 3166-1 alpha-2 region code in capitals.
     */
    phone_regions?: [string, ...string[]];
    /**
     * Public e-mail addresses that incident records and post-mortems may name, such as a support mailbox (compared case-insensitively).
     *
     * Items: An e-mail address.
     */
    allowed_emails?: string[];
  };
  /**
   * What the blameless-language rule must not read as a person.
   */
  blameless_language?: {
    /**
     * Words never taken for a person's first name or handle, however they are used (e.g. a product called Hugo, or a first name that is also a common word in your teams' writing). Full names and @-mentions are still recognised.
     *
     * Items: A word, compared case-insensitively.
     */
    not_names?: string[];
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
   * Versions of the policy set.
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
   * When this file was last reviewed; policy/organisation.yaml reviews say how often it must be.
   */
  last_reviewed?: string;
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
       * The GitHub account's numeric id (GET /users/<login> answers it; `npm run oncall -- github-ids` fills it in). Approvals are matched on it where GitHub gives one, so a renamed login keeps its person and a re-registered login inherits nothing.
       */
      github_id?: number;
      /**
       * The person's IANA time zone; night and weekend burden is counted in it.
       */
      timezone: string;
      /**
       * The person's team.
       */
      team: string;
      /**
       * How to reach the person: pager, phone, Slack, e-mail.
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
         * E-mail address; `oncall sync pagerduty` matches the person to the PagerDuty user with this address unless pagerduty_user names one.
         */
        email?: string;
        /**
         * The person's PagerDuty user id (e.g. PXPGF42), when their PagerDuty login is not their e-mail address here; `oncall sync pagerduty` pages this user.
         */
        pagerduty_user?: string;
      };
      /**
       * Date the person left; they may no longer appear in rotations or assignments after it.
       */
      left?: string;
      /**
       * When the person is away: shifts then are reported by validate with who could cover. Dates are whole days in the person's time zone; date-times are exact instants.
       */
      time_off?: {
        /**
         * First day away (a date: from the start of that day in the person's zone) or the instant they leave (a date-time with offset).
         */
        from: string | string;
        /**
         * Last day away, included (a date), or the instant they are back (a date-time, excluded).
         */
        to: string | string;
        /**
         * Why, for the people planning cover (optional).
         */
        reason?: string;
        /**
         * Keep the reason out of everything the toolkit shows (pages, calendars, notices, command output); it stays readable in this file.
         */
        private?: boolean;
      }[];
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
       * The GitHub account's numeric id (GET /users/<login> answers it; `npm run oncall -- github-ids` fills it in). Approvals are matched on it where GitHub gives one, so a renamed login keeps its person and a re-registered login inherits nothing.
       */
      github_id?: number;
      /**
       * The person's IANA time zone; night and weekend burden is counted in it.
       */
      timezone: string;
      /**
       * The person's team.
       */
      team: string;
      /**
       * How to reach the person: pager, phone, Slack, e-mail.
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
         * E-mail address; `oncall sync pagerduty` matches the person to the PagerDuty user with this address unless pagerduty_user names one.
         */
        email?: string;
        /**
         * The person's PagerDuty user id (e.g. PXPGF42), when their PagerDuty login is not their e-mail address here; `oncall sync pagerduty` pages this user.
         */
        pagerduty_user?: string;
      };
      /**
       * Date the person left; they may no longer appear in rotations or assignments after it.
       */
      left?: string;
      /**
       * When the person is away: shifts then are reported by validate with who could cover. Dates are whole days in the person's time zone; date-times are exact instants.
       */
      time_off?: {
        /**
         * First day away (a date: from the start of that day in the person's zone) or the instant they leave (a date-time with offset).
         */
        from: string | string;
        /**
         * Last day away, included (a date), or the instant they are back (a date-time, excluded).
         */
        to: string | string;
        /**
         * Why, for the people planning cover (optional).
         */
        reason?: string;
        /**
         * Keep the reason out of everything the toolkit shows (pages, calendars, notices, command output); it stays readable in this file.
         */
        private?: boolean;
      }[];
    }[]
  ];
}
/**
 * policy/roles.yaml: role definitions (responsibility, authority) and who holds each role.
 */
export interface Roles {
  /**
   * A calendar date, YYYY-MM-DD.
   */
  last_reviewed?: string;
  /**
   * Roles, in the order pages show them.
   *
   * @minItems 1
   */
  roles: [Role, ...Role[]];
}
/**
 * A role: what it is responsible for, what it may decide, and who holds it: named people (holders, dated), or whoever is on call or someone named per incident (holder).
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
   * Which table the role belongs to: technical and business roles, incident roles, escalation contacts, lifecycle owners.
   */
  category: 'technical' | 'business' | 'incident' | 'escalation' | 'lifecycle';
  /**
   * What the role is responsible for.
   */
  responsibility: string;
  authority?: Texts5;
  duties?: Texts6;
  /**
   * Who holds a role that is not held by name: whoever is on call in a rotation (or one of its tiers), or someone named per incident. Named holders are dated assignments instead: holders: [{from, primary, backup}].
   */
  holder?:
    | {
        /**
         * Rotation id (rotations/<id>.yaml).
         */
        rotation: string;
        /**
         * Tier id within the rotation; omitted means whoever holds any tier.
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
   * Who holds a named role, as dated assignments in order of `from`: the newest whose `from` has come is in force. Reassigning means appending an assignment; the earlier ones stay as the record of who held the role when.
   *
   * @minItems 1
   */
  holders?: [Assignment, ...Assignment[]];
  /**
   * Temporary delegation: someone who also holds the role for whole days (e.g. an acting SRE Lead while the primary is on leave).
   */
  acting?: Acting[];
  /**
   * Whether every assignment names a backup (the source documents give the role a primary and a backup). Default false.
   */
  backup_required?: boolean;
  /**
   * Which of the holder's contact handles to use, for the primary and the backup contact.
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
 * Who holds a named role from a date on, until the next assignment's `from`.
 */
export interface Assignment {
  /**
   * A calendar date, YYYY-MM-DD.
   */
  from: string;
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
  /**
   * Why the role was assigned or reassigned, for the record.
   */
  note?: string;
}
/**
 * Someone who holds a named role for a while besides its assignment, whole days in the organisation's time zone.
 */
export interface Acting {
  /**
   * Who acts in the role.
   */
  person: string;
  /**
   * A calendar date, YYYY-MM-DD.
   */
  from: string;
  /**
   * A calendar date, YYYY-MM-DD.
   */
  to: string;
  /**
   * Why, e.g. "Chen Wei on leave".
   */
  reason: string;
}
/**
 * policy/raci.yaml: activities grouped by stage, each with Responsible, Accountable, Consulted and Informed roles.
 */
export interface RACIMatrix {
  /**
   * A calendar date, YYYY-MM-DD.
   */
  last_reviewed?: string;
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
   * A calendar date, YYYY-MM-DD.
   */
  last_reviewed?: string;
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
  postmortem_template: PostmortemTemplate;
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
  criteria?: Texts7;
  examples: Texts8;
  /**
   * The same level on other scales used in the source documents, so records written against them map here.
   */
  equivalents?: {
    /**
     * The other scale (e.g. a product team's own scale).
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
   * Who must be told, and within what time of detection (e.g. leadership within 15 min for P0).
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
 * The post-mortem template: its sections, the headings accepted for each, which severities need each.
 */
export interface PostmortemTemplate {
  /**
   * The sections, in the order `new postmortem` writes them.
   *
   * @minItems 1
   */
  sections: [
    {
      /**
       * Section id, e.g. root-cause.
       */
      id: string;
      /**
       * The heading `new postmortem` writes, e.g. Root cause.
       */
      heading: string;
      /**
       * Other headings accepted for the section, matched ignoring case, numbering and punctuation (e.g. Lessons learned, Corrective actions).
       *
       * Items: Free text.
       */
      accepts?: string[];
      /**
       * What the section holds; also the prompt `new postmortem` writes under it when the record cannot fill it.
       */
      holds: string;
      /**
       * Severities whose post-mortems need the section; without it, every severity.
       *
       * @minItems 1
       *
       * Items: The id of a severity level in policy/severities.yaml (e.g. P1).
       */
      severities?: [string, ...string[]];
      /**
       * What `new postmortem` writes into it from the incident record: the summary, the impact, the root cause, the timeline as a table, or (action-items) a note that the items are tracked in the front matter, which lets the section stay short.
       */
      fill?: 'summary' | 'impact' | 'root-cause' | 'timeline' | 'action-items';
      /**
       * How blameless-language reads the section: names (any person named is a warning, as in a root cause), or blame (a person named with blaming words, and blaming phrases, as in a timeline or what could be improved). Left out: the section is not checked.
       */
      blameless?: 'names' | 'blame';
    },
    ...{
      /**
       * Section id, e.g. root-cause.
       */
      id: string;
      /**
       * The heading `new postmortem` writes, e.g. Root cause.
       */
      heading: string;
      /**
       * Other headings accepted for the section, matched ignoring case, numbering and punctuation (e.g. Lessons learned, Corrective actions).
       *
       * Items: Free text.
       */
      accepts?: string[];
      /**
       * What the section holds; also the prompt `new postmortem` writes under it when the record cannot fill it.
       */
      holds: string;
      /**
       * Severities whose post-mortems need the section; without it, every severity.
       *
       * @minItems 1
       *
       * Items: The id of a severity level in policy/severities.yaml (e.g. P1).
       */
      severities?: [string, ...string[]];
      /**
       * What `new postmortem` writes into it from the incident record: the summary, the impact, the root cause, the timeline as a table, or (action-items) a note that the items are tracked in the front matter, which lets the section stay short.
       */
      fill?: 'summary' | 'impact' | 'root-cause' | 'timeline' | 'action-items';
      /**
       * How blameless-language reads the section: names (any person named is a warning, as in a root cause), or blame (a person named with blaming words, and blaming phrases, as in a timeline or what could be improved). Left out: the section is not checked.
       */
      blameless?: 'names' | 'blame';
    }[]
  ];
}
/**
 * policy/escalation.yaml: escalation levels, the timed ladder per severity, triggers, issue classification, scenarios, customer escalation and escalation metrics.
 */
export interface Escalation {
  /**
   * A calendar date, YYYY-MM-DD.
   */
  last_reviewed?: string;
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
      responsibilities?: Texts9;
      escalate_if?: Texts10;
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
      responsibilities?: Texts9;
      escalate_if?: Texts10;
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
       * The ladder applies only to incidents marked customer_facing (others are ticketed, not escalated).
       */
      customer_facing_only?: boolean;
      /**
       * How many times the ladder starts again from its first step when nobody has acknowledged after the last one (PagerDuty's num_loops); default 0.
       */
      repeats?: number;
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
       * The ladder applies only to incidents marked customer_facing (others are ticketed, not escalated).
       */
      customer_facing_only?: boolean;
      /**
       * How many times the ladder starts again from its first step when nobody has acknowledged after the last one (PagerDuty's num_loops); default 0.
       */
      repeats?: number;
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
       * Level it escalates to, if fixed (without it: the scenario's start level for scenarios, else any escalation).
       */
      to_level?: string;
      /**
       * Escalation scenarios that trigger it (an incident recording one of them is escalated to the scenario's start level).
       *
       * @minItems 1
       *
       * Items: An id: lower-case letters, digits and hyphens, starting with a letter or digit, at most 63 characters (e.g. ingestion-owner).
       */
      scenarios?: [string, ...string[]];
      /**
       * Triggered when an incident's impact names at least this many affected services (impact.services).
       */
      services_at_least?: number;
      /**
       * A duration: a whole number and a unit, m (minutes), h (hours), d (days), w (weeks), or bh / bd for business hours / business days counted in the organisation's business hours (e.g. 15m, 2h, 2d, 1w, 8bh, 2bd). 0m means immediately.
       */
      within?: string;
    }[];
    manual: Texts11;
    escalate_quickly_for?: Texts12;
    do_not_escalate_if?: Texts13;
  };
  /**
   * Which time of an incident stops its ladder and its unresolved-after triggers: mitigated (service restored by a fix or workaround; the resolved time when no mitigation is recorded) or resolved. Default: resolved.
   */
  ladder_stops_at?: 'mitigated' | 'resolved';
  /**
   * What an escalation hands to the level it brings in: the fields of an incident's escalations[].handoff.
   */
  handoff?: {
    /**
     * Hand-off fields, each required or not.
     *
     * @minItems 1
     */
    fields: [
      {
        /**
         * The field's key in an incident's escalations[].handoff.
         */
        field:
          'summary' | 'status' | 'severity' | 'impact' | 'affected_systems' | 'actions_taken' | 'evidence';
        /**
         * As the source names it (e.g. Steps already taken).
         */
        name: string;
        /**
         * Whether every escalation must carry it.
         */
        required: boolean;
        /**
         * Where the field comes from, when the policy restates another document.
         */
        source?: string;
      },
      ...{
        /**
         * The field's key in an incident's escalations[].handoff.
         */
        field:
          'summary' | 'status' | 'severity' | 'impact' | 'affected_systems' | 'actions_taken' | 'evidence';
        /**
         * As the source names it (e.g. Steps already taken).
         */
        name: string;
        /**
         * Whether every escalation must carry it.
         */
        required: boolean;
        /**
         * Where the field comes from, when the policy restates another document.
         */
        source?: string;
      }[]
    ];
  };
  choices?: Choices;
  /**
   * Step 1 of an escalation to the application team: classify the issue; each class names the team that resolves it once the product is handed off (and that an escalation of it goes to).
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
    examples?: Texts15;
    /**
     * Team that resolves it after the product's hand-off; an escalation of the class goes to this team, never to the handing-off team when another team owns the class.
     */
    owner: string;
  }[];
  /**
   * Named scenarios with their own path: where escalation starts, whether levels may be skipped, post-mortem deadline.
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
    steps: Texts16;
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
    items: Texts17;
  }[];
  /**
   * Customer escalation.
   */
  customer?: {
    process?: Texts18;
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
    tracked?: Texts19;
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
    do?: Texts20;
    dont?: Texts21;
    monthly_review?: Texts22;
    quarterly_review?: Texts23;
  };
}
/**
 * policy/lifecycle.yaml: who supports a product at each lifecycle stage, the SLAs that apply, reporting, and the products with their current stage and maintenance windows.
 */
export interface LifecycleOwnership {
  /**
   * A calendar date, YYYY-MM-DD.
   */
  last_reviewed?: string;
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
      phases: Texts24;
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
      activities?: Texts25;
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
      on_call?: Texts26;
      /**
       * The team everyone on call in a product's rotation belongs to while the product is in this stage (e.g. the product's own engineering team during stabilisation).
       */
      on_call_team?: string;
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
      phases: Texts24;
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
      activities?: Texts25;
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
      on_call?: Texts26;
      /**
       * The team everyone on call in a product's rotation belongs to while the product is in this stage (e.g. the product's own engineering team during stabilisation).
       */
      on_call_team?: string;
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
    contents: Texts27;
    shared_with?: Texts28;
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
       * Production-critical services need a named weekly primary and backup before production is enabled (the production-coverage rule).
       */
      production_critical?: boolean;
      /**
       * A calendar date, YYYY-MM-DD.
       */
      production_enabled?: string;
      /**
       * A calendar date, YYYY-MM-DD.
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
         * A calendar date, YYYY-MM-DD.
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
       * Production-critical services need a named weekly primary and backup before production is enabled (the production-coverage rule).
       */
      production_critical?: boolean;
      /**
       * A calendar date, YYYY-MM-DD.
       */
      production_enabled?: string;
      /**
       * A calendar date, YYYY-MM-DD.
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
         * A calendar date, YYYY-MM-DD.
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
     * An instant with an explicit UTC offset (ISO 8601; seconds may be left out), e.g. 2026-10-14T08:12:00+02:00, 2026-10-14T08:12+02:00 or 2026-10-14T06:12:00Z.
     */
    start: string;
    /**
     * An instant with an explicit UTC offset (ISO 8601; seconds may be left out), e.g. 2026-10-14T08:12:00+02:00, 2026-10-14T08:12+02:00 or 2026-10-14T06:12:00Z.
     */
    end: string;
    /**
     * An instant with an explicit UTC offset (ISO 8601; seconds may be left out), e.g. 2026-10-14T08:12:00+02:00, 2026-10-14T08:12+02:00 or 2026-10-14T06:12:00Z.
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
   * A calendar date, YYYY-MM-DD.
   */
  last_reviewed?: string;
  /**
   * Kill-switch actions.
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
       * The action it turns into when it lasts longer than max_duration (a short pause becomes a long one): that action's approvals and notifications then apply too.
       */
      becomes?: string;
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
       * The action it turns into when it lasts longer than max_duration (a short pause becomes a long one): that action's approvals and notifications then apply too.
       */
      becomes?: string;
      /**
       * Who can execute it.
       */
      execute: RoleRefs4 | 'anyone';
      approve: RoleRefs5;
      notify: Notify1;
    }[]
  ];
  /**
   * Kill-switch authority matrix by scenario.
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
   * The kill-switch activation log.
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
    location: Texts29;
  };
  /**
   * Verification checks a resume can require (named by resume[].checks and recorded in an incident's kill_switch[].verified).
   */
  checks?: {
    /**
     * Check id, e.g. test-upload.
     */
    id: string;
    /**
     * e.g. Test upload passes.
     */
    name: string;
  }[];
  choices?: Choices1;
  /**
   * Resume authority by deactivation scope; the first scope whose applies_to fits a kill-switch activation governs its resume.
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
       * Verification required before resuming, in words.
       */
      verification: string;
      /**
       * The checks the verification consists of (ids from checks); a resume records each in verified.
       *
       * @minItems 1
       *
       * Items: An id: lower-case letters, digits and hyphens, starting with a letter or digit, at most 63 characters (e.g. ingestion-owner).
       */
      checks?: [string, ...string[]];
      /**
       * Which kill-switch activations this scope covers: any of the scenarios, or any of the actions whose duration (activation to resume) fits the bounds. Scopes are tried in order.
       */
      applies_to?: {
        /**
         * Activations for these scenarios, whatever the action.
         *
         * @minItems 1
         *
         * Items: An id: lower-case letters, digits and hyphens, starting with a letter or digit, at most 63 characters (e.g. ingestion-owner).
         */
        scenarios?: [string, ...string[]];
        /**
         * Activations by these actions.
         *
         * @minItems 1
         *
         * Items: An id: lower-case letters, digits and hyphens, starting with a letter or digit, at most 63 characters (e.g. ingestion-owner).
         */
        actions?: [string, ...string[]];
        /**
         * A duration: a whole number and a unit, m (minutes), h (hours), d (days), w (weeks), or bh / bd for business hours / business days counted in the organisation's business hours (e.g. 15m, 2h, 2d, 1w, 8bh, 2bd). 0m means immediately.
         */
        up_to?: string;
        /**
         * A duration: a whole number and a unit, m (minutes), h (hours), d (days), w (weeks), or bh / bd for business hours / business days counted in the organisation's business hours (e.g. 15m, 2h, 2d, 1w, 8bh, 2bd). 0m means immediately.
         */
        longer_than?: string;
      };
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
       * Verification required before resuming, in words.
       */
      verification: string;
      /**
       * The checks the verification consists of (ids from checks); a resume records each in verified.
       *
       * @minItems 1
       *
       * Items: An id: lower-case letters, digits and hyphens, starting with a letter or digit, at most 63 characters (e.g. ingestion-owner).
       */
      checks?: [string, ...string[]];
      /**
       * Which kill-switch activations this scope covers: any of the scenarios, or any of the actions whose duration (activation to resume) fits the bounds. Scopes are tried in order.
       */
      applies_to?: {
        /**
         * Activations for these scenarios, whatever the action.
         *
         * @minItems 1
         *
         * Items: An id: lower-case letters, digits and hyphens, starting with a letter or digit, at most 63 characters (e.g. ingestion-owner).
         */
        scenarios?: [string, ...string[]];
        /**
         * Activations by these actions.
         *
         * @minItems 1
         *
         * Items: An id: lower-case letters, digits and hyphens, starting with a letter or digit, at most 63 characters (e.g. ingestion-owner).
         */
        actions?: [string, ...string[]];
        /**
         * A duration: a whole number and a unit, m (minutes), h (hours), d (days), w (weeks), or bh / bd for business hours / business days counted in the organisation's business hours (e.g. 15m, 2h, 2d, 1w, 8bh, 2bd). 0m means immediately.
         */
        up_to?: string;
        /**
         * A duration: a whole number and a unit, m (minutes), h (hours), d (days), w (weeks), or bh / bd for business hours / business days counted in the organisation's business hours (e.g. 15m, 2h, 2d, 1w, 8bh, 2bd). 0m means immediately.
         */
        longer_than?: string;
      };
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
   * A calendar date, YYYY-MM-DD.
   */
  last_reviewed?: string;
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
   * Phase gates: the roles that must all sign to move forward; any of them may veto.
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
       * What each role's signature confirms (the GA form).
       */
      confirms?: {
        [k: string]: Texts30 | undefined;
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
       * What each role's signature confirms (the GA form).
       */
      confirms?: {
        [k: string]: Texts30 | undefined;
      };
    }[]
  ];
  /**
   * Rollback authority and the sign-off form's reasons.
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
        /**
         * Ticking it needs words of its own in the record's rollback.reason_other (the form's "Other: ____").
         */
        needs_text?: boolean;
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
        /**
         * Ticking it needs words of its own in the record's rollback.reason_other (the form's "Other: ____").
         */
        needs_text?: boolean;
      }[]
    ];
    /**
     * A duration: a whole number and a unit, m (minutes), h (hours), d (days), w (weeks), or bh / bd for business hours / business days counted in the organisation's business hours (e.g. 15m, 2h, 2d, 1w, 8bh, 2bd). 0m means immediately.
     */
    next_steps_within?: string;
  };
  /**
   * The formal hand-off sign-off that moves a product to post-handoff.
   */
  handoff?: {
    require: RoleRefs11;
    checklist?: Texts31;
  };
  /**
   * Decision authority summary.
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
    /**
     * A duration: a whole number and a unit, m (minutes), h (hours), d (days), w (weeks), or bh / bd for business hours / business days counted in the organisation's business hours (e.g. 15m, 2h, 2d, 1w, 8bh, 2bd). 0m means immediately.
     */
    max_record_age?: string;
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
   * A calendar date, YYYY-MM-DD.
   */
  last_reviewed?: string;
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
   * Severities update_every applies to; without it, every severity. (Customer updates have their own cadence and severities in policy/escalation.yaml customer.)
   *
   * @minItems 1
   *
   * Items: The id of a severity level in policy/severities.yaml (e.g. P1).
   */
  update_severities?: [string, ...string[]];
  /**
   * Until when internal and customer updates are due: resolved (the default: while the incident is open) or mitigated (while its impact lasts; the resolved message then closes it).
   */
  update_until?: 'resolved' | 'mitigated';
  /**
   * Leadership communication: which severities leadership hears of, and within what time of detection.
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
    content?: Texts32;
  };
  /**
   * Internal communication: event, owner, channel, timing.
   */
  internal: Event[];
  /**
   * External communication: event, owner, approval, channel.
   */
  external: Event[];
  external_rules?: Texts33;
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
       * For an incident message: when in the incident it is sent. `new incident` prints these filled in from the new record.
       */
      incident?: 'start' | 'update' | 'resolved';
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
       * For an incident message: when in the incident it is sent. `new incident` prints these filled in from the new record.
       */
      incident?: 'start' | 'update' | 'resolved';
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
  cadence: Cadence;
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
     * The hand-off checklist: what the outgoing and the incoming person do.
     */
    checklist?: {
      outgoing?: Texts34;
      incoming?: Texts35;
    };
    note_fields?: Texts36;
  };
  /**
   * A calendar date, YYYY-MM-DD.
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
       * always (24/7: someone on call at every instant), business-hours (on duty in the organisation's business hours; not reachable for the tier outside them), or business-hours-and-on-call (on duty in business hours and on call outside them, e.g. an owner who is the escalation point: held at every instant, but only business hours count towards on-call limits).
       */
      coverage: 'always' | 'business-hours' | 'business-hours-and-on-call';
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
       * Participant lists, each in force from its date until the next one's. A change continues with the next person in the new order. Give rosters, or layers for a tier covered by several rosters by time of day or weekday.
       *
       * @minItems 1
       */
      rosters?: [Roster, ...Roster[]];
      /**
       * Several rosters covering the tier by time of day or weekday (follow-the-sun, day/night), each with its own zone, hand-off and restrictions; instead of rosters.
       *
       * @minItems 1
       */
      layers?: [Layer, ...Layer[]];
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
       * always (24/7: someone on call at every instant), business-hours (on duty in the organisation's business hours; not reachable for the tier outside them), or business-hours-and-on-call (on duty in business hours and on call outside them, e.g. an owner who is the escalation point: held at every instant, but only business hours count towards on-call limits).
       */
      coverage: 'always' | 'business-hours' | 'business-hours-and-on-call';
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
       * Participant lists, each in force from its date until the next one's. A change continues with the next person in the new order. Give rosters, or layers for a tier covered by several rosters by time of day or weekday.
       *
       * @minItems 1
       */
      rosters?: [Roster, ...Roster[]];
      /**
       * Several rosters covering the tier by time of day or weekday (follow-the-sun, day/night), each with its own zone, hand-off and restrictions; instead of rosters.
       *
       * @minItems 1
       */
      layers?: [Layer, ...Layer[]];
    }[]
  ];
  /**
   * How `oncall sync pagerduty` maps this rotation. Without it, sync creates its own schedules and escalation policy and marks them; with it, sync manages the existing objects named here by id (as `oncall import pagerduty` writes).
   */
  pagerduty?: {
    /**
     * Tier id -> the id of the PagerDuty schedule that carries that tier.
     */
    schedules?: {
      /**
       * A PagerDuty schedule id, e.g. PI7DH85.
       */
      [k: string]: string | undefined;
    };
    /**
     * The id of the PagerDuty escalation policy for this rotation, or false to leave escalation policies alone.
     */
    escalation_policy?: string | false;
  };
  /**
   * Someone covers a tier from one instant to another; wins over the rotation. A swap is a pair of overrides.
   */
  overrides?: {
    /**
     * An id: lower-case letters, digits and hyphens, starting with a letter or digit, at most 63 characters (e.g. ingestion-owner).
     */
    tier: string;
    /**
     * Who covers.
     */
    person: string;
    /**
     * An instant with an explicit UTC offset (ISO 8601; seconds may be left out), e.g. 2026-10-14T08:12:00+02:00, 2026-10-14T08:12+02:00 or 2026-10-14T06:12:00Z.
     */
    start: string;
    /**
     * An instant with an explicit UTC offset (ISO 8601; seconds may be left out), e.g. 2026-10-14T08:12:00+02:00, 2026-10-14T08:12+02:00 or 2026-10-14T06:12:00Z.
     */
    end: string;
    /**
     * Why.
     */
    reason: string;
  }[];
}
/**
 * How often the shift changes hands.
 */
export interface Cadence {
  /**
   * week or day.
   */
  unit: 'week' | 'day';
  /**
   * Number of units per shift (default 1).
   */
  every?: number;
}
export interface Roster {
  /**
   * A calendar date, YYYY-MM-DD.
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
}
/**
 * One roster covering part of a tier's time, with its own zone, hand-off and restrictions (a PagerDuty schedule layer, a Grafana OnCall rotation).
 */
export interface Layer {
  /**
   * Layer id, unique in the tier, e.g. berlin.
   */
  id: string;
  /**
   * Display name, e.g. Berlin day.
   */
  name?: string;
  /**
   * Zone of the layer's hand-off and restrictions (default: the rotation's).
   */
  timezone?: string;
  cadence?: Cadence1;
  /**
   * When the layer's shifts change hands, in the layer's zone (default: the rotation's hand-off).
   */
  handoff?: {
    /**
     * Day of the hand-off, for weekly cadences.
     */
    weekday?: 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday';
    /**
     * Local wall-clock time of the hand-off, e.g. "09:00".
     */
    time: string;
  };
  /**
   * A calendar date, YYYY-MM-DD.
   */
  start?: string;
  /**
   * When the layer is on call (default: always). Outside them the layer's holder is off.
   *
   * @minItems 1
   *
   * Items: When a layer is on call: a daily window ({ from: "09:00", to: "21:00", days: [...] }) or a weekly one ({ from: "friday 18:00", to: "monday 09:00" }), in the layer's zone.
   */
  restrictions?: [DailyWindow | WeeklyWindow, ...(DailyWindow | WeeklyWindow)[]];
  /**
   * A shift the restrictions leave without any time (a Saturday of a weekday-only daily layer): skip (default) gives it to nobody, so turns go round in order; take-turn uses up a turn as PagerDuty does.
   */
  empty_shifts?: 'skip' | 'take-turn';
  /**
   * Where this layer and an earlier one both cover an instant, this one holds the tier on purpose (a PagerDuty layer above the others); without it such an overlap is an error.
   */
  on_top?: boolean;
  /**
   * Participant lists, each in force from its date until the next one's. A change continues with the next person in the new order.
   *
   * @minItems 1
   */
  rosters: [Roster, ...Roster[]];
}
/**
 * How often the layer's shift changes hands (default: the rotation's).
 */
export interface Cadence1 {
  /**
   * week or day.
   */
  unit: 'week' | 'day';
  /**
   * Number of units per shift (default 1).
   */
  every?: number;
}
/**
 * A window every day (or on the listed days) from one wall-clock time to another; a window whose end is not after its start ends the next day ("21:00" to "09:00"), and equal times mean the whole day.
 */
export interface DailyWindow {
  /**
   * Start of the window, local time in the layer's zone, e.g. "09:00".
   */
  from: string;
  /**
   * End of the window (exclusive), e.g. "21:00".
   */
  to: string;
  /**
   * Days the window starts on (default: every day).
   *
   * @minItems 1
   *
   * Items: A day of the week, in lower case.
   */
  days?: [
    'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday',
    ...('monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday')[]
  ];
}
/**
 * One window a week, from a weekday and time to another ("friday 18:00" to "monday 09:00").
 */
export interface WeeklyWindow {
  /**
   * Start of the window, e.g. "friday 18:00".
   */
  from: string;
  /**
   * End of the window (exclusive), e.g. "monday 09:00".
   */
  to: string;
}
/**
 * incidents/YYYY/<id>.yaml: one incident: severity, status, times, roles, timeline, escalations and kill-switch log. Append-only: fields marked x-amendable may change later ("any": edited; "append": entries added at the end, or a single value given once, also inside an existing list entry; "until-closed": edited until the record is closed, then only through amendments).
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
   * An id: lower-case letters, digits and hyphens, starting with a letter or digit, at most 63 characters (e.g. ingestion-owner).
   */
  classification?: string;
  /**
   * An id: lower-case letters, digits and hyphens, starting with a letter or digit, at most 63 characters (e.g. ingestion-owner).
   */
  scenario?: string;
  /**
   * Whether customers were affected (external communication applies).
   */
  customer_facing?: boolean;
  /**
   * An instant with an explicit UTC offset (ISO 8601; seconds may be left out), e.g. 2026-10-14T08:12:00+02:00, 2026-10-14T08:12+02:00 or 2026-10-14T06:12:00Z.
   */
  detected: string;
  /**
   * An instant with an explicit UTC offset (ISO 8601; seconds may be left out), e.g. 2026-10-14T08:12:00+02:00, 2026-10-14T08:12+02:00 or 2026-10-14T06:12:00Z.
   */
  acknowledged?: string;
  /**
   * An instant with an explicit UTC offset (ISO 8601; seconds may be left out), e.g. 2026-10-14T08:12:00+02:00, 2026-10-14T08:12+02:00 or 2026-10-14T06:12:00Z.
   */
  mitigated?: string;
  /**
   * An instant with an explicit UTC offset (ISO 8601; seconds may be left out), e.g. 2026-10-14T08:12:00+02:00, 2026-10-14T08:12+02:00 or 2026-10-14T06:12:00Z.
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
     * An instant with an explicit UTC offset (ISO 8601; seconds may be left out), e.g. 2026-10-14T08:12:00+02:00, 2026-10-14T08:12+02:00 or 2026-10-14T06:12:00Z.
     */
    start?: string;
    /**
     * An instant with an explicit UTC offset (ISO 8601; seconds may be left out), e.g. 2026-10-14T08:12:00+02:00, 2026-10-14T08:12+02:00 or 2026-10-14T06:12:00Z.
     */
    end?: string;
    /**
     * Number of clients affected.
     */
    clients?: number;
    /**
     * Services affected at the same time; several can trigger escalation (policy/escalation.yaml triggers).
     *
     * @minItems 1
     *
     * Items: Free text.
     */
    services?: [string, ...string[]];
  };
  /**
   * Incident roles: the commander always, a communications lead for major incidents.
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
   * An instant with an explicit UTC offset (ISO 8601; seconds may be left out), e.g. 2026-10-14T08:12:00+02:00, 2026-10-14T08:12+02:00 or 2026-10-14T06:12:00Z.
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
       * An instant with an explicit UTC offset (ISO 8601; seconds may be left out), e.g. 2026-10-14T08:12:00+02:00, 2026-10-14T08:12+02:00 or 2026-10-14T06:12:00Z.
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
      /**
       * Who the entry was communicated to: internal (the default: the incident channel) or customers (a status page post, an e-mail to affected customers), for the update cadences.
       */
      audience?: 'internal' | 'customers';
    },
    ...{
      /**
       * An instant with an explicit UTC offset (ISO 8601; seconds may be left out), e.g. 2026-10-14T08:12:00+02:00, 2026-10-14T08:12+02:00 or 2026-10-14T06:12:00Z.
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
      /**
       * Who the entry was communicated to: internal (the default: the incident channel) or customers (a status page post, an e-mail to affected customers), for the update cadences.
       */
      audience?: 'internal' | 'customers';
    }[]
  ];
  /**
   * Escalations, in order.
   */
  escalations?: {
    /**
     * An instant with an explicit UTC offset (ISO 8601; seconds may be left out), e.g. 2026-10-14T08:12:00+02:00, 2026-10-14T08:12+02:00 or 2026-10-14T06:12:00Z.
     */
    at: string;
    /**
     * An id: lower-case letters, digits and hyphens, starting with a letter or digit, at most 63 characters (e.g. ingestion-owner).
     */
    level?: string;
    /**
     * People brought in; the roles they hold then are the roles the escalation brings in.
     *
     * @minItems 1
     *
     * Items: The id of a person in policy/people.yaml.
     */
    to?: [string, ...string[]];
    /**
     * Why.
     */
    reason: string;
    /**
     * What was handed to the people brought in; policy/escalation.yaml handoff.fields says which fields are required.
     */
    handoff?: {
      /**
       * Incident summary: what is happening.
       */
      summary?: string;
      /**
       * Current status at the time of the escalation.
       */
      status?: string;
      /**
       * The id of a severity level in policy/severities.yaml (e.g. P1).
       */
      severity?: string;
      /**
       * Who is affected and how (customer impact).
       */
      impact?: string;
      /**
       * Services, endpoints or features affected.
       *
       * @minItems 1
       *
       * Items: Free text.
       */
      affected_systems?: [string, ...string[]];
      /**
       * Steps already taken.
       *
       * @minItems 1
       *
       * Items: Free text.
       */
      actions_taken?: [string, ...string[]];
      /**
       * Relevant logs, metrics, dashboards or screenshots (links or descriptions).
       *
       * @minItems 1
       *
       * Items: Free text.
       */
      evidence?: [string, ...string[]];
    };
    /**
     * An instant with an explicit UTC offset (ISO 8601; seconds may be left out), e.g. 2026-10-14T08:12:00+02:00, 2026-10-14T08:12+02:00 or 2026-10-14T06:12:00Z.
     */
    acknowledged?: string;
  }[];
  /**
   * Kill-switch activation log.
   */
  kill_switch?: {
    /**
     * An instant with an explicit UTC offset (ISO 8601; seconds may be left out), e.g. 2026-10-14T08:12:00+02:00, 2026-10-14T08:12+02:00 or 2026-10-14T06:12:00Z.
     */
    at?: string;
    /**
     * An id: lower-case letters, digits and hyphens, starting with a letter or digit, at most 63 characters (e.g. ingestion-owner).
     */
    action: string;
    /**
     * An id: lower-case letters, digits and hyphens, starting with a letter or digit, at most 63 characters (e.g. ingestion-owner).
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
           * An instant with an explicit UTC offset (ISO 8601; seconds may be left out), e.g. 2026-10-14T08:12:00+02:00, 2026-10-14T08:12+02:00 or 2026-10-14T06:12:00Z.
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
        who: 'all-stakeholders' | string;
        /**
         * An instant with an explicit UTC offset (ISO 8601; seconds may be left out), e.g. 2026-10-14T08:12:00+02:00, 2026-10-14T08:12+02:00 or 2026-10-14T06:12:00Z.
         */
        at: string;
      },
      ...{
        /**
         * Role id, or all-stakeholders.
         */
        who: 'all-stakeholders' | string;
        /**
         * An instant with an explicit UTC offset (ISO 8601; seconds may be left out), e.g. 2026-10-14T08:12:00+02:00, 2026-10-14T08:12+02:00 or 2026-10-14T06:12:00Z.
         */
        at: string;
      }[]
    ];
    /**
     * An instant with an explicit UTC offset (ISO 8601; seconds may be left out), e.g. 2026-10-14T08:12:00+02:00, 2026-10-14T08:12+02:00 or 2026-10-14T06:12:00Z.
     */
    resumed?: string;
    /**
     * Who authorised the resume, each in a role.
     */
    resumed_by?: Signer1[];
    /**
     * Verification done before resuming, in words.
     */
    verification?: string;
    /**
     * The verification checks that passed before resuming (ids from policy/kill-switch.yaml checks); the resume scope says which are required.
     *
     * @minItems 1
     *
     * Items: An id: lower-case letters, digits and hyphens, starting with a letter or digit, at most 63 characters (e.g. ingestion-owner).
     */
    verified?: [string, ...string[]];
  }[];
  /**
   * Corrections to a closed incident's severity, times or impact, each a new, reasoned entry: reports, SLAs and deadlines read the amended value, and the original stays as it was recorded.
   */
  amendments?: {
    /**
     * An instant with an explicit UTC offset (ISO 8601; seconds may be left out), e.g. 2026-10-14T08:12:00+02:00, 2026-10-14T08:12+02:00 or 2026-10-14T06:12:00Z.
     */
    at: string;
    /**
     * The field corrected.
     */
    field:
      | 'severity'
      | 'detected'
      | 'acknowledged'
      | 'mitigated'
      | 'resolved'
      | 'leadership_notified'
      | 'impact.start'
      | 'impact.end'
      | 'impact.downtime';
    /**
     * The corrected value: a severity id for severity, true or false for impact.downtime, a date-time with offset for the others.
     */
    value: string | boolean;
    /**
     * Why the recorded value was wrong.
     */
    reason: string;
    /**
     * Who corrected it.
     */
    by: string;
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
  confirms?: Texts37;
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
 * handoffs/YYYY/<id>.yaml: the note the outgoing person leaves the incoming one when a tier of a rotation changes hands: status, affected environment, impact, what was checked, the next action, open risks and links. Append-only once merged.
 */
export interface OnCallHandOffNote {
  /**
   * YYYY-MM-DD-<rotation>-<tier>, the date of the hand-off; equals the file name.
   */
  id: string;
  /**
   * An id: lower-case letters, digits and hyphens, starting with a letter or digit, at most 63 characters (e.g. ingestion-owner).
   */
  rotation: string;
  /**
   * An id: lower-case letters, digits and hyphens, starting with a letter or digit, at most 63 characters (e.g. ingestion-owner).
   */
  tier: string;
  /**
   * An instant with an explicit UTC offset (ISO 8601; seconds may be left out), e.g. 2026-10-14T08:12:00+02:00, 2026-10-14T08:12+02:00 or 2026-10-14T06:12:00Z.
   */
  at: string;
  /**
   * The outgoing person, who wrote the note.
   */
  from: string;
  /**
   * The incoming person.
   */
  to: string;
  /**
   * Current status: what is going on, in a sentence or two.
   */
  current_status: string;
  /**
   * An id: lower-case letters, digits and hyphens, starting with a letter or digit, at most 63 characters (e.g. ingestion-owner).
   */
  affected_environment: string;
  /**
   * Known impact on users and clients, or that there is none.
   */
  known_impact: string;
  /**
   * Recent changes checked: deploys, migrations, configuration.
   */
  recent_changes_checked: string;
  /**
   * Logs and dashboards checked, and what they showed.
   */
  logs_dashboards_checked: string;
  /**
   * The next action the incoming person should take.
   */
  next_recommended_action: string;
  open_risks: Texts38;
  /**
   * Links: incidents, tickets, dashboards, pull requests.
   */
  links: string[];
  /**
   * Incidents still open or being followed up, by id.
   */
  incidents?: string[];
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
   * The id of a severity level in policy/severities.yaml (e.g. P1).
   */
  severity?: string;
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
     * A calendar date, YYYY-MM-DD.
     */
    due: string;
    /**
     * open, in-progress, done or wont-do.
     */
    status: 'open' | 'in-progress' | 'done' | 'wont-do';
    /**
     * A calendar date, YYYY-MM-DD.
     */
    done?: string;
    /**
     * Tracking issue or pull request.
     */
    link?: string;
  }[];
}
