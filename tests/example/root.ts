/**
 * The example organisation at the repository's root: the data `oncall init` replaces with an
 * adopter's own. Only the tests in this folder read it, and init removes this folder with it.
 */
import { TOOLKIT_ROOT } from '../support/repo.ts';

export const EXAMPLE_ROOT = TOOLKIT_ROOT;
