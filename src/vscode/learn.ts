import * as vscode from 'vscode';
import { hasLanguage } from '../core/language';
import { learnAccess, learnMarkdown, referenceText, solutionIn, TrapCache, type LearnAccess, type RunCheck, type TrapReport } from '../core/learn';
import { type Drill, drillLanguages, type Language, LANGUAGE_LABELS, TIER_LABELS } from '../core/model';
import { SandboxRunner } from '../core/runner';
import { scratchFileName } from '../core/scratch';
import { topicLabel } from '../core/topics';
import { config } from './config';
import type { DrillDescriptions } from './drillDocument';
import type { InterviewController } from './interview';
import type { PythonTrackService } from './python';
import type { ScratchFiles } from './scratchFiles';
import type { Services } from './services';

export interface LearnDeps {
  sandboxScript: vscode.Uri;
  descriptions: DrillDescriptions;
  scratch: ScratchFiles;
  python: PythonTrackService;
  interview: InterviewController;
  statusIn: Services['statusIn'];
  /** Whether the drill's answer was revealed (kept with the TypeScript scores for every language). */
  answerRevealed(id: string): boolean;
  output: vscode.LogOutputChannel;
}

/** What `Interview Drills: What This Drill Tests` did: the documents it opened, or why it is locked. */
export type LearnShown =
  | { open: true; page: vscode.Uri; reference: vscode.Uri; scratch: vscode.Uri; traps: Promise<TrapReport | undefined> }
  | { open: false; reason: string };

/**
 * "What this drill tests": the page (a markdown preview beside the code, from the drill document provider) and the
 * reference solution in a diff editor against the user's scratch file. The traps are worked out the first time the
 * page is shown for a drill and language, in the background, through a sandbox of their own (TypeScript) or the
 * window's Python sandbox, and kept for the session.
 */
