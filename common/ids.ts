import { v7 } from 'uuid';
import { z } from 'zod';

/** Time-sortable ids, so rows made offline on several desks never collide and still sort by creation. */
export const newId = (): string => v7();

/** An id as every store, the API and the sync protocol accept it: a lower-case UUID. */
export const Id = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'must be an id');
