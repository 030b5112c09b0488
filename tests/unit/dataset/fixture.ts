// The atlas built from data/ and the npm geodata (no network, no shared/), once per run of the unit project
// by ../global-setup.ts and provided to each test file, which gets its own deserialised copy.
import { inject } from 'vitest';
import type { ProvidedContext } from 'vitest';
import type {} from '../global-setup.ts'; // declares the ProvidedContext keys read here

export function builtAtlas(): Pick<ProvidedContext, 'atlas' | 'provinceShapes'> {
  const atlas = inject('atlas');
  const provinceShapes = inject('provinceShapes');
  if (!atlas || !provinceShapes) throw new Error('no atlas provided: run the unit project (its globalSetup builds it)');
  return { atlas, provinceShapes };
}
