// The Action's entry point: everything happens in run().
import { exitWhenFlushed } from './exit.js';
import { run } from './main.js';

await run();
// run() sets the exit code (core.setFailed) and never throws.
exitWhenFlushed(typeof process.exitCode === 'number' ? process.exitCode : 0);
