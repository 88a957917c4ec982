// The shape of the bundled bank: every drill's `minutes` estimate fits its tier (beginner 5-15, intermediate 15-30,
// scenario 20-45), so a tier means the same size of task everywhere.
import * as assert from 'node:assert/strict';
import { TIERS, type Tier } from '../../src/core/model';
import { loadPackFromDirSync } from '../../src/core/pack';
import { TOPICS } from '../../src/core/topics';
import { questionsDir } from '../fixtures/runner/support';

/** Minutes for a competent candidate, both ends included. */
const MINUTES: Record<Tier, readonly [number, number]> = {
  beginner: [5, 15],
  intermediate: [15, 30],
  scenario: [20, 45],
};

describe('bank shape', () => {
  const { drills } = loadPackFromDirSync(questionsDir);

  it('holds at least 40 drills', () => {
    assert.ok(drills.length >= 40, `${drills.length} drills`);
  });

  for (const topic of TOPICS) {
    it(`topic ${topic.id}: at least three drills, one of them a 5-10 minute warm-up`, () => {
      const own = drills.filter((d) => d.topic === topic.id);
      assert.ok(own.length >= 3, `${topic.id} has ${own.length} drills: ${own.map((d) => d.id).join(', ')}`);
      assert.ok(own.some((d) => d.minutes !== undefined && d.minutes >= 5 && d.minutes <= 10), `${topic.id} has no 5-10 minute warm-up`);
    });
  }

  it("keeps the guide's fifteen questions first in their tiers (order 1-5)", () => {
    for (const tier of TIERS) {
      const ordered = drills.filter((d) => d.tier === tier).sort((a, b) => a.order - b.order);
      assert.deepEqual(ordered.slice(0, 5).map((d) => d.order), [1, 2, 3, 4, 5], tier);
      assert.ok(ordered.slice(5).every((d) => d.order > 5), `${tier}: only the guide's questions take orders 1-5`);
    }
  });

  it('has the tiers this test knows', () => {
    assert.deepEqual(Object.keys(MINUTES), [...TIERS]);
  });

  for (const drill of drills) {
    const [min, max] = MINUTES[drill.tier];
    it(`${drill.id}: ${drill.minutes ?? '?'} minutes is inside the ${drill.tier} range ${min}-${max}`, () => {
      assert.equal(typeof drill.minutes, 'number', `${drill.id} has no minutes estimate`);
      const minutes = drill.minutes as number;
      assert.ok(minutes >= min && minutes <= max, `${drill.id} (${drill.tier}) takes ${minutes} minutes, outside ${min}-${max}`);
    });
  }
});
