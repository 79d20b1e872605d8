export * from './brief'
export * from './artifacts'
export * from './compliance'
export * from './campaign'
