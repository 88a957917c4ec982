import * as assert from 'node:assert/strict';
import { drillMarkdown } from '../../src/core/describe';
import type { Drill } from '../../src/core/model';

const drill: Drill = {
  id: 'd', tier: 'scenario', topic: 'subprocess', title: 'Find kubectl', order: 3, prompt: 'Why does CI fail?',
  answer: 'Because PATH differs.', hints: ['Look at PATH.', 'Walk each entry.', 'for (const dir of path.split(":"))'],
  stub: '', solution: '', tests: '', mistakes: [], source: { file: 'f', lines: {} },
};

describe('drill description', () => {
  it('shows the prompt, no hint and a hidden answer at first', () => {
    const md = drillMarkdown(drill, { hintsShown: 0, answerShown: false });
    assert.match(md, /^# Find kubectl\n\n\*Scenario-based · Running commands\*\n\nWhy does CI fail\?/);
    assert.match(md, /## Hints \(0 of 3 shown\)/);
    assert.ok(!md.includes('Look at PATH.'));
    assert.ok(!md.includes('Because PATH differs.'));
  });

  it('shows exactly the hints used, capped at the ladder, and the answer once revealed', () => {
    const two = drillMarkdown(drill, { hintsShown: 2, answerShown: false, status: 'solved' });
    assert.ok(two.includes('**Hint 1.** Look at PATH.') && two.includes('**Hint 2.** Walk each entry.'));
    assert.ok(!two.includes('Hint 3.'));
    assert.match(two, /· solved\*/);
    const all = drillMarkdown(drill, { hintsShown: 9, answerShown: true });
    assert.match(all, /Hints \(3 of 3 shown\)/);
    assert.ok(all.includes('Because PATH differs.'));
  });
});
