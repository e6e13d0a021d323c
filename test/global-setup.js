// Jest loads global setup outside its ESM transform, so this plain ESM file hands the TypeScript to tsx.
import { tsImport } from 'tsx/esm/api';

export default async function globalSetup() {
  const { startTestStack } = await tsImport('./support/start-test-stack.ts', import.meta.url);
  globalThis.helpdeskStopTestStack = await startTestStack();
}
