/**
 * A follow-the-sun rotation for tests, beside the example organisation: Sydney holds the tier around
 * the clock in its own weeks (hand-off Monday 09:00 Sydney time), and Berlin takes it 09:00-21:00
 * Berlin time on weekdays, on top. Write it to `rotations/global.yaml` of a temp repository.
 */
export const FOLLOW_THE_SUN = `# yaml-language-server: $schema=../schemas/rotation.schema.json
id: global
name: Global on-call
timezone: Europe/Berlin
cadence: { unit: week }
handoff: { weekday: monday, time: "09:00" }
start: 2026-11-02
tiers:
  - id: primary
    name: Primary
    coverage: always
    layers:
      - id: sydney
        name: Sydney
        timezone: Australia/Sydney
        rosters:
          - from: 2026-11-02
            participants: [uma-patel, farid-haddad]
      - id: berlin
        name: Berlin day
        restrictions: [{ from: "09:00", to: "21:00", days: [monday, tuesday, wednesday, thursday, friday] }]
        on_top: true
        rosters:
          - from: 2026-11-02
            participants: [chen-wei, noah-fischer]
`;