export class LearnView implements vscode.Disposable {
  private readonly cache = new TrapCache();
  /** The latest report per drill and language (an incomplete one too, until a complete one replaces it). */
  private readonly latest = new Map<string, TrapReport>();
  private readonly problems = new Map<string, string>();
  private readonly running = new Map<string, Promise<TrapReport | undefined>>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly deps: LearnDeps) {
    deps.descriptions.learn = {
      page: (drill, language) => this.page(drill, language),
      reference: (drill, language) => this.reference(drill, language),
    };
    // An interview that starts or ends locks or unlocks every open page.
    this.subscriptions.push(deps.interview.onDidChange(() => this.refreshOpenPages()));
  }

  /** Whether the drill may be shown in a language now, and if not, why. */
  access(drill: Drill, language: Language): LearnAccess {
    const status = Object.fromEntries(drillLanguages(drill).map((l) => [l, this.deps.statusIn(drill.id, l)]));
    return learnAccess({
      title: drill.title,
      language,
      status,
      answerRevealed: this.deps.answerRevealed(drill.id),
      interviewPhase: this.deps.interview.current?.phase,
    });
  }

  /**
   * Opens the reference beside the scratch file in a diff editor and the page beside it, or says why it is locked
   * (offering Reveal Answer, or the language the drill is solved in).
   */
  async show(drill: Drill, asked: Language): Promise<LearnShown> {
    const { descriptions, scratch } = this.deps;
    // A drill without a Python version is shown in TypeScript, as it opens.
    const language = hasLanguage(drill, asked) ? asked : 'typescript';
    const access = this.access(drill, language);
    if (!access.open) {
      const actions = [
        ...(access.canReveal ? ['Reveal Answer'] : []),
        ...(access.solvedIn ? [`Show the ${LANGUAGE_LABELS[access.solvedIn]} Version`] : []),
      ];
      void vscode.window.showInformationMessage(access.reason, ...actions).then(async (pick) => {
        if (pick === 'Reveal Answer') {
          if (await vscode.commands.executeCommand<boolean>('interviewDrills.revealAnswer', drill.id)) await this.show(drill, language);
        } else if (pick && access.solvedIn) await this.show(drill, access.solvedIn);
      });
      return { open: false, reason: access.reason };
    }
    const traps = this.traps(drill, language);
    // The user's side of the diff: their scratch file (made from the stub when the answer was revealed before opening it).
    if (!(await scratch.exists(drill, language))) await scratch.open(drill, {}, language);
    const scratchUri = scratch.uriFor(drill, language);
    const reference = descriptions.referenceUriFor(drill, language);
    descriptions.refresh(reference);
    const column = descriptions.codeColumn();
    await vscode.commands.executeCommand('vscode.diff', reference, scratchUri, `${drill.title}: reference ↔ ${scratchFileName(drill.id, language)}`, {
      preview: false,
      ...(column === undefined ? {} : { viewColumn: column }),
    });
    const page = descriptions.learnUriFor(drill, language);
    await descriptions.show(drill, page);
    return { open: true, page, reference, scratch: scratchUri, traps };
  }

  /** The traps of a drill in a language: the cached report, or one worked out now (undefined when none can be). */
  traps(drill: Drill, language: Language): Promise<TrapReport | undefined> {
    const key = `${drill.id}:${language}`;
    const done = this.cache.peek(drill, language);
    if (done) return Promise.resolve(done);
    const already = this.running.get(key);
    if (already) return already;
    this.problems.delete(key);
    const work = this.compute(drill, language).then((report) => {
      this.latest.set(key, report);
      if (!report.complete) this.deps.output.warn(`${drill.id}: some of its mistakes' checks did not finish; the traps are worked out again next time.`);
      return report;
    }, (e: unknown) => {
      const message = e instanceof Error ? e.message : String(e);
      this.problems.set(key, message);
      this.deps.output.warn(`${drill.id}: the traps could not be worked out: ${message}`);
      return undefined;
    }).finally(() => {
      this.running.delete(key);
      this.deps.descriptions.refresh(this.deps.descriptions.learnUriFor(drill, language));
    });
    this.running.set(key, work);
    return work;
  }

  private async compute(drill: Drill, language: Language): Promise<TrapReport> {
    if (language === 'python') {
      const run: RunCheck = async (request) => {
        const result = await this.deps.python.check(request);
        if ('unavailable' in result) throw new Error(result.unavailable);
        return result;
      };
      return this.cache.get(drill, language, run);
    }
    // A sandbox of its own, so a check the user starts meanwhile never waits behind the mistakes; gone once done.
    const runner = new SandboxRunner({ sandboxScript: this.deps.sandboxScript.fsPath, memoryMb: config.memoryLimitMb(), timeoutMs: config.checkTimeoutMs() });
    try {
      return await this.cache.get(drill, language, (request) => runner.check(request));
    } finally {
      runner.dispose();
    }
  }

  /** The page's markdown; asking for it starts working out the traps when they are not known yet. */
  private page(drill: Drill, language: Language): string {
    const access = this.access(drill, language);
    if (!access.open) {
      return `# What this drill tests: ${drill.title}\n\n*${TIER_LABELS[drill.tier]} · ${topicLabel(drill.topic)} · ${LANGUAGE_LABELS[language]}*\n\n` +
        `_Locked._ ${access.reason}\n`;
    }
    const key = `${drill.id}:${language}`;
    const known = this.cache.peek(drill, language);
    // Once per drill and language by itself: after a problem or an unfinished run, the next Show tries again.
    if (!known && !this.running.has(key) && !this.problems.has(key) && !this.latest.has(key)) void this.traps(drill, language);
    const problem = this.problems.get(key);
    return learnMarkdown(drill, {
      language,
      status: this.deps.statusIn(drill.id, language),
      traps: known ?? (this.running.has(key) ? undefined : this.latest.get(key)),
      ...(problem ? { trapsProblem: problem } : {}),
      scratchName: scratchFileName(drill.id, language),
    });
  }

  /** The reference under the header of the user's scratch file (so the diff shows only code); locked: a notice. */
  private async reference(drill: Drill, language: Language): Promise<string> {
    const access = this.access(drill, language);
    const comment = language === 'python' ? '#' : '//';
    if (!access.open) return `${comment} Locked: ${access.reason}\n`;
    return referenceText(solutionIn(drill, language), await this.deps.scratch.currentText(drill, language));
  }

  private refreshOpenPages(): void {
    for (const doc of vscode.workspace.textDocuments) {
      if (doc.uri.scheme === 'interview-drills' && /\.(what-it-tests(\.python)?\.md|reference\.(ts|py))$/.test(doc.uri.path)) this.deps.descriptions.refresh(doc.uri);
    }
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
    this.deps.descriptions.learn = undefined;
  }
}
