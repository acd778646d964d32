/**
 * A projection of a record that refuses the fields it does not hold: reading one throws with a
 * message that says where to add it, so code that starts reading more fails loudly instead of
 * seeing `undefined`. Used where only some fields of records are kept for memory's sake (the
 * repository-wide rules' payloads, the pages' records).
 */
const handlers = new Map<string, ProxyHandler<Record<string, unknown>>>();

/**
 * `value` behind a guard that allows `fields` (and `toJSON`); `refusal` words the error for a field.
 * One guard per `name`, shared by every value guarded under it (its fields and refusal must not vary).
 */
export function guardFields(name: string, value: Record<string, unknown>, fields: readonly string[], refusal: (field: string) => string): Record<string, unknown> {
  let handler = handlers.get(name);
  if (!handler) {
    const allowed = new Set(fields);
    handler = {
      get(target, field, receiver) {
        if (typeof field === 'string' && !allowed.has(field) && field !== 'toJSON') throw new Error(refusal(field));
        return Reflect.get(target, field, receiver);
      },
    };
    handlers.set(name, handler);
  }
  return new Proxy(value, handler);
}
