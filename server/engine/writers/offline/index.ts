export { OfflineWriter, DEFAULT_PACE_MS, type OfflineWriterOptions } from './offline-writer'
