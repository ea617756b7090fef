// For the few places that must build an HTML string (ECharts tooltip formatters): every value
// that comes from the data goes through escapeHtml, so a unit or person named "<img …>" is
// shown as those characters, never parsed as markup.

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;'
}

export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => ENTITIES[c])
}
