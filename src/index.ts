/**
 * banzi — exact, explained and checked staffing of a county's leadership teams.
 * @module
 */
export * from './domain/index.js'
