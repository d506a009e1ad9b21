// Small progressive enhancements; every page works without JavaScript.
document.addEventListener("click", (event) => {
  const back = event.target.closest("[data-back]");
  if (back) { event.preventDefault(); history.back(); }
  const print = event.target.closest("[data-print]");
  if (print) { event.preventDefault(); window.print(); }
});
// A table wider than its box scrolls inside it; let keyboard users reach and scroll it too.
document.querySelectorAll(".table-scroll").forEach((box) => {
  if (box.hasAttribute("tabindex")) return;
  box.tabIndex = 0;
  box.setAttribute("role", "region");
  const caption = box.querySelector("caption, th");
  box.setAttribute("aria-label", box.dataset.label || (caption ? caption.textContent.trim() : "Table"));
});
// A timeline wider than a phone opens on its most recent end.
document.querySelectorAll(".tl-scroll").forEach((box) => { box.scrollLeft = box.scrollWidth; });
