/** The URL of the parse worker's built module: see parseWorkerPlugin in vite.config.ts. */
declare module 'virtual:vesting-day/parse-worker' {
  const url: string;
  export default url;
}
