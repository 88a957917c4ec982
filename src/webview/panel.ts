// The self-assessment page (bundled to dist/webview.js, runs in the webview). It renders the host's view model and
// sends requests; it decides nothing itself. The DOM is built with createElement/textContent only: no markup strings.
import type { TopicAssessment } from '../core/assessment';
import { assessmentChart, type ChartModel, flagWords, solvedLanguages, topicFlags, topicValues } from '../core/assessmentChart';
import { LANGUAGE_LABELS, STATUS_LABELS } from '../core/model';
import type { HostMessage, ViewState, WebviewRequest } from '../core/protocol';
import type { Tip } from '../core/tips';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

interface PageState {
  scrollY?: number;
  /** How "Confidence and results" is shown: the chart (default) or the table. */
  view?: 'chart' | 'table';
}

function pageState(): PageState {
  const saved = vscode.getState();
  return typeof saved === 'object' && saved !== null ? (saved as PageState) : {};
}

function savePageState(change: PageState): void {
  vscode.setState({ ...pageState(), ...change } satisfies PageState);
}

const vscode = acquireVsCodeApi();
const app = document.getElementById('app')!;
let nextReq = 1;
let rendered = false;
const pending = new Map<number, WebviewRequest['command']>();

function send(request: WebviewRequest): void {
  const req = nextReq++;
  pending.set(req, request.command);
  vscode.postMessage({ ...request, req });
}

// ---------------------------------------------------------------------------------------------------------------
// DOM helpers.

type Child = Node | string | undefined | false;

function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: { className?: string; id?: string; attrs?: Record<string, string> } = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (props.className) e.className = props.className;
  if (props.id) e.id = props.id;
  for (const [k, v] of Object.entries(props.attrs ?? {})) e.setAttribute(k, v);
  for (const c of children) if (c !== undefined && c !== false) e.append(c);
  return e;
}

function button(text: string, onClick: () => void, opts: { id?: string; secondary?: boolean; label?: string; title?: string } = {}): HTMLButtonElement {
  const b = h('button', { id: opts.id, className: opts.secondary ? 'secondary' : undefined, attrs: { type: 'button' } }, text);
  if (opts.label) b.setAttribute('aria-label', opts.label);
  if (opts.title) b.title = opts.title;
  b.addEventListener('click', onClick);
  return b;
}

/** Text with `code` spans rendered as <code>, everything else as plain text. */
function inlineCode(text: string): Node[] {
  return text.split('`').map((part, i) => (i % 2 === 1 ? h('code', {}, part) : document.createTextNode(part)));
}

