export * from './fit.js'
