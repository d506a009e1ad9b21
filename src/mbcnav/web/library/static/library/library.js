// Glossary terms on touch screens: the first tap shows the definition, a second tap opens
// the glossary. Escape closes an open definition. Pages work without this script.
(() => {
  const touch = window.matchMedia("(hover: none)").matches;
  const closeAll = (except) => document.querySelectorAll(".term-wrap.open").forEach((w) => {
    if (w !== except) w.classList.remove("open");
  });
  document.addEventListener("click", (event) => {
    const link = event.target.closest("a.term");
    if (!link) { closeAll(null); return; }
    const wrap = link.parentElement;
    if (touch && !wrap.classList.contains("open")) {
      event.preventDefault();
      closeAll(wrap);
      wrap.classList.add("open");
    }
  });
  document.addEventListener("keydown", (event) => { if (event.key === "Escape") closeAll(null); });
})();