function formatDate(iso: string | undefined): Node {
  if (!iso) return document.createTextNode('never');
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return document.createTextNode('unknown');
  return h('time', { attrs: { datetime: iso } }, d.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' }));
}

function section(id: string, title: string, ...children: Child[]): HTMLElement {
  return h('section', { className: `section ${id}`, attrs: { 'aria-labelledby': `${id}-heading` } }, h('h2', { id: `${id}-heading` }, title), ...children);
}

function empty(text: string): HTMLElement {
  return h('p', { className: 'empty' }, text);
}

function measured(t: TopicAssessment): string {
  if (t.drills === 0) return 'no drill covers it yet';
  return `${t.passed} of ${t.drills} drill${t.drills === 1 ? '' : 's'} solved`;
}

// ---------------------------------------------------------------------------------------------------------------
// Sections.

function summarySection(state: ViewState): HTMLElement {
  const s = state.summary;
  const avg = s.averageConfidence === undefined
    ? 'no topic rated yet'
    : `${s.averageConfidence.toFixed(1)} / 5 (${s.ratedTopics} of ${s.topicCount} topics rated)`;
  const weakest = s.weakest ? [h('strong', {}, s.weakest.label), ` (${s.weakest.reason})`] : ['nothing to compare yet'];
  return section(
    'summary',
    'Summary',
    h(
      'dl',
      { className: 'figures' },
      h('dt', {}, 'Average confidence'), h('dd', {}, avg),
      h('dt', {}, 'Drills solved'), h('dd', {}, `${s.drillsPassed} / ${s.drillsTotal}`),
      h('dt', {}, 'Weakest topic'), h('dd', {}, ...weakest),
    ),
  );
}

/** `where` keeps ids unique: focus is restored by id after a re-render. */
function practiseButton(t: TopicAssessment, where: string): HTMLElement {
  if (!t.next) return h('span', { className: 'note' }, 'No drill covers this topic yet.');
  const what = t.next.solved ? `revisit "${t.next.title}"` : `open "${t.next.title}"`;
  return button('Practise', () => send({ command: 'practise', args: { topic: t.topic } }), {
    id: `practise-${where}-${t.topic}`,
    label: `Practise ${t.label}: ${what}`,
    title: `Practise: ${what}`,
  });
}

function weakSection(state: ViewState): HTMLElement {
  const weak = state.topics.filter((t) => t.weak);
  return section(
    'weak',
    'Weak areas',
    h('p', { className: 'hint' }, 'Topics you rated below 3: practise their drills, then rate them again.'),
    weak.length === 0
      ? empty('No topic is rated below 3.')
      : h('ul', { className: 'flags' }, ...weak.map((t) => h('li', {}, h('span', { className: 'topic-name' }, t.label), h('span', { className: 'meta' }, `rated ${t.rating}, ${measured(t)}`), practiseButton(t, 'weak')))),
  );
}

function strongSection(state: ViewState): HTMLElement {
  const strong = state.topics.filter((t) => t.strong);
  return section(
    'strong',
    'Strong areas',
    strong.length === 0
      ? empty('No topic is rated 5 yet.')
      : h('ul', { className: 'flags' }, ...strong.map((t) => h('li', {}, h('span', { className: 'topic-name' }, t.label), h('span', { className: 'badge' }, 'ready to mentor'), h('span', { className: 'meta' }, measured(t))))),
  );
}

function disagreementSection(state: ViewState): HTMLElement {
  const flagged = state.topics.filter((t) => t.disagreement);
  return section(
    'disagreements',
    'Rating and results disagree',
    flagged.length === 0
      ? empty('Your ratings and your drill results tell the same story.')
      : h('ul', { className: 'flags' }, ...flagged.map((t) => h(
          'li',
          {},
          h('span', { className: 'topic-name' }, t.label),
          h('span', { className: `badge ${t.disagreement!.kind}` }, t.disagreement!.kind),
          h('span', { className: 'reason' }, t.disagreement!.reason),
          t.disagreement!.kind === 'overconfident' && practiseButton(t, 'disagreement'),
        ))),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Confidence and results: the chart (SVG, geometry from core/assessmentChart) or the same figures as a table.

const SVG_NS = 'http://www.w3.org/2000/svg';

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number> = {}, ...children: (Node | string)[]): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  for (const c of children) e.append(c);
  return e;
}

/** The fills: plain, hatched, dotted (each over a faint tint of its colour); colours come from panel.css. */
function patternDefs(): SVGDefsElement {
  const hatch = svg('pattern', { id: 'fill-solved', class: 'fill solved', patternUnits: 'userSpaceOnUse', width: 6, height: 6, patternTransform: 'rotate(45)' },
    svg('rect', { class: 'tint', width: 6, height: 6 }),
    svg('rect', { class: 'mark', width: 2.5, height: 6 }));
  const dots = svg('pattern', { id: 'fill-recall', class: 'fill recall', patternUnits: 'userSpaceOnUse', width: 5, height: 5 },
    svg('rect', { class: 'tint', width: 5, height: 5 }),
    svg('circle', { class: 'mark', cx: 2.5, cy: 2.5, r: 1.5 }));
  return svg('defs', {}, hatch, dots);
}

/** Which topic of the chart holds the tab stop (roving tabindex), kept across re-renders. */
let chartIndex = 0;

function focusTopic(groups: SVGGElement[], index: number): void {
  const i = Math.max(0, Math.min(groups.length - 1, index));
  groups.forEach((g, j) => g.setAttribute('tabindex', j === i ? '0' : '-1'));
  chartIndex = i;
  groups[i]?.focus();
}

function chartSvg(model: ChartModel, topics: readonly TopicAssessment[]): SVGSVGElement {
  const root = svg('svg', {
    id: 'assessment-chart',
    class: 'chart',
    viewBox: `0 0 ${model.width} ${model.height}`,
    role: 'list',
    'aria-labelledby': 'chart-title',
    'aria-describedby': 'chart-desc chart-keys',
  });
  root.append(svg('title', { id: 'chart-title' }, model.title), svg('desc', { id: 'chart-desc' }, model.description), patternDefs());
  const grid = svg('g', { class: 'grid', 'aria-hidden': 'true' });
  for (const t of model.ticks) {
    grid.append(
      svg('line', { x1: t.x, x2: t.x, y1: model.plotTop - 4, y2: model.plotBottom }),
      svg('text', { x: t.x, y: model.plotTop - 10, 'text-anchor': 'middle' }, t.label),
    );
  }
  root.append(grid);
  const groups: SVGGElement[] = [];
  model.groups.forEach((g, i) => {
    const group = svg('g', {
      id: `chart-topic-${g.topic}`,
      class: ['topic-group', ...g.flags].join(' '),
      role: 'listitem',
      tabindex: i === chartIndex ? '0' : '-1',
      'aria-label': g.ariaLabel,
      'data-topic': g.topic,
    });
    const parts = svg('g', { 'aria-hidden': 'true' },
      svg('rect', { class: 'band', x: 1, y: g.y + 1, width: model.width - 2, height: g.height - 2, rx: 3 }),
      svg('text', { class: 'label', x: g.labelX, y: g.labelY }, g.label));
    if (g.flagText) parts.append(svg('text', { class: 'flags', x: g.labelX, y: g.labelY + 14 }, g.flagText));
    for (const b of g.bars) {
      if (b.width > 0) parts.append(svg('rect', { class: `bar ${b.kind}`, x: b.x, y: b.y, width: b.width, height: b.height }));
      else parts.append(svg('line', { class: `bar-empty ${b.kind}`, x1: b.x, x2: b.x, y1: b.y, y2: b.y + b.height }));
      parts.append(svg('text', { class: `value ${b.kind}${b.fraction === undefined ? ' none' : ''}`, x: b.textX, y: b.textY }, b.text));
    }
    group.append(parts, svg('rect', { class: 'focus-ring', x: 1, y: g.y + 1, width: model.width - 2, height: g.height - 2, rx: 3 }));
    group.addEventListener('focus', () => {
      chartIndex = i;
      groups.forEach((other, j) => other.setAttribute('tabindex', j === i ? '0' : '-1'));
    });
    group.addEventListener('click', () => focusTopic(groups, i));
    group.addEventListener('keydown', (e: KeyboardEvent) => {
      const moves: Record<string, number> = { ArrowDown: i + 1, ArrowRight: i + 1, ArrowUp: i - 1, ArrowLeft: i - 1, Home: 0, End: groups.length - 1 };
      if (e.key in moves) {
        e.preventDefault();
        focusTopic(groups, moves[e.key]!);
      } else if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        const t = topics[i];
        if (t?.next) send({ command: 'practise', args: { topic: t.topic } });
      }
    });
    groups.push(group);
    root.append(group);
  });
  return root;
}

