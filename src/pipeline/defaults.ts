import { availableParallelism } from 'node:os';

// A run's defaults, in a module of their own: the command line shows them in its help without loading the pipeline.

/** One extraction worker per core: the run's own thread mostly waits on the workers and writes SQLite. */
export const DEFAULT_THREADS = availableParallelism();

/** How many runs' datasets stay queryable (h_* views, `thidua diff`). */
export const DEFAULT_KEEP = 5;
