/**
 * DOT text to SVG through Graphviz's `dot -Tsvg` (`hodu inspect M --graph svg`). Graphviz is a system tool
 * hodu does not ship: when `dot` is not on PATH the error names the package and the way around it
 * (`--graph dot`, drawn elsewhere). The DOT text goes in on stdin and the SVG comes back on stdout; a `dot`
 * that runs past `timeoutMs` (a very large graph) is killed rather than left to hang the command.
 */
import { HoduError } from '../../errors';

const DOT_TIMEOUT_MS = 300_000;

export async function dotToSvg(dot: string, opts: { timeoutMs?: number; which?: (tool: string) => string | null } = {}): Promise<string> {
  const which = opts.which ?? ((t: string) => Bun.which(t));
  const exe = which('dot');
  if (!exe) {
    throw new HoduError('E_MISSING_TOOL', "--graph svg needs Graphviz's 'dot', which is not on PATH", {
      hint: 'install the graphviz package (Debian/Ubuntu: `sudo apt-get install graphviz`, Homebrew: `brew install graphviz`), or write the DOT text with --graph dot -o model.dot and draw it elsewhere',
    });
  }
  const timeoutMs = opts.timeoutMs ?? DOT_TIMEOUT_MS;
  const proc = Bun.spawn([exe, '-Tsvg'], { stdin: new Blob([dot]), stdout: 'pipe', stderr: 'pipe' });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    proc.kill('SIGKILL');
  }, timeoutMs);
  try {
    const [svg, stderr, code] = await Promise.all([new Response(proc.stdout).text(), new Response(proc.stderr).text(), proc.exited]);
    if (timedOut) {
      throw new HoduError('E_GRAPHVIZ', `Graphviz's dot did not finish drawing the graph in ${Math.round(timeoutMs / 1000)} s`, {
        hint: 'a graph this large draws faster as DOT in another viewer: --graph dot -o model.dot',
      });
    }
    if (code !== 0) {
      const first = stderr.trim().split('\n').slice(0, 3).join('; ');
      throw new HoduError('E_GRAPHVIZ', `Graphviz's dot failed (exit ${code})${first ? `: ${first}` : ''}`);
    }
    // From the <svg> element on: the XML declaration, DOCTYPE and comments before it add nothing (UTF-8 is XML's
    // default), and an <svg> first can be pasted into HTML as is.
    const start = svg.indexOf('<svg');
    if (start < 0) throw new HoduError('E_GRAPHVIZ', "Graphviz's dot wrote no <svg> element");
    return svg.slice(start);
  } finally {
    clearTimeout(timer);
  }
}
