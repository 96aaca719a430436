import { InitialSchema1795492216233 } from './1795492216233-initial-schema';

/** Every migration, in order; the app runs them on start (never `synchronize`). */
export const MIGRATIONS = [InitialSchema1795492216233];
