export * from './brief'
export * from './artifacts'
export * from './compliance'
