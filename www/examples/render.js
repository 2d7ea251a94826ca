// Shows the entity-activate events of the read-only article.
const out = document.getElementById('activated');
document.addEventListener('entity-activate', (e) => {
  const { entity, annotation } = e.detail;
  out.textContent = `${entity.name}: ${entity.label} (${entity.type}${entity.country ? `, ${entity.country}` : ''}), ${entity.count} mention(s)${
    annotation ? `; this one at ${annotation.start}–${annotation.end}` : ''
  }`;
});
