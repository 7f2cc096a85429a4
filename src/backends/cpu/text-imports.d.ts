// C include fragments imported with `with { type: 'text' }` (embedded-sources.ts) are strings.
declare module '*.inc' {
  const text: string;
  export default text;
}
