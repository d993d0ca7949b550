/**
 * The scenario file format lives in shared, because it crosses the process boundary (the
 * renderer's editor builds scenarios, main validates and runs them); the engine reads it here.
 */
export * from '../../shared/scenarioSchema'
