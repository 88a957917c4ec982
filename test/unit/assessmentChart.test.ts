import * as assert from 'node:assert/strict';
import { assess, assessTopic } from '../../src/core/assessment';
import { assessmentChart, CHART_LAYOUT, CHART_SERIES, solvedLanguages, topicValues } from '../../src/core/assessmentChart';
import type { Drill } from '../../src/core/model';
import type { DrillScore } from '../../src/core/scores';
import { TOPIC_IDS, type TopicId } from '../../src/core/topics';

function drill(id: string, topic: TopicId, order = 1): Drill {
  return {
    id, tier: 'beginner', topic, order, title: `Drill ${id}`, prompt: '', answer: '', hints: [], stub: '', solution: '', tests: '', mistakes: [],
    source: { file: `${id}.yaml`, lines: {} },
  };
}

const T = '2025-02-01T10:00:00.000Z';
const solved: DrillScore = { attempts: 1, hintsUsed: 0, answerRevealed: false, firstPassedAt: T, best: { passed: 2, total: 2 }, history: [] };
const failed: DrillScore = { attempts: 2, hintsUsed: 0, answerRevealed: false, best: { passed: 0, total: 2 }, history: [] };

describe('self-assessment chart geometry', () => {
  const drills = [drill('r1', 'regex', 1), drill('r2', 'regex', 2), drill('r3', 'regex', 3), drill('r4', 'regex', 4), drill('f1', 'file-io')];
  const { topics } = assess(drills, { r1: solved, r2: failed }, { regex: 4, 'file-io': 1 }, {
    python: { r2: solved, f1: solved },
    recall: { regex: { mean: 67, interviews: 2, last: 100 } },
  });
  const chart = assessmentChart(topics);
  const regex = chart.groups.find((g) => g.topic === 'regex')!;

  it('draws one group per topic, in the guide order, stacked without overlap inside the drawing', () => {
    assert.deepEqual(chart.groups.map((g) => g.topic), [...TOPIC_IDS]);
    for (let i = 1; i < chart.groups.length; i++) assert.equal(chart.groups[i]!.y, chart.groups[i - 1]!.y + chart.groups[i - 1]!.height);
    const last = chart.groups.at(-1)!;
    assert.ok(last.y + last.height <= chart.height);
    assert.equal(chart.plotBottom, last.y + last.height);
    for (const g of chart.groups) {
      assert.deepEqual(g.bars.map((b) => b.kind), CHART_SERIES.map((s) => s.kind));
      for (const b of g.bars) {
        assert.ok(b.y >= g.y && b.y + b.height <= g.y + g.height, `${g.topic} ${b.kind} inside its band`);
        assert.ok(b.x + b.width <= chart.plotX + chart.plotWidth);
        assert.ok(b.textX > chart.plotX + chart.plotWidth && b.textX < chart.width);
      }
    }
  });

  it('scales the three bars to one 0-100% axis: the rating as a share of 5, solved drills, recall', () => {
    const [rating, solvedBar, recall] = regex.bars;
    assert.equal(rating!.width, (4 / 5) * CHART_LAYOUT.plotWidth);
    assert.equal(rating!.text, '4 of 5');
    assert.equal(solvedBar!.fraction, 0.5, 'r1 in TypeScript, r2 in Python: 2 of 4');
    assert.equal(solvedBar!.width, CHART_LAYOUT.plotWidth / 2);
    assert.equal(solvedBar!.text, '2 of 4 solved (50%), TypeScript 1, Python 1');
    assert.equal(recall!.width, 0.67 * CHART_LAYOUT.plotWidth);
    assert.equal(recall!.text, '67% recall (2 interviews)');
    assert.deepEqual(chart.ticks.map((t) => t.label), ['0%', '25%', '50%', '75%', '100%']);
    assert.equal(chart.ticks.at(-1)!.x, CHART_LAYOUT.plotX + CHART_LAYOUT.plotWidth);
  });

  it('leaves a bar empty and says so in words when nothing is rated or measured', () => {
    const subprocess = chart.groups.find((g) => g.topic === 'subprocess')!;
    assert.deepEqual(subprocess.bars.map((b) => [b.width, b.fraction, b.text]), [
      [0, undefined, 'not rated'],
      [0, undefined, 'no drills'],
      [0, undefined, 'no mock interview'],
    ]);
    assert.equal(subprocess.ariaLabel, 'Running commands: not rated; no drill covers it yet; no mock interview recall yet.');
  });

  it('gives each group an accessible label with the three values and its flags in words', () => {
    assert.equal(regex.ariaLabel,
      'Regular expressions: self-rating 4 of 5; 2 of 4 drills solved, 50%, in TypeScript 1, Python 1; recall 67 of 100 over 2 mock interviews.');
    const fileIo = chart.groups.find((g) => g.topic === 'file-io')!;
    assert.deepEqual(fileIo.flags, ['weak', 'underrating']);
    assert.equal(fileIo.flagText, 'weak area, rated below results');
    assert.match(fileIo.ariaLabel, /^File I\/O: self-rating 1 of 5; 1 of 1 drill solved, 100%, in Python; no mock interview recall yet; weak area, rated below results\.$/);
  });

  it('flags strong and overconfident topics as the assessment does', () => {
    const t = assessTopic('regex', drills, {}, { regex: 5 });
    const g = assessmentChart([t]).groups[0]!;
    assert.deepEqual(g.flags, ['strong', 'overconfident']);
    assert.equal(g.flagText, 'strong area, rated above results');
  });

  it('names the languages a topic was solved in', () => {
    assert.equal(solvedLanguages({ passedIn: { typescript: 0, python: 0 } }), '');
    assert.equal(solvedLanguages({ passedIn: { typescript: 3, python: 0 } }), 'TypeScript');
    assert.equal(solvedLanguages({ passedIn: { typescript: 0, python: 2 } }), 'Python');
    assert.equal(solvedLanguages({ passedIn: { typescript: 3, python: 2 } }), 'TypeScript 3, Python 2');
    assert.equal(topicValues(topics.find((t) => t.topic === 'file-io')!).solved.text, '1 of 1 solved (100%), Python');
  });

  it('never draws a bar past the axis, even for figures out of range', () => {
    const t = { ...assessTopic('regex', drills, {}, {}), recall: { mean: 250, interviews: 1, last: 250 } };
    const recall = assessmentChart([t]).groups[0]!.bars[2]!;
    assert.equal(recall.width, CHART_LAYOUT.plotWidth);
  });
});
