// Quill 2 (vendored by `node www/examples/vendor.mjs`) with <article-annotator for="editor">.
const saved = document.getElementById('saved');
if (typeof window.Quill !== 'function') {
  saved.textContent = 'Quill is missing: run `node www/examples/vendor.mjs` (after `npm ci`) to copy it into www/examples/vendor/.';
} else {
  const quill = new window.Quill('#editor', {
    theme: 'snow',
    placeholder: 'Write the story…',
    modules: { toolbar: [['bold', 'italic', 'link'], [{ header: [2, 3, false] }], [{ list: 'ordered' }, { list: 'bullet' }], ['clean']] },
  });
  window.quill = quill; // for the browser tests and the console
  document.getElementById('save').addEventListener('click', () => {
    saved.textContent = quill.getSemanticHTML();
  });
}
document.addEventListener('annotator-error', (e) => {
  saved.textContent = `Error: ${e.detail.message}`;
});
