// The part of sucrase's parser state that modules.ts reaches into (sucrase ships these types under dist/types,
// where a deep import does not find them).
declare module 'sucrase/dist/parser/tokenizer/state' {
  export interface StateSnapshot {
    readonly error: Error | null;
  }
  export default class State {
    error: Error | null;
    restoreFromSnapshot(snapshot: StateSnapshot): void;
  }
}
