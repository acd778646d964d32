/**
 * Fills required slots with distinct people by maximum bipartite matching (augmenting paths).
 * A greedy pass is not enough: with Alice {PM, SRE Lead}, Bob {SRE Lead} and slots [SRE Lead, PM],
 * greedy gives SRE Lead to Alice and leaves PM empty, though Alice-PM and Bob-SRE Lead fills both.
 */

/** A slot to fill: who may fill it. */
export interface MatchSlot {
  candidates: readonly string[];
}

/**
 * A maximum matching: `assignment[i]` is the person filling slot `i`, or undefined. Slots are tried
 * in order and candidates in their listed order, so the result is deterministic.
 */
export function maximumMatching(slots: readonly MatchSlot[]): (string | undefined)[] {
  const slotOf = new Map<string, number>();
  const assignment: (string | undefined)[] = slots.map(() => undefined);

  const augment = (slot: number, visited: Set<string>): boolean => {
    for (const person of slots[slot]!.candidates) {
      if (visited.has(person)) continue;
      visited.add(person);
      const current = slotOf.get(person);
      if (current === undefined || augment(current, visited)) {
        slotOf.set(person, slot);
        assignment[slot] = person;
        return true;
      }
    }
    return false;
  };

  for (let slot = 0; slot < slots.length; slot++) augment(slot, new Set());
  return assignment;
}
