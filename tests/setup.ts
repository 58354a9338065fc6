import { RuleTester } from '@typescript-eslint/rule-tester';
import { afterAll, beforeAll, beforeEach, describe, it } from 'vitest';
import { clearConfigClaims } from '../src/analysis/identity/config-reports.js';
import { providePythonFrontEnd } from '../src/analysis/python/front-end.js';
import { removeTemporaryFolders } from './temporary-folders.js';

// typescript-eslint's RuleTester needs the test framework's hooks before any tester is created.
RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.describeSkip = describe.skip;
RuleTester.it = it;
RuleTester.itOnly = it.only;
RuleTester.itSkip = it.skip;

// The built package loads the Python front-end with `require` on its first Python file; the sources run
// here as ES modules, where `require` finds no .ts file. Imported once the test file's own imports are
// done, so that its `vi.mock` of a Python module reaches the front-end too.
beforeAll(async () => {
  const [analyse, pretest, fixPlan] = await Promise.all([
    import('../src/analysis/python/analyse-python-file.js'),
    import('../src/analysis/python/pretest.js'),
    import('../src/analysis/python/fix-plan.js'),
  ]);
  providePythonFrontEnd({ analyse, pretest, fixPlan });
});

// Each test is a run of its own: config problems are reported once per run (valid-config).
beforeEach(() => clearConfigClaims());

// The folders a test file made with temporaryFolder go when it ends.
afterAll(() => removeTemporaryFolders());
