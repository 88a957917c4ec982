import * as vscode from 'vscode';
import { languageStatusLine, type StatusIn } from '../core/language';
import { type Drill, type DrillStatus, type Language, LANGUAGE_LABELS, STATUS_LABELS, type Tier, TIER_LABELS, TIERS } from '../core/model';
import { minutesLabel, shortTitle } from '../core/describe';
import { describeDue, type DueReview } from '../core/review';
import { interviewerQuestion } from '../core/scratch';
import { topicLabel } from '../core/topics';

export type DrillNode =
  | { kind: 'tier'; tier: Tier }
  | { kind: 'drill'; drill: Drill }
  | { kind: 'due' }
  | { kind: 'review'; drill: Drill; dueAt: string };

export interface TreeDeps {
  drills(): readonly Drill[];
  /** The drill's status in the language it opens in. */
  status(id: string): DrillStatus;
  /** Drills due for review now, longest overdue first. */
  due(): readonly DueReview[];
  now(): Date;
  /** The language a drill opens in, and the window's language (default: TypeScript for both). */
  languageOf?(drill: Drill): Language;
  windowLanguage?(): Language;
  /** The status in each language, for the tooltip. */
  statusIn?: StatusIn;
  onDidChange: vscode.Event<unknown>[];
}

const DUE_NODE: DrillNode = { kind: 'due' };

const STATUS_ICONS: Record<DrillStatus, vscode.ThemeIcon> = {
  untried: new vscode.ThemeIcon('circle-large-outline'),
  failed: new vscode.ThemeIcon('error', new vscode.ThemeColor('testing.iconFailed')),
  passed: new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed')),
};

/** Text as markdown that shows it as it is: markdown's punctuation escaped, spaces left as spaces (so lines wrap). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~&]/g, '\\$&');
}

/**
 * The drill tree: "Due for review (N)" on top while reviews are due, then the three tiers in the guide's order, each
 * with its drills. It listens to the stores it shows (and the clock), so nothing else refreshes it.
 */
