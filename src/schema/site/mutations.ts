import { discoveredMutations } from '../mutations/discovered.ts';
import type { SiteBuild } from './build.ts';
import { metaFieldName } from './meta.ts';

/**
 * Mutations of the discovered types (../mutations/discovered.ts: `createBook`, `updateGenre`, …): their input and
 * payload types join the build, their fields the root mutation type. Runs after ./meta.ts, whose field names the
 * meta inputs mirror.
 */
export function addMutations(b: SiteBuild): void {
  const writes = discoveredMutations({
    served: b.served,
    typeRef: (name) => b.typeRef(name),
    isTaken: (name) => b.taken.has(name) || b.created.has(name),
    metaFieldName,
  });
  for (const type of writes.types) b.created.set(type.name, type);
  b.warnings.push(...writes.warnings);
  const mutation = b.base.getMutationType();
  if (mutation) b.addFields(mutation.name, () => writes.fields);
}
