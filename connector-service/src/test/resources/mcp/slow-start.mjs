// Starts an MCP server late: `node slow-start.mjs <delay ms> <server entry> [server args…]`.
// Stands in for a server that is slow to start (a cold disk, a loaded machine) in the pool's tests.
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const [delayMs, entry, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], entry, ...args];
setTimeout(() => import(pathToFileURL(resolve(entry)).href), Number(delayMs));