export class DrillTreeProvider implements vscode.TreeDataProvider<DrillNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<DrillNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];
  private tierNodes = new Map<Tier, DrillNode>();
  private drillNodes = new Map<string, DrillNode>();

  constructor(private readonly deps: TreeDeps) {
    this.subscriptions = deps.onDidChange.map((event) => event(() => this.refresh()));
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  getChildren(node?: DrillNode): DrillNode[] {
    const drills = this.deps.drills();
    if (!node) {
      if (drills.length === 0) return [];
      return [...(this.dueReviews().length > 0 ? [DUE_NODE] : []), ...TIERS.map((tier) => this.tierNode(tier))];
    }
    if (node.kind === 'due') return this.dueReviews().map(({ drill, dueAt }) => ({ kind: 'review', drill, dueAt }));
    if (node.kind === 'tier') return drills.filter((d) => d.tier === node.tier).map((d) => this.drillNode(d));
    return [];
  }

  /** The due reviews of drills that are loaded, with their drill. */
  dueReviews(): { drill: Drill; dueAt: string }[] {
    const byId = new Map(this.deps.drills().map((d) => [d.id, d]));
    return this.deps.due().flatMap((r) => {
      const drill = byId.get(r.id);
      return drill ? [{ drill, dueAt: r.dueAt }] : [];
    });
  }

  getParent(node: DrillNode): DrillNode | undefined {
    if (node.kind === 'review') return DUE_NODE;
    return node.kind === 'drill' ? this.tierNode(node.drill.tier) : undefined;
  }

  /** The node of a drill, for `TreeView.reveal`. */
  nodeFor(drill: Drill): DrillNode {
    return this.drillNode(drill);
  }

  getTreeItem(node: DrillNode): vscode.TreeItem {
    if (node.kind === 'due') {
      const n = this.dueReviews().length;
      const item = new vscode.TreeItem(`Due for review (${n})`, vscode.TreeItemCollapsibleState.Expanded);
      item.id = 'due';
      item.iconPath = new vscode.ThemeIcon('history');
      item.tooltip = `${n} solved ${n === 1 ? 'drill is' : 'drills are'} due for review: solving a drill again after 1, 3, 7, 14 and 30 days makes it stick.`;
      item.contextValue = 'due';
      return item;
    }
    if (node.kind === 'review') {
      const { drill } = node;
      const due = describeDue(node.dueAt, this.deps.now());
      const item = new vscode.TreeItem(shortTitle(drill.title), vscode.TreeItemCollapsibleState.None);
      item.id = `review:${drill.id}`;
      item.description = `${topicLabel(drill.topic)} · ${due}`;
      item.iconPath = new vscode.ThemeIcon('history');
      item.tooltip = `${drill.title}\n${due}: starts again from its stub (your scores and history are kept).`;
      item.accessibilityInformation = { label: `Review ${drill.title}, ${topicLabel(drill.topic)}, ${due}`, role: 'treeitem' };
      item.contextValue = 'review';
      item.command = { command: 'interviewDrills.startReview', title: 'Start Review', arguments: [drill.id] };
      return item;
    }
    if (node.kind === 'tier') {
      const drills = this.deps.drills().filter((d) => d.tier === node.tier);
      const passed = drills.filter((d) => this.deps.status(d.id) === 'passed').length;
      const item = new vscode.TreeItem(TIER_LABELS[node.tier], vscode.TreeItemCollapsibleState.Expanded);
      item.id = `tier:${node.tier}`;
      item.description = `${drills.length} ${drills.length === 1 ? 'drill' : 'drills'} · ${passed} solved`;
      item.tooltip = `${TIER_LABELS[node.tier]}: ${drills.length} drills, ${passed} solved`;
      // The green check only for a tier whose every drill is solved.
      if (drills.length > 0 && passed === drills.length) item.iconPath = STATUS_ICONS.passed;
      item.contextValue = 'tier';
      return item;
    }
    const { drill } = node;
    const status = this.deps.status(drill.id);
    // A label that fits the default sidebar width; the full title heads the tooltip.
    const item = new vscode.TreeItem(shortTitle(drill.title), vscode.TreeItemCollapsibleState.None);
    item.id = `drill:${drill.id}`;
    // The title stays whole: when the sidebar is narrow, VS Code cuts the description after it, never the label.
    const minutes = minutesLabel(drill);
    const language = this.deps.languageOf?.(drill) ?? 'typescript';
    const windowLanguage = this.deps.windowLanguage?.() ?? 'typescript';
    // The language shows when the window works in Python (or the drill does): which drills are Python's, which not.
    const tag = language === 'python' ? ' · Python' : windowLanguage === 'python' ? ' · TypeScript only' : '';
    item.description = (minutes ? `${topicLabel(drill.topic)} · ${minutes}` : topicLabel(drill.topic)) + tag;
    item.iconPath = STATUS_ICONS[status];
    // `.python` marks a drill with a Python version (its context menu offers Open in Python).
    item.contextValue = `drill.${status}${drill.python ? '.python' : ''}`;
    // A short summary: the interviewer's question, not the whole prompt.
    const summary = [TIER_LABELS[drill.tier], topicLabel(drill.topic), ...(minutes ? [`about ${minutes}`] : []), STATUS_LABELS[status]].join(' · ');
    const perLanguage = this.deps.statusIn ? languageStatusLine(drill, this.deps.statusIn) : '';
    // appendText would turn every space into &nbsp;, and the hover would then break lines inside words.
    const tooltip = new vscode.MarkdownString(`**${escapeMarkdown(drill.title)}**\n\n${escapeMarkdown(summary)}\n\n` +
      `${escapeMarkdown(`Opens in ${LANGUAGE_LABELS[language]}. ${perLanguage}`)}\n\n${escapeMarkdown(interviewerQuestion(drill.prompt))}`);
    tooltip.supportHtml = false;
    item.tooltip = tooltip;
    item.accessibilityInformation = { label: [drill.title, topicLabel(drill.topic), ...(drill.minutes !== undefined ? [`about ${drill.minutes} minutes`] : []), STATUS_LABELS[status], ...(language === 'python' ? ['in Python'] : [])].join(', '), role: 'treeitem' };
    item.command = { command: 'interviewDrills.openDrill', title: 'Open Drill', arguments: [drill.id] };
    return item;
  }

  private tierNode(tier: Tier): DrillNode {
    let node = this.tierNodes.get(tier);
    if (!node) this.tierNodes.set(tier, (node = { kind: 'tier', tier }));
    return node;
  }

  private drillNode(drill: Drill): DrillNode {
    const known = this.drillNodes.get(drill.id);
    if (known && known.kind === 'drill' && known.drill === drill) return known;
    const node: DrillNode = { kind: 'drill', drill };
    this.drillNodes.set(drill.id, node);
    return node;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
  }
}
