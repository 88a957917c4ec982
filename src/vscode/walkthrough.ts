// The walkthrough's steps complete on the real events: each sets a context key its step's completionEvents name.
import * as vscode from 'vscode';
import type { Services } from './services';

export const WALKTHROUGH_KEYS = {
  opened: 'interviewDrills.walkthrough.opened',
  checked: 'interviewDrills.walkthrough.checked',
  hinted: 'interviewDrills.walkthrough.hinted',
  rated: 'interviewDrills.walkthrough.rated',
} as const;

/** Sets the keys on the events; `set` collects the keys set so far in this window (the tests read it). */
export function registerWalkthroughKeys(s: Services, set: Set<string>): vscode.Disposable[] {
  const done = (key: string): void => {
    if (set.has(key)) return;
    set.add(key);
    void vscode.commands.executeCommand('setContext', key, true);
  };
  return [
    vscode.window.onDidChangeActiveTextEditor((e) => { if (e && s.scratch.drillIdFor(e.document.uri)) done(WALKTHROUGH_KEYS.opened); }),
    s.checker.onDidCheck((o) => { if (o.recorded) done(WALKTHROUGH_KEYS.checked); }),
    s.scores.onDidChange((id) => { if (id !== undefined && (s.scores.get(id)?.hintsUsed ?? 0) > 0) done(WALKTHROUGH_KEYS.hinted); }),
    s.ratings.onDidChange(() => done(WALKTHROUGH_KEYS.rated)),
  ];
}

/** Help: Open Walkthrough, on ours. */
export function openWalkthrough(extensionId: string): Thenable<unknown> {
  return vscode.commands.executeCommand('workbench.action.openWalkthrough', `${extensionId}#interviewDrills.start`, false);
}
