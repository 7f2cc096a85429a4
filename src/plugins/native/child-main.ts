/**
 * Script entry for the isolated plugin child when hodu runs from source (`bun src/...`), where
 * re-running the CLI entry is not possible from every caller (tests). The compiled binary routes the
 * hidden `__plugin-child` command to runPluginChild instead.
 */
import { runPluginChild } from './child';

process.exitCode = await runPluginChild(process.argv.slice(2));
