/** The twelve topics of the guide's self-assessment checklist, in the guide's order. */
export const TOPICS = [
  { id: 'python-basics', label: 'Language basics', detail: 'variables, types, operators' },
  { id: 'control-flow', label: 'Control flow', detail: 'if / else, loops, break and continue' },
  { id: 'functions-modules', label: 'Functions and modules', detail: 'functions, modules, code organisation' },
  { id: 'file-io', label: 'File I/O', detail: 'files and directory operations' },
  { id: 'regex', label: 'Regular expressions', detail: 'pattern matching' },
  { id: 'json-yaml', label: 'JSON and YAML', detail: 'parsing and generating structured data' },
  { id: 'http-api', label: 'HTTP and APIs', detail: 'HTTP requests and API integration' },
  { id: 'subprocess', label: 'Running commands', detail: 'subprocess execution' },
  { id: 'cloud-sdks', label: 'Cloud SDKs', detail: 'Azure, Kubernetes and other SDKs' },
  { id: 'logging-errors', label: 'Logging and errors', detail: 'logging and error handling' },
  { id: 'cli-argparse', label: 'CLI tools', detail: 'building command-line tools (argparse)' },
  { id: 'integration', label: 'Practical integration', detail: 'combining several skills' },
] as const;

export type TopicId = (typeof TOPICS)[number]['id'];
export type Topic = (typeof TOPICS)[number];

export const TOPIC_IDS: readonly TopicId[] = TOPICS.map((t) => t.id);

export function isTopicId(value: unknown): value is TopicId {
  return typeof value === 'string' && (TOPIC_IDS as readonly string[]).includes(value);
}

export function topicLabel(id: TopicId): string {
  return TOPICS.find((t) => t.id === id)?.label ?? id;
}
