import { isPlainObject, refuse, shown } from '../options.js';

/** The fields must be a plain object; a copy of its own properties is used, nothing inherited. */
export function checkFields<T extends object>(fields: T): T {
  if (!isPlainObject(fields)) refuse([{ field: 'fields', message: `must be an object, got ${shown(fields)}` }]);
  return { ...fields };
}
