import { ARTIFACT_TYPES } from '#shared/campaign'
import { findUnsubstantiatedClaims } from '../../content/claims'
import { defineRule, quote } from '../rule'
import { scanSegments } from './segment-scan'

export const unsubstantiatedClaims = defineRule({
  id: 'claims.unsubstantiated',
  title: 'No claim without evidence',
  category: 'risk',
  severity: 'High',
  explanation: 'Absolute, superlative and health claims ("guaranteed", "#1", "cure", "clinically proven", "100%") need evidence; advertising codes treat them as misleading without it.',
  recommendation: 'Remove the unsubstantiated claim or reword it as a verifiable fact; if it is backed by evidence, add a constraint starting "Substantiation:" naming the claim.',
  appliesTo: ARTIFACT_TYPES,
  check(artifact, { substantiations }) {
    return scanSegments(artifact.segments, text => findUnsubstantiatedClaims(text, substantiations).map(match => ({
      description: `Unsubstantiated claim ${quote(match.found)}.`,
      recommendation: `Remove the unsubstantiated claim ${quote(match.found)} (or add a "Substantiation:" constraint naming it).`,
    })))
  },
})
