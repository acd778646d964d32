/**
 * The definition index beside a batch of records: the context's ids, and the incident ids of the
 * whole repository. Incident ids are first predicted from the file names (a valid incident's id is
 * its file name, a rule checks that) and confirmed once every incident file has been read; batches
 * that looked them up are checked again in the rare case the prediction was wrong.
 */
import { expectedId } from '../repo/source-file.ts';
import type { DefinitionIndex } from '../model/definitions.ts';
import { assembleModel, definitionsFor, type ModelEntry } from './build-model.ts';

/** What an incident file defines: its id, and whether its document is valid. */
export interface IncidentDefinition {
  path: string;
  valid: boolean;
  definedId: string;
}

/** The prediction: every incident file valid, with its file name as id. */
export function predictedIncidents(paths: readonly string[]): IncidentDefinition[] {
  return paths.map((path) => ({ path, valid: true, definedId: expectedId(path) }));
}

/** Whether two lists of incident definitions agree (same files, validity and ids, in order). */
export function sameIncidents(a: readonly IncidentDefinition[], b: readonly IncidentDefinition[]): boolean {
  return a.length === b.length && a.every((x, i) => x.path === b[i]!.path && x.valid === b[i]!.valid && x.definedId === b[i]!.definedId);
}

/** The definition index of the context plus the given incident files (not loaded). */
export function definitionsOfIncidents(context: readonly ModelEntry[], incidents: readonly IncidentDefinition[]): DefinitionIndex {
  const stubs: ModelEntry[] = incidents.map((incident) => ({
    file: { path: incident.path, kind: 'incident', parsed: null },
    valid: incident.valid,
    loaded: false,
    definedId: incident.definedId,
  }));
  const entries = [...context, ...stubs];
  return definitionsFor(assembleModel(entries), entries);
}
