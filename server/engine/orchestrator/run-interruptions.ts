/** The run stops and ends Cancelled: the marketer cancelled it, or its campaign was deleted. */
export class RunCancelled extends Error {}

/** An abort reason that leaves the run InProgress, to be resumed from what it persisted. */
export class RunInterrupted extends Error {}

/** The server stops: the run resumes at the next start, or on another instance. */
export class ServerShutdown extends RunInterrupted {
  constructor() {
    super('The server is shutting down.')
  }
}

/**
 * This instance lost the run (it could not renew its lease in time, or another instance took the
 * run and raised its epoch): the run is the other executor's, and this one writes nothing more.
 */
export class LeaseLost extends RunInterrupted {
  constructor() {
    super('The run\'s lease was lost.')
  }
}
