import { z } from 'zod'

// zod compiles object parsers with `new Function` when it may, and finds out whether it may by
// trying, at the moment a schema is built. The pages' Content-Security-Policy forbids eval, so that
// probe would be reported as a violation. Schemas import `z` from here, so this runs first.
z.config({ jitless: true })

export { z }
