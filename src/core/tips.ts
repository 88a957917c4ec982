// Interview advice from the guide's closing section, retold in our own words for the self-assessment panel.

export interface Tip {
  id: string;
  title: string;
  /** One or two plain sentences. */
  text: string;
}

export const INTERVIEW_TIPS: readonly Tip[] = [
  {
    id: 'think-aloud',
    title: 'Think aloud while you code',
    text: 'Talk the interviewer through each step as you write it rather than summing up at the end. They are judging how you reason, not only the final code.',
  },
  {
    id: 'simple-first',
    title: 'Make it work, then make it better',
    text: 'Get a plain version running before you reach for optimisations. A correct baseline you can improve beats a clever answer that never runs.',
  },
  {
    id: 'handle-errors',
    title: 'Show the failure paths',
    text: 'Use try/except/finally where things can go wrong and say which edge cases you are guarding against. Skipping them reads as not having thought of them.',
  },
  {
    id: 'clarify',
    title: 'Ask before you assume',
    text: 'Check the inputs, the scale and what should happen on bad data before you start. Requirements you guess at are requirements you may get wrong.',
  },
  {
    id: 'idioms',
    title: 'Write idiomatic Python',
    text: 'Reach for comprehensions, `with` blocks and enumerate() where they fit. Fluent use of the language is part of what is being measured.',
  },
  {
    id: 'trade-offs',
    title: 'Weigh the options out loud',
    text: 'Compare approaches as you choose: shelling out with subprocess is quick to write but hard to debug, while an SDK is sturdier but takes time to learn. Interviewers look for that judgement.',
  },
  {
    id: 'dry-run',
    title: 'Test it by hand',
    text: 'Before calling it done, walk a small sample input through your code line by line. Bugs you catch yourself count in your favour.',
  },
];
