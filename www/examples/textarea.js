// Shows what the element reports, and proves the form submits the textarea's text untouched.
const form = document.getElementById('story-form');
const summary = document.getElementById('summary');

document.addEventListener('annotations-changed', (e) => {
  const { annotations, entities } = e.detail;
  summary.textContent = `${annotations.length} mentions of ${entities.length} entities: ${entities
    .slice(0, 8)
    .map((x) => `${x.name} (${x.count})`)
    .join(', ')}`;
});
document.addEventListener('annotator-error', (e) => {
  summary.textContent = `Error: ${e.detail.message}`;
});
form.addEventListener('submit', (e) => {
  e.preventDefault();
  const story = new FormData(form).get('story');
  summary.textContent = `Saved ${story.length} characters, unchanged: ${story === document.getElementById('story').value}`;
});
