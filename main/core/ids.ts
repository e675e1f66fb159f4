import { v7 } from 'uuid';

/** Time-sortable ids, so rows made offline on several desks never collide and still sort by creation. */
export const newId = (): string => v7();
