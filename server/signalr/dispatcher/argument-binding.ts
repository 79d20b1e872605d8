import type { HubMethodDefinition } from '../hub'
import { invocationErrors } from './invocation-errors'

export type BindingResult = { ok: true, values: unknown[] } | { ok: false, reason: string }

/** Checks an invocation's arguments against the method's parameter schemas, as a typed server would. */
export function bindArguments(method: HubMethodDefinition, args: readonly unknown[]): BindingResult {
  const { parameters } = method
  if (args.length !== parameters.length) {
    return { ok: false, reason: invocationErrors.argumentCount(args.length, parameters.length) }
  }
  const values: unknown[] = []
  for (const [index, schema] of parameters.entries()) {
    const parsed = schema.safeParse(args[index])
    if (!parsed.success) return { ok: false, reason: invocationErrors.argumentType(index) }
    values.push(parsed.data)
  }
  return { ok: true, values }
}
