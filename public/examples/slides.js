// Example host: slide navigation, and the Corridor Atlas postMessage API (see README, "Embedding").
const slides = [...document.querySelectorAll('.slide')];
let current = 0;
const status = document.getElementById('status');

function show(index) {
  current = Math.max(0, Math.min(slides.length - 1, index));
  slides.forEach((slide, i) => (slide.hidden = i !== current));
}

function sendToMap(message) {
  const frame = slides[current].querySelector('iframe');
  // Target '*' here because the example is served with the atlas; a real deck names the atlas origin.
  frame.contentWindow.postMessage({ source: 'corridor-atlas', ...message }, '*');
}

document.addEventListener('keydown', (event) => {
  if (['ArrowRight', ' ', 'PageDown'].includes(event.key)) show(current + 1);
  else if (['ArrowLeft', 'PageUp'].includes(event.key)) show(current - 1);
  else if (event.key === 'n') sendToMap({ type: 'next' });
  else if (event.key === 'p') sendToMap({ type: 'previous' });
  else return;
  event.preventDefault();
});

window.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || data.source !== 'corridor-atlas') return;
  if (data.type === 'ready') status.textContent = `Map ready (${data.lang}), story ${data.story}, scene ${data.scene}`;
  if (data.type === 'scene') status.textContent = `Story ${data.story}, scene ${data.scene}`;
});
