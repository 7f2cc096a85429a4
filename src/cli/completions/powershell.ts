import { directiveOf, HEADER_NOTE } from './directive';
import { flattenTree, type CommandNode } from './tree';

/** A PowerShell single-quoted string. */
const q = (s: string) => `'${s.replace(/\s+/g, ' ').replace(/'/g, "''")}'`;
// `,@(a, b)` keeps each pair an array inside @(...); `;` separates them as statements (a bare comma would
// chain them into one array).
const pairs = (xs: [string, string][]) => `@(${xs.map(([a, b]) => `,@(${q(a)}, ${q(b)})`).join('; ')})`;

function nodeSpec(n: CommandNode): string {
  const values = n.flags.filter((f) => f.takesValue && directiveOf(f.value)).flatMap((f) => f.names.map((name) => `${q(name)} = ${q(directiveOf(f.value))}`));
  return [
    `        ${q(n.path.join(' '))} = @{`,
    `            Subs = ${pairs(n.subcommands.map((s) => [s.name, s.description]))}`,
    `            Flags = ${pairs(n.flags.flatMap((f) => f.names.map((name): [string, string] => [name, f.description])))}`,
    `            ValueFlags = @(${n.flags.filter((f) => f.takesValue).flatMap((f) => f.names).map(q).join(', ')})`,
    `            Values = @{ ${values.join('; ')} }`,
    `            Positionals = @(${n.positionals.map((p) => q(directiveOf(p.value))).join(', ')})`,
    '        }',
  ].join('\n');
}

/**
 * PowerShell script: a native argument completer holding the command tree as a hashtable and walking the
 * words before the cursor like the dispatcher. Returning nothing lets PowerShell fall back to paths,
 * which is what file arguments want.
 */
export function generatePowershell(root: CommandNode): string {
  return `# powershell completion for hodu — ${HEADER_NOTE}
# Install: add this line to $PROFILE:  hodu completions powershell | Out-String | Invoke-Expression

Register-ArgumentCompleter -Native -CommandName @('hodu', 'hodu.exe') -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)
    $spec = @{
${flattenTree(root).map(nodeSpec).join('\n')}
    }
    $words = @($commandAst.CommandElements | Where-Object { $_.Extent.StartOffset -lt $cursorPosition } | ForEach-Object { $_.Extent.Text })
    if ($wordToComplete -eq '') { $words += '' }
    $rest = @($words | Select-Object -Skip 1)
    if ($rest.Count -eq 0) { return }
    $path = ''; $node = $spec['']; $expect = $null; $ended = $false; $npos = 0
    for ($i = 0; $i -lt $rest.Count - 1; $i++) {
        $w = $rest[$i]
        if ($null -ne $expect) { $expect = $null; continue }
        if (-not $ended -and $w -eq '--') { $ended = $true; continue }
        if (-not $ended -and $w -like '-?*') {
            if ($w -notlike '*=*' -and $node.ValueFlags -contains $w) { $expect = $w }
            continue
        }
        $subNames = @($node.Subs | ForEach-Object { $_[0] })
        if ($npos -eq 0 -and $subNames -contains $w) {
            $path = "$path $w".Trim()
            $node = $spec[$path]
        } else { $npos++ }
    }
    $cur = $rest[$rest.Count - 1]
    $prefix = $cur; $lead = ''; $directive = ''
    if ($null -ne $expect) { $directive = $node.Values[$expect] }
    elseif (-not $ended -and $cur -like '--*=*') {
        $eq = $cur.IndexOf('=')
        $directive = $node.Values[$cur.Substring(0, $eq)]
        $lead = $cur.Substring(0, $eq + 1); $prefix = $cur.Substring($eq + 1)
    }
    elseif (-not $ended -and $cur -like '-*') {
        return $node.Flags | Where-Object { $_[0] -like "$cur*" } | ForEach-Object { [System.Management.Automation.CompletionResult]::new($_[0], $_[0], 'ParameterName', $_[1]) }
    }
    elseif ($node.Subs.Count -gt 0 -and $npos -eq 0) {
        return $node.Subs | Where-Object { $_[0] -like "$cur*" } | ForEach-Object { [System.Management.Automation.CompletionResult]::new($_[0], $_[0], 'ParameterValue', $_[1]) }
    }
    elseif ($npos -lt $node.Positionals.Count) { $directive = $node.Positionals[$npos] }
    $candidates = @()
    if ($directive -like 'choices *') { $candidates = $directive.Substring(8) -split ' ' }
    elseif ($directive -eq 'dynamic') {
        $argv = @($rest | Select-Object -SkipLast 1)
        # Windows PowerShell (and 7.2-) drop empty arguments to native commands; '""' passes one there.
        $v = $PSVersionTable.PSVersion
        if ($cur -eq '' -and ($v.Major -lt 7 -or ($v.Major -eq 7 -and $v.Minor -lt 3))) { $argv += '""' } else { $argv += $cur }
        $candidates = @(& hodu __complete @argv 2>$null)
    }
    else { return }
    $candidates | Where-Object { $_ -and $_ -like "$prefix*" } | ForEach-Object { [System.Management.Automation.CompletionResult]::new("$lead$_", $_, 'ParameterValue', $_) }
}
`;
}
