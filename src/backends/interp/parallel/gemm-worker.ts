/**
 * Entry point of an interp worker thread (see worker-pool.ts). In the compiled binary this file must be an extra
 * entrypoint of `bun build --compile`, next to src/main.ts.
 */
import { gemmRows } from '../util/gemm';
import { convTasks } from '../util/gemm-conv';
import { serveJobs } from './worker-pool';

serveJobs({ gemm: gemmRows, conv: convTasks });
