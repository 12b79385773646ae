import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * Vitest's default order (failed first, then slowest first), with the secret scan moved to the very end:
 * it reads what every other suite of the run recorded and what the stack logged meanwhile. Wire it in
 * the config with `sequence: { sequencer: SecretsLastSequencer }`.
 */
export class SecretsLastSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const isScan = (file: TestSpecification) =>
      file.moduleId.replaceAll("\\", "/").endsWith("/security/secrets.test.ts");
    return [...sorted.filter((file) => !isScan(file)), ...sorted.filter(isScan)];
  }
}
