/* global acquireVsCodeApi, document, window */
// The mock interview's pages: a button to end the spoken answer, the key-point checklist, links to drills in the
// report, and the spoken timer's text from the host. Everything else is rendered by the host.
(function () {
  const vscode = acquireVsCodeApi();
  const done = document.getElementById('done');
  if (done) done.addEventListener('click', () => vscode.postMessage({ command: 'done' }));
  const form = document.getElementById('checklist');
  if (form) form.addEventListener('submit', (e) => {
    e.preventDefault();
    const ticked = Array.from(form.querySelectorAll('input[name="point"]:checked')).map((i) => Number(i.value));
    vscode.postMessage({ command: 'checklist', ticked });
  });
  for (const b of document.querySelectorAll('button[data-open]')) {
    b.addEventListener('click', () => vscode.postMessage({ command: 'openDrill', id: b.getAttribute('data-open') }));
  }
  const timer = document.getElementById('timer');
  window.addEventListener('message', (e) => {
    if (timer && e.data && e.data.command === 'time' && typeof e.data.text === 'string') timer.textContent = e.data.text;
  });
})();
