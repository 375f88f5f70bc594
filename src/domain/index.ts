export * from './types.js'
export * from './policy.js'
export * from './codes.js'
export * from './proposal.js'