function legend(model: ChartModel): HTMLElement {
  return h('ul', { className: 'legend', attrs: { 'aria-label': 'Legend' } }, ...model.series.map((s) => h(
    'li',
    {},
    h('span', { className: `swatch ${s.kind}`, attrs: { 'aria-hidden': 'true' } }, svgSwatch(s.kind)),
    `${s.label} (${s.pattern === 'solid' ? 'solid' : s.pattern === 'hatch' ? 'hatched' : 'dotted'})`,
  )));
}

function svgSwatch(kind: string): SVGSVGElement {
  return svg('svg', { viewBox: '0 0 16 10', width: 16, height: 10 }, svg('rect', { class: `bar ${kind}`, x: 0.5, y: 0.5, width: 15, height: 9 }));
}

function resultsTable(topics: readonly TopicAssessment[]): HTMLTableElement {
  const head = h('tr', {}, ...['Topic', 'Self-rating', 'Drills solved', 'Recall (mock interviews)', 'Flags'].map((c) => h('th', { attrs: { scope: 'col' } }, c)));
  const rows = topics.map((t) => {
    const v = topicValues(t);
    return h(
      'tr',
      { id: `table-topic-${t.topic}` },
      h('th', { attrs: { scope: 'row' } }, t.label),
      h('td', {}, v.rating.text),
      h('td', {}, v.solved.text),
      h('td', {}, v.recall.text),
      h('td', {}, flagWords(topicFlags(t)) || '—'),
    );
  });
  return h('table', { id: 'assessment-table', className: 'results' }, h('caption', {}, 'Confidence and results per topic'), h('thead', {}, head), h('tbody', {}, ...rows));
}

