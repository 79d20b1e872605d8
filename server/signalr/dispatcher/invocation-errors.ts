import { HubError } from '../hub'

/**
 * The texts ASP.NET Core SignalR sends when an invocation fails, so clients (and the
 * people reading their logs) see the same words whichever server they talk to.
 * A HubError's message always reaches the client; other errors only with detailed errors on.
 */
export function describeFailure(summary: string, error: unknown, detailed: boolean): string {
  if (error instanceof HubError) return `${summary} HubException: ${error.message}`
  if (detailed && error instanceof Error) return `${summary} ${error.name}: ${error.message}`
  return summary
}

export const invocationErrors = {
  unknownMethod: (target: string) =>
    `Failed to invoke '${target}' due to an error on the server. HubException: Method does not exist.`,
  bindingFailed: (target: string, reason: string, detailed: boolean) =>
    `Failed to invoke '${target}' due to an error on the server.${detailed ? ` InvalidDataException: ${reason}` : ''}`,
  argumentCount: (given: number, expected: number) =>
    `Invocation provides ${given} argument(s) but target expects ${expected}.`,
  argumentType: (index: number) =>
    `Error binding argument ${index}. Make sure that the types of the provided values match the types of the hub method being invoked.`,
  methodThrew: (target: string, error: unknown, detailed: boolean) =>
    describeFailure(`An unexpected error occurred invoking '${target}' on the server.`, error, detailed),
  streamFailed: (error: unknown, detailed: boolean) =>
    describeFailure('An error occurred on the server while streaming results.', error, detailed),
  streamCountMismatch: (target: string, given: number, expected: number) =>
    `An unexpected error occurred invoking '${target}' on the server. HubException: Client sent ${given} stream(s), Hub method expects ${expected}.`,
  streamingWithInvocation: (target: string) =>
    `The client attempted to invoke the streaming '${target}' method with a non-streaming invocation.`,
  nonStreamingWithStreamInvocation: (target: string) =>
    `The client attempted to invoke the non-streaming '${target}' method with a streaming invocation.`,
  notAStream: (target: string) =>
    `The value returned by the streaming method '${target}' is not a ChannelReader<> or IAsyncEnumerable<>.`,
  duplicateInvocationId: (invocationId: string) =>
    `Invocation ID '${invocationId}' is already in use.`,
}
