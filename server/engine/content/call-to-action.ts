import { anyTermMatcher } from './text-matching'

/** Verbs and phrases that ask the reader to act; one of them makes a call to action. */
export const CALL_TO_ACTION_WORDS: readonly string[] = [
  'shop', 'buy', 'order', 'pre-order', 'get', 'try', 'discover', 'learn more', 'find out', 'join', 'sign up',
  'subscribe', 'register', 'enrol', 'enroll', 'start', 'book', 'reserve', 'download', 'visit', 'explore', 'claim',
  'grab', 'apply', 'contact', 'call', 'request', 'schedule', 'see', 'watch', 'read', 'browse', 'tap', 'click',
  'link in bio', 'message us', 'dm us', 'follow', 'donate', 'check out', 'meet', 'come', 'give', 'say hello', 'pick up', 'head to',
]

const mentionsCallToAction = anyTermMatcher(CALL_TO_ACTION_WORDS)

export function hasCallToAction(text: string): boolean {
  return mentionsCallToAction(text)
}
