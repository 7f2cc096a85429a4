// Shared libraries imported with `with { type: 'file' }` (src/backends/cpu/embedded-library.ts) are paths.
declare module '*.so' {
  const path: string;
  export default path;
}
