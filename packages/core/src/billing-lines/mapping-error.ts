import { ValidationError } from '../errors.js';

/** A billing mapping that cannot be used: every problem found, each naming its place (`products[2].unit_price`). */
export class BillingMappingError extends ValidationError {
  override name = 'BillingMappingError';
}
