import { createAzure } from '@ai-sdk/azure'
import { createOpenAI } from '@ai-sdk/openai'
import { createOpenAICompatible } from '@ai-sdk/openai-compatible'
import type { LanguageModel } from 'ai'
import { configuredModelId, readModelConfig, type ModelConfig, type ModelEnv } from './config'

/** A concrete model object (not a gateway id string), so its id can be recorded on artifacts. */
export type ConfiguredLanguageModel = Exclude<LanguageModel, string>

/** Everything a writer or reviewer needs to call the configured model. */
export interface ModelSetup {
  model: ConfiguredLanguageModel
  /** Recorded as `metadata.model` on every artifact. */
  modelId: string
  /** Per model call. */
  timeoutMs: number
}

/**
 * Builds the language model for a configuration.
 *
 * Every provider speaks Chat Completions: it is the one wire protocol that OpenAI, every Azure
 * OpenAI API version and the OpenAI-compatible servers (Ollama, vLLM, LM Studio) all serve,
 * so one test server covers all three.
 */
export function createLanguageModel(config: Exclude<ModelConfig, { provider: 'offline' }>): ConfiguredLanguageModel {
  switch (config.provider) {
    case 'openai':
      return createOpenAI({ apiKey: config.apiKey, baseURL: config.baseURL }).chat(config.modelId)
    case 'azure':
      return createAzure({
        apiKey: config.apiKey,
        resourceName: config.resourceName,
        baseURL: config.baseURL,
        apiVersion: config.apiVersion,
        // Dated API versions (e.g. 2024-10-21) only exist on the per-deployment URLs;
        // the unversioned `v1` API takes the deployment in the request body instead.
        useDeploymentBasedUrls: config.apiVersion !== undefined && !['v1', 'preview'].includes(config.apiVersion),
      }).chat(config.deployment)
    case 'openai-compatible':
      return createOpenAICompatible({
        name: 'openai-compatible',
        baseURL: config.baseURL,
        apiKey: config.apiKey,
        includeUsage: true,
      }).chatModel(config.modelId)
  }
}

/**
 * The configured model with its id and timeout, or null for the built-in offline writer.
 * Throws ModelConfigError (naming variables, never values) when the settings are incomplete.
 */
export function createModelSetupFromEnv(env: ModelEnv = process.env): ModelSetup | null {
  const config = readModelConfig(env)
  if (config.provider === 'offline') return null
  return { model: createLanguageModel(config), modelId: configuredModelId(config), timeoutMs: config.timeoutMs }
}

/** The configured AI SDK language model, or null when the offline writer is selected. */
export function createModelFromEnv(env: ModelEnv = process.env): ConfiguredLanguageModel | null {
  return createModelSetupFromEnv(env)?.model ?? null
}
