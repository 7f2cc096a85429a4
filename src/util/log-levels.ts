/** Log levels, most severe first (a logger at `info` prints error, warn and info). */
export const LOG_LEVELS = ['error', 'warn', 'info', 'debug', 'trace'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export function logLevelRank(level: LogLevel): number {
  return LOG_LEVELS.indexOf(level);
}
