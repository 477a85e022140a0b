import { announceBoot } from './boot-line.js';
import { serve } from './serve.js';

// The slot worker's entry where the harness runs unbundled (from source under the tests, or dist/harness/).
// The bundled CLI starts ./bundled-worker.ts instead: the same worker, its compiled code kept between runs.
announceBoot();
await serve();