function resultsSection(state: ViewState): HTMLElement {
  const model = assessmentChart(state.topics);
  const view = pageState().view === 'table' ? 'table' : 'chart';
  const chartBox = h('div', { id: 'chart-view', className: 'chart-view' },
    legend(model),
    h('p', { className: 'hint', id: 'chart-keys' }, 'Tab to the chart, then use the arrow keys to move between topics (Home and End for the first and last); Enter practises the topic.'),
    chartSvg(model, state.topics) as unknown as Node);
  const tableBox = h('div', { id: 'table-view', className: 'table-view' }, resultsTable(state.topics));
  const chartButton = h('button', { id: 'show-chart', className: 'secondary', attrs: { type: 'button' } }, 'Chart');
  const tableButton = h('button', { id: 'show-table', className: 'secondary', attrs: { type: 'button' } }, 'Table');
  const show = (v: 'chart' | 'table', save: boolean): void => {
    chartBox.hidden = v !== 'chart';
    tableBox.hidden = v !== 'table';
    chartButton.setAttribute('aria-pressed', String(v === 'chart'));
    tableButton.setAttribute('aria-pressed', String(v === 'table'));
    if (save) savePageState({ view: v });
  };
  chartButton.addEventListener('click', () => show('chart', true));
  tableButton.addEventListener('click', () => show('table', true));
  show(view, false);
  return section(
    'results',
    'Confidence and results',
    h('p', { className: 'hint' }, `Per topic: your rating, the drills you solved (in ${LANGUAGE_LABELS.typescript} or ${LANGUAGE_LABELS.python}) and what you recalled in mock interviews.`),
    h('div', { className: 'view-toggle', attrs: { role: 'group', 'aria-label': 'Show as' } }, chartButton, tableButton),
    chartBox,
    tableBox,
  );
}

function topicItem(t: TopicAssessment): HTMLElement {
  const legendId = `legend-${t.topic}`;
  const radios = [1, 2, 3, 4, 5].map((n) => {
    const id = `rating-${t.topic}-${n}`;
    const input = h('input', { id, attrs: { type: 'radio', name: `rating-${t.topic}`, value: String(n) } });
    input.checked = t.rating === n;
    input.addEventListener('change', () => {
      if (input.checked) send({ command: 'setRating', args: { topic: t.topic, rating: n as 1 | 2 | 3 | 4 | 5 } });
    });
    return h('span', { className: 'choice' }, input, h('label', { attrs: { for: id } }, String(n)));
  });
  const fieldset = h(
    'fieldset',
    { className: 'rating', attrs: { 'aria-describedby': 'scale-hint' } },
    h('legend', { id: legendId }, h('span', { className: 'topic-name' }, t.label), h('span', { className: 'detail' }, t.detail)),
    h('span', { className: 'choices' }, ...radios),
    t.rating !== undefined && button('Clear', () => send({ command: 'clearRating', args: { topic: t.topic } }), {
      id: `clear-${t.topic}`,
      secondary: true,
      label: `Clear the rating of ${t.label}`,
    }),
  );
  const figures = h(
    'dl',
    { className: 'figures compact' },
    h('dt', {}, 'Solved'), h('dd', {}, t.drills === 0 ? 'no drills' : `${t.passed} / ${t.drills}`),
    h('dt', {}, 'In'), h('dd', {}, solvedLanguages(t) || '—'),
    h('dt', {}, 'Attempts'), h('dd', {}, String(t.attempts)),
    h('dt', {}, 'Last practised'), h('dd', {}, formatDate(t.lastPractised)),
  );
  const drills = t.drillRefs.length === 0
    ? undefined
    : h(
        'details',
        { id: `drills-${t.topic}` },
        h('summary', {}, `Drills (${t.drillRefs.length})`),
        h('ul', { className: 'drills' }, ...t.drillRefs.map((d) => h(
          'li',
          {},
          button(d.title, () => send({ command: 'openDrill', args: { id: d.id } }), { id: `open-${d.id}`, secondary: true, label: `Open ${d.title} (${STATUS_LABELS[d.status]})` }),
          h('span', { className: `status ${d.status}` }, STATUS_LABELS[d.status], d.solvedIn.length > 0 ? ` in ${d.solvedIn.map((l) => LANGUAGE_LABELS[l]).join(' and ')}` : ''),
        ))),
      );
  const classes = ['topic', t.weak && 'weak', t.strong && 'strong', t.disagreement && 'disagree'].filter(Boolean).join(' ');
  return h('li', { className: classes }, fieldset, figures, drills);
}

