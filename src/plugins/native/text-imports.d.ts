// Files imported with `with { type: 'text' }` (embedded-files.ts) are strings.
declare module '*.h' {
  const text: string;
  export default text;
}
declare module '*.c' {
  const text: string;
  export default text;
}
declare module '*.md' {
  const text: string;
  export default text;
}
