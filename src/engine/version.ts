/** Bumped whenever results for the same inputs could change. Recorded in every results file. */
export const ENGINE_VERSION = '1.0.0';