function topicsSection(state: ViewState): HTMLElement {
  return section(
    'topics',
    'Rate your confidence',
    h('p', { className: 'hint', id: 'scale-hint' }, '1 means shaky, 5 means you could teach it. Beside each rating: what your drills measured.'),
    h('ol', { className: 'topics' }, ...state.topics.map(topicItem)),
  );
}

function tipsSection(tips: readonly Tip[]): HTMLElement {
  return section('tips', 'Interview tips', h('ul', { className: 'tips' }, ...tips.map((t) => h('li', {}, h('strong', {}, t.title), h('p', {}, ...inlineCode(t.text))))));
}

// ---------------------------------------------------------------------------------------------------------------
// Rendering and messages.

const status = h('p', { id: 'status', className: 'status-line', attrs: { role: 'status', 'aria-live': 'polite' } });
const openDetails = new Set<string>();

function render(state: ViewState): void {
  // Keep focus and open <details> across a re-render: a rating change re-renders the page under the user's keyboard.
  const focusedId = document.activeElement instanceof Element ? document.activeElement.id : '';
  for (const d of Array.from(app.querySelectorAll('details'))) {
    if (d.open) openDetails.add(d.id);
    else openDetails.delete(d.id);
  }
  const page = [
    h('header', {}, h('h1', {}, 'Self-Assessment'), h('p', { className: 'hint' }, 'Rate how confident you feel in each topic of the checklist, then compare it with what the drills measured.')),
    summarySection(state),
    resultsSection(state),
    weakSection(state),
    strongSection(state),
    disagreementSection(state),
    topicsSection(state),
    tipsSection(state.tips),
    h('footer', {}, button('Reset ratings', () => send({ command: 'resetRatings' }), { id: 'reset-ratings', secondary: true }), status),
  ];
  app.replaceChildren(...page);
  app.removeAttribute('aria-busy');
  for (const id of openDetails) {
    const d = document.getElementById(id);
    if (d instanceof HTMLDetailsElement) d.open = true;
  }
  if (focusedId) (document.getElementById(focusedId) as HTMLElement | SVGElement | null)?.focus();
  if (!rendered) {
    rendered = true;
    const saved = pageState();
    if (typeof saved.scrollY === 'number') window.scrollTo(0, saved.scrollY);
  }
}

function onMessage(message: HostMessage): void {
  if ('command' in message) {
    if (message.command === 'state') render(message.args);
    return;
  }
  const command = pending.get(message.seq);
  pending.delete(message.seq);
  if ('err' in message) status.textContent = `Could not ${command ?? 'do that'}: ${message.err}`;
  else if (command === 'resetRatings' && message.res === true) status.textContent = 'Ratings reset.';
  else status.textContent = '';
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const m = event.data;
  if (typeof m !== 'object' || m === null) return;
  if ((m as { command?: unknown }).command === 'state' || typeof (m as { seq?: unknown }).seq === 'number') onMessage(m as HostMessage);
});

let scrollQueued = false;
window.addEventListener('scroll', () => {
  if (scrollQueued) return;
  scrollQueued = true;
  requestAnimationFrame(() => {
    scrollQueued = false;
    savePageState({ scrollY: window.scrollY });
  });
});

send({ command: 'ready' });
