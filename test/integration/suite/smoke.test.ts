import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

describe('smoke', () => {
  it('runs inside VS Code', () => {
    assert.ok(vscode.version.startsWith('1.'));
  });
});
