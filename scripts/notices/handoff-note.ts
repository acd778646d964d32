/**
 * The latest hand-off note of a rotation, for the hand-off notice. The repository keeps no hand-off
 * note records yet, so there is none to find; when it does, this is the one function to fill in
 * (the note written by the outgoing person at or before the hand-off), and every notice carries it.
 */
import type { RepoModel } from '../model/repo-model.ts';
import type { SchemaTypes } from '../types/schema-types.ts';

/** A hand-off note: who wrote it, when, and its fields (the rotation's `handoff.note_fields`). */
export interface HandoffNote {
  author: string;
  at: Date;
  fields: { name: string; value: string }[];
}

export function latestHandoffNote(_model: RepoModel, _rotation: SchemaTypes['rotation'], _at: Date): HandoffNote | undefined {
  return undefined;
}
