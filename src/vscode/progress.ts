// Export Progress / Import Progress: the file format, its validation and the merge rules are in core/progress.ts;
// here are the dialogs, the file I/O and the stores' merge verbs.
import * as vscode from 'vscode';
import { exportProgress, mergeDrillScore, parseProgress, ProgressFileError } from '../core/progress';
import { errorText } from '../core/store';
import type { Services } from './services';

export async function exportProgressCommand(s: Services, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const uri = target ?? (await vscode.window.showSaveDialog({
    filters: { 'Interview Drills progress': ['json'] }, saveLabel: 'Export', title: 'Export Progress',
    defaultUri: vscode.Uri.file('interview-drills-progress.json'),
  }));
  if (!uri) return undefined;
  const text = exportProgress({ scores: { ...s.scores.all() }, ratings: { ...s.ratings.all() }, reviews: { ...s.reviews.all() }, interviews: s.interview.history() }, s.clock.now());
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  if (!target) void vscode.window.showInformationMessage(`Interview Drills: progress exported to ${uri.fsPath}.`);
  return uri;
}

export interface ImportSummary {
  drills: number;
  ratings: number;
  reviews: number;
  interviews: number;
}

/** Validates the whole file first: a bad one is refused with every reason, and nothing changes. */
export async function importProgressCommand(s: Services, source?: vscode.Uri): Promise<ImportSummary | undefined> {
  const uri = source ?? (await vscode.window.showOpenDialog({ filters: { 'Interview Drills progress': ['json'] }, openLabel: 'Import', title: 'Import Progress', canSelectMany: false }))?.[0];
  if (!uri) return undefined;
  let incoming;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(await vscode.workspace.fs.readFile(uri));
    incoming = parseProgress(text, uri.fsPath, s.clock.now());
  } catch (e) {
    const message = e instanceof ProgressFileError ? e.message : `${uri.fsPath}: ${errorText(e)}`;
    s.output.error(`Import Progress refused: ${e instanceof ProgressFileError ? [e.file, ...e.reasons].join('\n  ') : message}`);
    void vscode.window.showErrorMessage(`Interview Drills: nothing was imported. ${message}`);
    return undefined;
  }
  await s.scores.mergeIn(incoming.scores, mergeDrillScore);
  await s.ratings.mergeIn(incoming.ratings);
  await s.reviews.mergeIn(incoming.reviews);
  await s.interview.mergeHistory(incoming.interviews);
  const summary = { drills: Object.keys(incoming.scores).length, ratings: Object.keys(incoming.ratings).length, reviews: Object.keys(incoming.reviews).length, interviews: incoming.interviews.length };
  void vscode.window.showInformationMessage(
    `Interview Drills: imported and merged ${summary.drills} drill scores, ${summary.ratings} ratings, ${summary.reviews} review entries and ${summary.interviews} mock interviews.`);
  return summary;
}
