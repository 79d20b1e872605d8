import fc from 'fast-check'

/**
 * fast-check generators for the JSON bodies a hostile or broken client may send a REST route:
 * the route's own field names with values of every kind, text the database cannot store, strings
 * near and past the size limits, nesting far deeper than any parser's stack, and bytes that are
 * not JSON at all.
 */

const DEPTH = 10_000

/** Text every layer must survive: NUL, unpaired surrogates, control characters, sizes around the limits. */
const hostileText = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.constantFrom('\u0000', 'a\u0000b', '\uD800', 'x\uDC00', '\uDE00\uD83D', '\u202E\u0007\n\r', '#\u0000', '') },
  { weight: 1, arbitrary: fc.constantFrom('x'.repeat(3000), '\uD800'.repeat(50_000), 'é'.repeat(200_000)) },
)

/** A deeply nested value, built without recursion so the test itself does not overflow. */
function nested(depth: number, open: string, close: string, leaf: string): string {
  return `${open.repeat(depth)}${leaf}${close.repeat(depth)}`
}

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileText },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null)) },
  { weight: 1, arbitrary: fc.array(hostileText, { maxLength: 30 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
)

/**
 * Objects shaped like `example` (a valid body) where each field keeps its valid value or turns
 * hostile, plus a few unknown fields: one bad field among good ones is what reaches deepest.
 */
function hostileObject(example: Record<string, unknown>): fc.Arbitrary<Record<string, unknown>> {
  const fields = Object.fromEntries(Object.entries(example).map(([field, valid]) => [field, fc.oneof(fc.constant(valid), hostileValue)]))
  return fc.tuple(
    fc.record(fields, { requiredKeys: [] }),
    fc.dictionary(fc.string({ maxLength: 8 }), hostileValue, { maxKeys: 2 }),
  ).map(([own, extra]) => ({ ...extra, ...own }))
}

/** Raw bodies that no schema sees: broken JSON, deep nesting, non-objects, nothing. */
const rawNoise = fc.oneof(
  fc.constantFrom(
    nested(DEPTH, '[', ']', ''),
    '['.repeat(DEPTH),
    nested(DEPTH, '{"a":', '}', '1'),
    `{"theme":${nested(DEPTH, '[', ']', '"x"')}}`,
    `{"name":"\\u0000","email":"\\ud800@x.io","password":"\\udc00\\u0000"}`,
    '', 'null', '[]', '"text"', '{', '{"a":1,}', '\u0000', '\uFEFF{}',
  ),
  fc.string({ unit: 'binary', maxLength: 60 }),
)

/** One request body: JSON text shaped like `example` most of the time, noise otherwise. */
export function hostileBody(example: Record<string, unknown>): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: hostileObject(example).map(body => JSON.stringify(body)) },
    { weight: 1, arbitrary: fc.array(hostileObject(example), { maxLength: 3 }).map(body => JSON.stringify(body)) },
    { weight: 2, arbitrary: rawNoise },
  )
}

/** Mostly JSON, sometimes a content type the routes do not take. */
export const contentType = fc.oneof(
  { weight: 5, arbitrary: fc.constant('application/json') },
  { weight: 1, arbitrary: fc.constantFrom('text/plain', 'application/problem+json; charset=utf-8', 'application/x-www-form-urlencoded', '') },
)
